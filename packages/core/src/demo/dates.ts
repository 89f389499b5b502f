/** Pure calendar helpers on ISO dates (YYYY-MM-DD, proleptic Gregorian, no time zones). */

export interface YMD {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Parses YYYY-MM-DD; throws RangeError on anything else (including 2026-02-30). */
export function parseIsoDate(text: string): YMD {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a valid calendar date: ${text}`);
  }
  return { year, month, day };
}

export function formatIsoDate(d: YMD): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01. */
export function toEpochDay(d: YMD): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): YMD {
  const dt = new Date(epochDay * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/** The same calendar day `delta` years away; 29 Feb becomes 28 Feb in common years. */
export function addYears(d: YMD, delta: number): YMD {
  const year = d.year + delta;
  return { year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) };
}

/** Completed years of age on `asOf` for someone born on `birth` (both YYYY-MM-DD). */
export function ageAt(birth: string, asOf: string): number {
  const b = parseIsoDate(birth);
  const a = parseIsoDate(asOf);
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age -= 1;
  return age;
}

/**
 * The inclusive epoch-day range of birth dates giving exactly `age` completed years on `asOf`.
 * (Born on 29 Feb: birthday counts as reached on 1 Mar in common years, as `ageAt` computes.)
 */
export function birthRangeForAge(asOf: YMD, age: number): [number, number] {
  const latest = toEpochDay(addYears(asOf, -age));
  const earliest = toEpochDay(addYears(asOf, -(age + 1))) + 1;
  return [earliest, latest];
}
