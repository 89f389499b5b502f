/**
 * The calendar date in China (Asia/Shanghai) at an instant, as `YYYY-MM-DD`. The server's clock is UTC, and
 * from 00:00 to 08:00 Beijing time the UTC date is still yesterday: a deadline or "today" check must use
 * this date, not `toISOString().slice(0, 10)`. China has kept UTC+8 all year, without daylight saving time,
 * since 1992, so the offset is fixed (no time-zone database needed, in the browser or on the server).
 */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** China Standard Time, UTC+8 (the offset of the time zone, not a policy number). */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
