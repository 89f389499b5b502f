import type { PartialDate } from './model.ts';

/**
 * Dates as officers type them (R-ORG-2 imports and forms): `1987.03`, `198703`, `1987年3月12日`,
 * full-width digits, JS `Date` objects and Excel serial numbers, always to a `PartialDate`.
 * Two-digit years are refused, never guessed.
 */

export type OfficerDateResult = { ok: true; value: PartialDate } | { ok: false; message: string };

/** Years accepted anywhere in the registry (birth dates of family members included). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A partial date as its first day, `YYYY-MM-DD` (a month compares as its 1st). */
export const firstDay = (d: string): string => (d.length === 7 ? `${d}-01` : d);

const fail = (message: string): OfficerDateResult => ({ ok: false, message });

/** Checks year, month and (optional) day and builds the partial date; `shown` is what the officer typed. */
function build(y: number, m: number, d: number | null, shown: string): OfficerDateResult {
  if (y < MIN_YEAR || y > MAX_YEAR)
    return fail(`“${shown}”的年份 ${y} 超出范围（${MIN_YEAR}—${MAX_YEAR} 年）`);
  if (m < 1 || m > 12) return fail(`“${shown}”的月份 ${m} 无效，月份应在 1—12 之间`);
  if (d === null) return { ok: true, value: `${y}-${pad2(m)}` };
  if (d < 1 || d > daysInMonth(y, m)) return fail(`“${shown}”的日期无效：${y} 年 ${m} 月没有 ${d} 日`);
  return { ok: true, value: `${y}-${pad2(m)}-${pad2(d)}` };
}

const twoDigitYear = (shown: string) =>
  fail(`“${shown}”的年份只有两位，无法确定是哪一年，请填写四位年份（如 1987.03）`);

const MS_PER_DAY = 86_400_000;
/** Excel 1900 date system: serial 1 is 1900-01-01; it counts a 1900-02-29 that never existed (serial 60). */
const EXCEL_EPOCH_BEFORE_60 = Date.UTC(1899, 11, 31);
const EXCEL_EPOCH_FROM_61 = Date.UTC(1899, 11, 30);

function fromExcelSerial(serial: number): OfficerDateResult {
  if (!Number.isFinite(serial)) return fail('无效的 Excel 日期序号');
  const whole = Math.floor(serial); // a fraction is the time of day
  if (whole < 1) return fail(`Excel 日期序号 ${serial} 无效，应不小于 1`);
  if (whole === 60) return fail('Excel 日期序号 60 对应的 1900 年 2 月 29 日并不存在，请核对原始日期');
  const ms = (whole < 60 ? EXCEL_EPOCH_BEFORE_60 : EXCEL_EPOCH_FROM_61) + whole * MS_PER_DAY;
  const t = new Date(ms);
  return build(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), `Excel 日期序号 ${whole}`);
}

function fromText(raw: string): OfficerDateResult {
  const s = toHalfWidth(raw).replace(/\s+/g, '');
  const shown = raw.trim();
  if (s === '') return fail('日期不能为空');

  let m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]), shown);

  m = /^(\d{4})([./-])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[3]), m[4] === undefined ? null : Number(m[4]), shown);

  m = /^(\d{4})(\d{2})(\d{2})?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    // `870312` is a two-digit year with a day, not the year 8703
    if (m[3] === undefined && (y < MIN_YEAR || y > MAX_YEAR)) return twoDigitYear(shown);
    return build(y, Number(m[2]), m[3] === undefined ? null : Number(m[3]), shown);
  }

  if (/^\d{4}年?$/.test(s)) {
    const n = Number(s.slice(0, 4));
    if (s.endsWith('年') || (n >= MIN_YEAR && n <= MAX_YEAR)) {
      return fail(`“${shown}”缺少月份，请填写到月（如 1987.03）；如果是两位年份加月份，请改为四位年份`);
    }
    return twoDigitYear(shown); // `8703`
  }
  if (/^\d{2}([./-]|年)\d{1,2}/.test(s)) return twoDigitYear(shown);

  return fail(`无法识别的日期“${shown}”，请按 1987.03 或 1987.03.12 的格式填写`);
}

/**
 * Reads a date as an officer typed it. Strings: `1987.03`, `1987.3`, `198703`, `19870312`, `1987-03-12`,
 * `1987-3-2`, `1987/03`, `1987年3月`, `1987年3月12日`, `1987.03.12`, full-width digits, spaces around.
 * `Date` objects use their UTC parts (spreadsheet readers give UTC midnight).
 * Numbers (a spreadsheet cell): an Excel serial (1900 date system) when `excelSerial` is true, or, by
 * default, when the integer part has at most 5 digits (serials up to 2099 are 5 digits) and is not a
 * year 1900–2099; otherwise the number is read as typed digits (`198703`, `1987.03`). A number like `1987.1` is refused: the cell
 * may have been `1987.10` and the trailing zero is lost. With `excelSerial` true a digit-only string
 * is also read as a serial.
 */
export function parseOfficerDate(
  input: string | number | Date,
  opts?: { excelSerial?: boolean },
): OfficerDateResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return fail('无效的日期');
    return build(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate(), input.toISOString());
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('无效的日期');
    const whole = Math.trunc(input);
    const looksLikeYear = whole >= MIN_YEAR && whole <= MAX_YEAR;
    const asSerial = opts?.excelSerial ?? (!looksLikeYear && Math.abs(whole) < 100_000);
    if (asSerial) return fromExcelSerial(input);
    const text = String(input);
    if (/^\d{4}\.\d$/.test(text) && text.endsWith('.1')) {
      return fail(
        `数值 ${text} 无法区分 1 月和 10 月，请以文本形式填写（如 ${text}0 或 ${text.slice(0, 5)}01）`,
      );
    }
    return fromText(text);
  }
  if (opts?.excelSerial === true && /^\s*\d+(\.\d+)?\s*$/.test(toHalfWidth(input))) {
    return fromExcelSerial(Number(toHalfWidth(input).trim()));
  }
  return fromText(input);
}

/** `1987-03` → `1987.03`, `1987-03-12` → `1987.03.12` (the dotted style of 简历 and 任免表). */
export function formatDot(d: PartialDate): string {
  return d.replace(/-/g, '.');
}

/** True when `a` is strictly later than `b`; a month compares as its first day. */
export function isAfter(a: PartialDate, b: PartialDate): boolean {
  return firstDay(a) > firstDay(b);
}

/** True when `d` (a month as its first day) is not later than `today` (`YYYY-MM-DD` or `YYYY-MM`). */
export function notInFuture(d: PartialDate, today: string): boolean {
  return firstDay(d) <= firstDay(today);
}
