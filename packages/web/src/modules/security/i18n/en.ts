import type { zhCN } from './zh-CN.ts';

/** English texts of the security module (fetched only when English is chosen). Same keys as zh-CN. */
export const en: typeof zhCN = {
  security: {
    title: 'Security policy',
    passwordSection: 'Password policy',
    sessionSection: 'Sessions and lockout',
    minLength: 'Minimum length',
    minClasses: 'Minimum character classes',
    minClassesHint: 'How many of lower case, upper case, digit and symbol are required',
    expiryDays: 'Password lifetime (days)',
    expiryDaysHint: '0 means never expires',
    historyCount: 'Previous passwords that cannot be reused',
    idleMinutes: 'Idle timeout (minutes)',
    absoluteHours: 'Maximum session length (hours)',
    lockoutThreshold: 'Failed sign-ins before lockout',
    lockoutMinutes: 'Lockout duration (minutes)',
    saved: 'Security policy saved',
    unitDays: 'days',
    unitMinutes: 'min',
    unitHours: 'h',
    unitTimes: 'times',
    unitChars: 'chars',
    unitClasses: 'classes',
    unitPasswords: 'passwords',
  },
};
