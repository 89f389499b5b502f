/** Calendar-date arithmetic on ISO `YYYY-MM-DD` strings (UTC midnights, so no time zone can shift a day). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

/** 0 = Sunday … 6 = Saturday */
export const weekdayOf = (date: string): number => new Date(toUtc(date)).getUTCDay();

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
export const isoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
