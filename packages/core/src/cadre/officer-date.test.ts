import { describe, expect, it } from 'vitest';
import { formatDot, isAfter, notInFuture, parseOfficerDate } from './officer-date.ts';

const ok = (value: string) => ({ ok: true, value });

describe('parseOfficerDate: text', () => {
  it.each([
    ['1987.03', '1987-03'],
    ['1987.3', '1987-03'],
    ['1987.10', '1987-10'],
    ['198703', '1987-03'],
    ['19870312', '1987-03-12'],
    ['1987-03-12', '1987-03-12'],
    ['1987-3-2', '1987-03-02'],
    ['1987/03', '1987-03'],
    ['1987/3/12', '1987-03-12'],
    ['1987年3月', '1987-03'],
    ['1987年3月12日', '1987-03-12'],
    ['1987 年 3 月 12 日', '1987-03-12'],
    ['1987.03.12', '1987-03-12'],
    ['  1987.03  ', '1987-03'],
    ['１９８７．０３', '1987-03'],
    ['\u3000１９８７年３月１２日', '1987-03-12'],
    ['1988.02.29', '1988-02-29'], // 1988 is a leap year
    ['2000.02.29', '2000-02-29'], // divisible by 400
  ])('%s → %s', (input, value) => {
    expect(parseOfficerDate(input)).toEqual(ok(value));
  });

  it('refuses two-digit years instead of guessing the century', () => {
    const msg = (s: string) => ({
      ok: false,
      message: `“${s}”的年份只有两位，无法确定是哪一年，请填写四位年份（如 1987.03）`,
    });
    expect(parseOfficerDate('87.03')).toEqual(msg('87.03'));
    expect(parseOfficerDate('8703')).toEqual(msg('8703'));
    expect(parseOfficerDate('870312')).toEqual(msg('870312'));
    expect(parseOfficerDate('87年3月')).toEqual(msg('87年3月'));
    expect(parseOfficerDate('87-3-12')).toEqual(msg('87-3-12'));
  });

  it('refuses invalid months and days', () => {
    expect(parseOfficerDate('1987.13')).toEqual({
      ok: false,
      message: '“1987.13”的月份 13 无效，月份应在 1—12 之间',
    });
    expect(parseOfficerDate('1987.00')).toMatchObject({ ok: false });
    expect(parseOfficerDate('198700')).toMatchObject({ ok: false });
    expect(parseOfficerDate('1987.02.29')).toEqual({
      ok: false,
      message: '“1987.02.29”的日期无效：1987 年 2 月没有 29 日',
    });
    expect(parseOfficerDate('1900.02.29')).toMatchObject({ ok: false }); // 1900 is not a leap year
    expect(parseOfficerDate('1987-04-31')).toMatchObject({ ok: false });
    expect(parseOfficerDate('19870132')).toMatchObject({ ok: false });
  });

  it('refuses a year alone, years out of range, mixed separators and noise', () => {
    const noMonth = '缺少月份，请填写到月（如 1987.03）；如果是两位年份加月份，请改为四位年份';
    expect(parseOfficerDate('1987')).toEqual({ ok: false, message: `“1987”${noMonth}` });
    expect(parseOfficerDate('1987年')).toEqual({ ok: false, message: `“1987年”${noMonth}` });
    expect(parseOfficerDate('1899.12')).toEqual({
      ok: false,
      message: '“1899.12”的年份 1899 超出范围（1900—2099 年）',
    });
    expect(parseOfficerDate('1987-03/12')).toEqual({
      ok: false,
      message: '无法识别的日期“1987-03/12”，请按 1987.03 或 1987.03.12 的格式填写',
    });
    expect(parseOfficerDate('三月')).toMatchObject({ ok: false });
    expect(parseOfficerDate('   ')).toEqual({ ok: false, message: '日期不能为空' });
  });
});

describe('parseOfficerDate: Date objects and spreadsheet numbers', () => {
  it('reads Date objects by their UTC parts', () => {
    expect(parseOfficerDate(new Date(Date.UTC(1987, 2, 12)))).toEqual(ok('1987-03-12'));
    // 23:30 UTC on 31 Dec is still 31 Dec whatever the local zone
    expect(parseOfficerDate(new Date('1987-12-31T23:30:00Z'))).toEqual(ok('1987-12-31'));
    expect(parseOfficerDate(new Date(Number.NaN))).toEqual({ ok: false, message: '无效的日期' });
  });

  it('reads Excel serials in the 1900 system, including the fake 1900-02-29', () => {
    expect(parseOfficerDate(1)).toEqual(ok('1900-01-01'));
    expect(parseOfficerDate(59)).toEqual(ok('1900-02-28')); // 31 days of January + 28
    expect(parseOfficerDate(60)).toEqual({
      ok: false,
      message: 'Excel 日期序号 60 对应的 1900 年 2 月 29 日并不存在，请核对原始日期',
    });
    expect(parseOfficerDate(61)).toEqual(ok('1900-03-01'));
    // 1900-01-01 → 1988-01-01: 88 years with 21 leap days (1904…1984) = 88·365 + 21 = 32141 days;
    // + 31 (Jan) + 29 (Feb 1988) → 1988-03-01 is 32201 days after 1900-01-01 (serial 1);
    // serial = 1 + 32201 + 1 (the fake 1900-02-29) = 32203
    expect(parseOfficerDate(32203)).toEqual(ok('1988-03-01'));
    expect(parseOfficerDate(32202)).toEqual(ok('1988-02-29'));
    expect(parseOfficerDate(32203.75)).toEqual(ok('1988-03-01')); // the fraction is the time of day
    expect(parseOfficerDate(0)).toEqual({ ok: false, message: 'Excel 日期序号 0 无效，应不小于 1' });
    expect(parseOfficerDate(Number.POSITIVE_INFINITY)).toEqual({ ok: false, message: '无效的日期' });
  });

  it('reads year-like numbers as typed digits unless told they are serials', () => {
    expect(parseOfficerDate(1987.03)).toEqual(ok('1987-03'));
    expect(parseOfficerDate(1987.12)).toEqual(ok('1987-12'));
    expect(parseOfficerDate(198703)).toEqual(ok('1987-03'));
    expect(parseOfficerDate(19870312)).toEqual(ok('1987-03-12'));
    expect(parseOfficerDate(1987.1)).toEqual({
      ok: false,
      message: '数值 1987.1 无法区分 1 月和 10 月，请以文本形式填写（如 1987.10 或 1987.01）',
    });
    // serial 1987 = 1987 − 1 − 1 (fake 1900-02-29) = 1985 days after 1900-01-01:
    // 1900…1903 = 4·365 = 1460 → 1904-01-01; +366 (1904) → 1905-01-01 with 159 left;
    // 159 = 31 + 28 + 31 + 30 + 31 + 8 → 1905-06-09
    expect(parseOfficerDate(1987, { excelSerial: true })).toEqual(ok('1905-06-09'));
    expect(parseOfficerDate(32203, { excelSerial: false })).toMatchObject({ ok: false });
    expect(parseOfficerDate('32203', { excelSerial: true })).toEqual(ok('1988-03-01'));
    expect(parseOfficerDate('32203')).toMatchObject({ ok: false });
  });
});

describe('formatDot, isAfter, notInFuture', () => {
  it('formats in the dotted resume style', () => {
    expect(formatDot('1987-03')).toBe('1987.03');
    expect(formatDot('1987-03-12')).toBe('1987.03.12');
  });

  it('compares partial dates, a month as its first day', () => {
    expect(isAfter('1987-04', '1987-03-31')).toBe(true);
    expect(isAfter('1987-03-02', '1987-03')).toBe(true);
    expect(isAfter('1987-03', '1987-03-01')).toBe(false); // same day
    expect(isAfter('1987-03-01', '1987-03')).toBe(false);
    expect(isAfter('1986-12', '1987-01')).toBe(false);
  });

  it('accepts today and the current month, refuses later dates', () => {
    expect(notInFuture('2026-11-22', '2026-11-22')).toBe(true);
    expect(notInFuture('2026-11', '2026-11-22')).toBe(true);
    expect(notInFuture('2026-11-23', '2026-11-22')).toBe(false);
    expect(notInFuture('2026-12', '2026-11-22')).toBe(false);
  });
});
