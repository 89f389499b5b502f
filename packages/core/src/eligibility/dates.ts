/**
 * Calendar arithmetic on `YYYY-MM-DD` strings (no time zone: a decision date is a calendar day).
 */

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  if (m !== 2) return DAYS[m - 1]!;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/**
 * The corresponding day `n` months later (n may be negative); a month without that day gives its last
 * day (2026-08-31 + 6 months = 2027-02-28).
 */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The next calendar day. */
export function nextDay(date: string): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 31 December of the date's year. */
export function endOfYear(date: string): string {
  return `${date.slice(0, 4)}-12-31`;
}
