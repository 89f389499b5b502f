import type { PartialDate } from './model.ts';
import { daysInMonth, toHalfWidth } from './officer-date.ts';

/** 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, check character. */

export type IdNumberResult =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female'; regionCode: string }
  | { ok: false; code: 'LENGTH' | 'CHARS' | 'BIRTH_DATE' | 'CHECK_DIGIT'; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_YEAR = 1900;

const GENDER_LABEL = { male: '男', female: '女' } as const;

/** Spaces removed, full-width digits and `Ｘ` made half-width, `x` upper-case. */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((w, i) => {
    sum += Number(first17.charAt(i)) * w;
  });
  return CHECK_CHARS.charAt(sum % 11);
}

export function parseIdNumber(raw: string): IdNumberResult {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) {
    const hint = id.length === 15 ? '，15 位旧号码请换成 18 位身份证号' : '';
    return { ok: false, code: 'LENGTH', message: `身份证号应为 18 位，当前为 ${id.length} 位${hint}` };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, code: 'CHARS', message: '身份证号前 17 位应为数字，最后一位为数字或 X' };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < MIN_BIRTH_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return {
      ok: false,
      code: 'BIRTH_DATE',
      message: `身份证号中的出生日期 ${id.slice(6, 14)} 不是有效日期`,
    };
  }
  const expected = idCheckChar(id.slice(0, 17));
  if (id.charAt(17) !== expected) {
    return {
      ok: false,
      code: 'CHECK_DIGIT',
      message: '身份证号校验位不正确，请核对是否有数字录入错误',
    };
  }
  return {
    ok: true,
    normalized: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

/** `11010519491231002X` → `110105********002X`; anything too short to keep 10 characters is all stars. */
export function maskIdNumber(id: string): string {
  const s = normalizeIdNumber(id);
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** `13812345678` → `138****5678`; other numbers keep the first 3 and last 2 characters. */
export function maskPhone(p: string): string {
  const s = toHalfWidth(p).replace(/\s+/g, '');
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  if (s.length <= 5) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 5)}${s.slice(-2)}`;
}

/**
 * Where a (valid) ID number disagrees with the record: birth date (compared to the month when the
 * record keeps only a month) and gender. An invalid ID number gives its own message.
 */
export function checkIdAgainstRecord(
  id: string,
  record: { birthDate: PartialDate; gender: 'male' | 'female' },
): string[] {
  const parsed = parseIdNumber(id);
  if (!parsed.ok) return [parsed.message];
  const messages: string[] = [];
  const fromId = parsed.birthDate.slice(0, record.birthDate.length);
  if (fromId !== record.birthDate) {
    messages.push(`身份证号中的出生日期（${fromId}）与登记的出生日期（${record.birthDate}）不一致`);
  }
  if (parsed.gender !== record.gender) {
    messages.push(
      `身份证号显示性别为${GENDER_LABEL[parsed.gender]}，与登记的性别（${GENDER_LABEL[record.gender]}）不一致`,
    );
  }
  return messages;
}
