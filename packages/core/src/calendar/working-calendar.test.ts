import { describe, expect, it } from 'vitest';
import { officialSchedule } from './official.ts';
import { chinaToday } from './today.ts';
import {
  addWorkingDays,
  buildWorkingCalendar,
  CALENDAR_FIRST_YEAR,
  checkCalendarDate,
  checkOverride,
  dayInfo,
  isWorkingDay,
  specialDays,
  workingDaysBetween,
  workingPeriod,
  yearSchedule,
} from './working-calendar.ts';

const cal = buildWorkingCalendar([]);
const dates = (days: { date: string }[]) => days.map((d) => d.date);

describe('working-day calendar: the published arrangements (chinese-days)', () => {
  it('covers 2004 to 2026; 2027 is not published in this version of the package', () => {
    expect(cal.publishedYears).toEqual({ first: 2004, last: 2026 });
    expect(officialSchedule().firstYear).toBe(CALENDAR_FIRST_YEAR);
    expect(yearSchedule(cal, 2026)).toBe('published');
    expect(yearSchedule(cal, 2027)).toBe('statutory-only');
  });

  it('5 working days from 2026-09-28 end on 2026-10-09, over the National Day week', () => {
    // Mon 09-28, Tue 09-29, Wed 09-30 = 3; 10-01 … 10-07 off (国庆节); Thu 10-08 = 4, Fri 10-09 = 5
    const p = workingPeriod(cal, '2026-09-28', 5);
    expect(p.date).toBe('2026-10-09');
    expect(dates(p.skipped)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(p.skipped[2]).toEqual({
      date: '2026-10-03',
      working: false,
      reason: 'holiday',
      name: '国庆节',
      nameEn: 'National Day',
      source: 'official',
    });
    expect(p.unpublishedYears).toEqual([]);
    expect(addWorkingDays(cal, '2026-09-28', 5)).toBe('2026-10-09');
    expect(workingDaysBetween(cal, '2026-09-28', '2026-10-09')).toBe(5);
  });

  it('counts a make-up Saturday (调休上班) as a working day', () => {
    expect(dayInfo(cal, '2026-10-10')).toEqual({
      date: '2026-10-10',
      working: true,
      reason: 'makeup-workday',
      name: '国庆节',
      nameEn: 'National Day',
      source: 'official',
    });
    // Thu 10-08 = 1, Fri 10-09 = 2, Sat 10-10 (make-up) = 3
    expect(addWorkingDays(cal, '2026-10-08', 3)).toBe('2026-10-10');
    // Fri 09-18 = 1, Sat 09-19 off, Sun 09-20 (make-up for 国庆) = 2, Mon 09-21 = 3
    const p = workingPeriod(cal, '2026-09-18', 3);
    expect(p.date).toBe('2026-09-21');
    expect(p.skipped).toEqual([
      { date: '2026-09-19', working: false, reason: 'weekend', source: 'official' },
    ]);
  });

  it('春节 2026: 02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    // Thu 02-12 = 1, Fri 02-13 = 2, Sat 02-14 (make-up) = 3, 02-15 … 02-23 off (9 days), Tue 02-24 = 4,
    // Wed 02-25 = 5
    const p = workingPeriod(cal, '2026-02-12', 5);
    expect(p.date).toBe('2026-02-25');
    expect(dates(p.skipped)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(new Set(p.skipped.map((d) => d.name))).toEqual(new Set(['春节']));
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true);
    expect(workingDaysBetween(cal, '2026-02-15', '2026-02-23')).toBe(0);
  });

  it('a period starting on a day off starts counting on the next working day', () => {
    // Sat 10-03 and 10-04 … 10-07 off; Thu 10-08 = 1
    expect(addWorkingDays(cal, '2026-10-03', 1)).toBe('2026-10-08');
    expect(() => addWorkingDays(cal, '2026-10-03', 0)).toThrow(RangeError);
  });

  it('names 清明, 端午 and 中秋 as the regulation does', () => {
    expect(dayInfo(cal, '2026-04-05').name).toBe('清明节');
    expect(dayInfo(cal, '2026-06-19').name).toBe('端午节');
    expect(dayInfo(cal, '2026-09-25').name).toBe('中秋节');
  });
});

describe('working-day calendar: district overrides', () => {
  it('an extra holiday on 2026-10-09 moves the end of the National Day period to the make-up Saturday', () => {
    const district = buildWorkingCalendar([{ date: '2026-10-09', kind: 'holiday', note: '区运动会' }]);
    // 09-28, 09-29, 09-30 = 3; 10-01 … 10-07 off; Thu 10-08 = 4; Fri 10-09 off (district);
    // Sat 10-10 is the official make-up workday = 5
    const p = workingPeriod(district, '2026-09-28', 5);
    expect(p.date).toBe('2026-10-10');
    expect(p.skipped.at(-1)).toEqual({
      date: '2026-10-09',
      working: false,
      reason: 'override-holiday',
      name: '区运动会',
      source: 'district',
    });
    // and with the make-up Saturday given off too, the period runs to Monday 10-12
    const both = buildWorkingCalendar([
      { date: '2026-10-09', kind: 'holiday', note: '区运动会' },
      { date: '2026-10-10', kind: 'holiday', note: '区运动会' },
    ]);
    expect(addWorkingDays(both, '2026-09-28', 5)).toBe('2026-10-12');
  });

  it('a district make-up workday on a Sunday counts', () => {
    const district = buildWorkingCalendar([{ date: '2026-11-08', kind: 'workday', note: '换届选举' }]);
    // Fri 11-06 = 1, Sat 11-07 off, Sun 11-08 (district workday) = 2
    expect(addWorkingDays(district, '2026-11-06', 2)).toBe('2026-11-08');
    expect(addWorkingDays(cal, '2026-11-06', 2)).toBe('2026-11-09');
    expect(dayInfo(district, '2026-11-08')).toMatchObject({ reason: 'override-workday', source: 'district' });
  });

  it('refuses an override that changes nothing, and dates outside the calendar', () => {
    expect(checkOverride(cal, { date: '2026-10-03', kind: 'holiday', note: 'x' })).toBe(
      'CALENDAR_OVERRIDE_NO_EFFECT',
    );
    expect(checkOverride(cal, { date: '2026-10-12', kind: 'workday', note: 'x' })).toBe(
      'CALENDAR_OVERRIDE_NO_EFFECT',
    );
    expect(checkOverride(cal, { date: '2026-10-03', kind: 'workday', note: 'x' })).toBeNull();
    expect(checkOverride(cal, { date: '2026-10-12', kind: 'holiday', note: 'x' })).toBeNull();
    expect(checkCalendarDate('2026-02-30')).toBe('CALENDAR_DATE_INVALID');
    expect(checkCalendarDate('2003-12-31')).toBe('CALENDAR_DATE_OUT_OF_RANGE');
    expect(checkCalendarDate('2100-01-01')).toBe('CALENDAR_DATE_OUT_OF_RANGE');
    expect(checkCalendarDate('2099-12-31')).toBeNull();
    expect(() => dayInfo(cal, '2003-12-31')).toThrow(RangeError);
  });
});

describe('working-day calendar: a year not published yet (statutory holidays only)', () => {
  it('skips 1 January 2027 and says the year is statutory-only', () => {
    // Mon 2026-12-28 = 1 … Thu 12-31 = 4; Fri 2027-01-01 元旦 (statute); Sat 01-02, Sun 01-03; Mon 01-04 = 5
    const p = workingPeriod(cal, '2026-12-28', 5);
    expect(p.date).toBe('2027-01-04');
    expect(p.skipped).toEqual([
      {
        date: '2027-01-01',
        working: false,
        reason: 'holiday',
        name: '元旦',
        nameEn: "New Year's Day",
        source: 'statutory',
      },
      { date: '2027-01-02', working: false, reason: 'weekend', source: 'statutory' },
      { date: '2027-01-03', working: false, reason: 'weekend', source: 'statutory' },
    ]);
    expect(p.unpublishedYears).toEqual([2027]);
  });

  it('knows the lunar holidays of 2027 and invents no make-up workday', () => {
    // 除夕 is the eve of 正月初一 (2027-02-06); 清明 the solar term; 端午 五月初五; 中秋 八月十五
    const days = specialDays(cal, 2027);
    expect(days.map((d) => `${d.date} ${d.name ?? ''}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
    expect(days.every((d) => d.source === 'statutory' && !d.working)).toBe(true);
  });

  it('names a day two holidays share (2028: 中秋 on 10-03)', () => {
    expect(dayInfo(cal, '2028-10-03')).toMatchObject({ name: '中秋节、国庆节', reason: 'holiday' });
  });

  it('takes a district override over the statute (the arrangement entered before the package has it)', () => {
    const district = buildWorkingCalendar([
      { date: '2027-02-09', kind: 'holiday', note: '春节（国务院安排）' },
    ]);
    // Thu 02-04 = 1; 02-05 … 02-08 春节; Tue 02-09 district holiday; Wed 02-10 = 2
    expect(addWorkingDays(district, '2027-02-04', 2)).toBe('2027-02-10');
    expect(addWorkingDays(cal, '2027-02-04', 2)).toBe('2027-02-09');
  });
});

describe('the 2026 published year against the package, day by day', () => {
  it('has 33 holidays and 6 make-up workdays', () => {
    const days = specialDays(cal, 2026);
    expect(days.filter((d) => d.reason === 'holiday')).toHaveLength(33);
    expect(dates(days.filter((d) => d.reason === 'makeup-workday'))).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});

describe('chinaToday', () => {
  it('is the Beijing date: 16:30 UTC on 31 December is already 1 January', () => {
    expect(chinaToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(chinaToday(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaToday(new Date('2026-11-02T00:30:00+08:00'))).toBe('2026-11-02');
  });
});
