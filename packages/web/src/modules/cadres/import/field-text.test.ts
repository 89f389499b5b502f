import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN as shared } from '../../../i18n/zh-CN.ts';
import { zhCN as cadres } from '../i18n/zh-CN.ts';
import { importFieldText } from './field-text.ts';

beforeAll(async () => {
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { ...shared, ...cadres } } } });
});

describe('an import problem’s field in the record page’s words', () => {
  it('names top fields, list items and their parts', () => {
    const t = i18n.t.bind(i18n);
    expect(importFieldText(t, 'idNumber')).toBe('身份证号');
    expect(importFieldText(t, 'appointments.2.start')).toBe('任职经历第 3 条·开始时间');
    expect(importFieldText(t, 'fullTimeEducation.school')).toBe('全日制教育·毕业院校系');
    expect(importFieldText(t, 'family.0.relation')).toBe('家庭成员第 1 条·称谓');
    expect(importFieldText(t, '')).toBe('');
    expect(importFieldText(t, 'XingMing')).toBe('XingMing');
  });
});
