import { addDays, isIsoDate, weekdayOf, yearOf } from './dates.ts';
import { officialSchedule } from './official.ts';
import { statutoryHolidaysOf } from './statutory.ts';

/**
 * China's working-day calendar: the State Council's published arrangements (holidays and make-up workdays,
 * from `chinese-days`), the statutory holidays for a year not published yet, and the district's own
 * overrides on top. Dates are ISO `YYYY-MM-DD` strings. Pure: the overrides come from the caller.
 */

/** A district's own change to one day (组织部: an extra day off, or a make-up workday), applied last. */
export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  note: string;
}

export type DayReason =
  'weekday' | 'weekend' | 'holiday' | 'makeup-workday' | 'override-holiday' | 'override-workday';
export type DaySource = 'official' | 'statutory' | 'district';
export type YearSchedule = 'published' | 'statutory-only';

/** One day explained: whether it is worked, why, and on whose say-so. */
export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  /** the holiday's name (中文), or the override's note */
  name?: string;
  nameEn?: string;
  source: DaySource;
}

export interface WorkingCalendar {
  /** the district overrides by date */
  readonly overrides: ReadonlyMap<string, CalendarOverride>;
  /** the years of the State Council's arrangements the package ships */
  readonly publishedYears: { readonly first: number; readonly last: number };
}

/**
 * The years the calendar answers for: from the first arrangement `chinese-days` ships (2004; a test holds
 * them equal) to 2099 — the lunar conversion behind a statutory-only year's 春节, 端午 and 中秋 reaches 2100.
 * Technical bounds, not policy.
 */
export const CALENDAR_FIRST_YEAR = 2004;
export const CALENDAR_LAST_YEAR = 2099;

export type CalendarProblem =
  'CALENDAR_DATE_INVALID' | 'CALENDAR_DATE_OUT_OF_RANGE' | 'CALENDAR_OVERRIDE_NO_EFFECT';

export const CALENDAR_PROBLEM_TEXT: Record<CalendarProblem, string> = {
  CALENDAR_DATE_INVALID: '日期不合法',
  CALENDAR_DATE_OUT_OF_RANGE: `日期超出工作日历支持的年份（${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 年）`,
  CALENDAR_OVERRIDE_NO_EFFECT: '该日本来就是这样安排的，无需调整',
};

/** Is the date one the calendar answers for? Returns the problem, or null. */
export function checkCalendarDate(date: string): CalendarProblem | null {
  if (!isIsoDate(date)) return 'CALENDAR_DATE_INVALID';
  const y = yearOf(date);
  return y < CALENDAR_FIRST_YEAR || y > CALENDAR_LAST_YEAR ? 'CALENDAR_DATE_OUT_OF_RANGE' : null;
}

function assertInRange(date: string): void {
  const problem = checkCalendarDate(date);
  if (problem) throw new RangeError(`${problem}: ${date}`);
}

export function buildWorkingCalendar(overrides: readonly CalendarOverride[]): WorkingCalendar {
  const { firstYear, lastYear } = officialSchedule();
  const byDate = new Map<string, CalendarOverride>();
  for (const o of overrides) {
    assertInRange(o.date);
    byDate.set(o.date, o);
  }
  return { overrides: byDate, publishedYears: { first: firstYear, last: lastYear } };
}

export function yearSchedule(cal: WorkingCalendar, year: number): YearSchedule {
  return year <= cal.publishedYears.last ? 'published' : 'statutory-only';
}

/** statutory holidays per year, computed once (pure and the same for every calendar) */
const statutoryCache = new Map<number, ReturnType<typeof statutoryHolidaysOf>>();
function statutoryOf(year: number) {
  let days = statutoryCache.get(year);
  if (!days) {
    days = statutoryHolidaysOf(year);
    statutoryCache.set(year, days);
  }
  return days;
}

/** The day without the district's overrides: the published arrangement, or the statute, then the week. */
function baseDayInfo(cal: WorkingCalendar, date: string): DayInfo {
  const year = yearOf(date);
  const published = yearSchedule(cal, year) === 'published';
  if (published) {
    const official = officialSchedule().days.get(date);
    if (official) {
      const working = official.kind === 'makeup-workday';
      return {
        date,
        working,
        reason: official.kind,
        name: official.name,
        nameEn: official.nameEn,
        source: 'official',
      };
    }
  } else {
    const statutory = statutoryOf(year).get(date);
    if (statutory) return { date, working: false, reason: 'holiday', ...statutory, source: 'statutory' };
  }
  const weekend = [0, 6].includes(weekdayOf(date));
  return {
    date,
    working: !weekend,
    reason: weekend ? 'weekend' : 'weekday',
    source: published ? 'official' : 'statutory',
  };
}

/** One day explained. Throws a RangeError for a date outside the calendar's years. */
export function dayInfo(cal: WorkingCalendar, date: string): DayInfo {
  assertInRange(date);
  return explain(cal, date);
}

/** dayInfo for a date known to be valid and in range (the loops below check their ends once) */
function explain(cal: WorkingCalendar, date: string): DayInfo {
  const o = cal.overrides.get(date);
  if (o) {
    const holiday = o.kind === 'holiday';
    return {
      date,
      working: !holiday,
      reason: holiday ? 'override-holiday' : 'override-workday',
      name: o.note,
      source: 'district',
    };
  }
  return baseDayInfo(cal, date);
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  return dayInfo(cal, date).working;
}

/**
 * Would this override change the day? An extra day off on a day already off, or a workday on a day
 * already worked, has no effect (the published arrangement or the week already says so).
 */
export function checkOverride(cal: WorkingCalendar, o: CalendarOverride): CalendarProblem | null {
  const problem = checkCalendarDate(o.date);
  if (problem) return problem;
  return baseDayInfo(cal, o.date).working === (o.kind === 'workday') ? 'CALENDAR_OVERRIDE_NO_EFFECT' : null;
}

/** A period of working days: the day it ends, and the days off it stepped over on the way. */
export interface WorkingPeriod {
  date: string;
  /** every day in [from, date] that is not a working day, explained */
  skipped: DayInfo[];
  /** the years of the period whose arrangement is not published yet (statutory holidays only) */
  unpublishedYears: number[];
}

/**
 * The period of `n` working days starting on `from` (from itself counts when it is a working day; n ≥ 1):
 * the day it ends, with every day off in between explained.
 */
export function workingPeriod(cal: WorkingCalendar, from: string, n: number): WorkingPeriod {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a period has at least 1 working day, not ${n}`);
  const skipped: DayInfo[] = [];
  const years = new Set<number>();
  assertInRange(from);
  let date = from;
  let counted = 0;
  for (;;) {
    const year = yearOf(date);
    if (year > CALENDAR_LAST_YEAR) assertInRange(date);
    const info = explain(cal, date);
    if (year > cal.publishedYears.last) years.add(year);
    if (info.working) counted += 1;
    else skipped.push(info);
    if (counted === n) return { date, skipped, unpublishedYears: [...years] };
    date = addDays(date, 1);
  }
}

/** The date on which a period of `n` working days starting on `from` ends. */
export function addWorkingDays(cal: WorkingCalendar, from: string, n: number): string {
  return workingPeriod(cal, from, n).date;
}

/**
 * The working days from `a` to `b`, both included (0 when b is before a). "Within N working days of a":
 * workingDaysBetween(cal, a, b) ≤ N; and workingDaysBetween(cal, from, addWorkingDays(cal, from, n)) = n.
 */
export function workingDaysBetween(cal: WorkingCalendar, a: string, b: string): number {
  assertInRange(a);
  assertInRange(b);
  let count = 0;
  for (let d = a; d <= b; d = addDays(d, 1)) if (explain(cal, d).working) count += 1;
  return count;
}

/**
 * The days of a year that are not ordinary weekdays and weekends: holidays, make-up workdays and the
 * district's overrides, in date order.
 */
export function specialDays(cal: WorkingCalendar, year: number): DayInfo[] {
  assertInRange(`${year}-01-01`);
  const out: DayInfo[] = [];
  for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1)) {
    const info = explain(cal, d);
    if (info.reason !== 'weekday' && info.reason !== 'weekend') out.push(info);
  }
  return out;
}
