import { formatDot } from '@ganbu/core';
import type { TFunction } from 'i18next';

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
/** A date as officers write it: `1987.03`; other text unchanged. */
const dot = (v: unknown): string => {
  const s = str(v);
  return DATE.test(s) ? formatDot(s) : s;
};
const month = (v: unknown): string => {
  const s = str(v);
  return DATE.test(s) ? formatDot(s.slice(0, 7)) : s;
};
const words = (...parts: unknown[]) =>
  parts
    .map(str)
    .filter((p) => p !== '')
    .join(' ');

/** 学历 学位 院校 专业, e.g. `大学 学士 华侨大学 法学`. */
function education(v: Obj): string {
  return words(v.education, v.degree, v.school, v.major);
}

/** One family member: `妻子 李梅 1980.05 中共党员 某某单位职员`. */
function familyMember(v: Obj): string {
  return words(v.relation, v.name, dot(v.birthDate), v.politicalStatus, v.workUnitAndPost);
}

/** One appointment as a 简历 line: `2015.07--2018.03 某某镇副镇长`. */
function appointment(v: Obj): string {
  const period = `${month(v.start)}--${month(v.end)}`;
  return `${period} ${str(v.unitName)}${str(v.title)}`;
}

/**
 * A record value as readable text for the comparison table: dates dotted, education on one
 * line, family members and appointments one per line. Empty values become `''`.
 */
export function displayValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field === 'gender' && (value === 'male' || value === 'female')) return t(`gender.${value}`);
  if (typeof value === 'string') return dot(value);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const line = (item: unknown): string => {
      if (!isObj(item)) return str(item);
      if (field === 'family') return familyMember(item);
      if (field === 'appointments') return appointment(item);
      return JSON.stringify(item);
    };
    return value.map(line).join(field === 'family' || field === 'appointments' ? '\n' : t('common.enumSep'));
  }
  if (isObj(value)) {
    if ('education' in value || 'school' in value) return education(value);
    return JSON.stringify(value);
  }
  return str(value);
}
