import { aidEn } from '../aid/i18n.en.ts';
import { coverageEn } from '../coverage/i18n.en.ts';
import { healthEn } from '../health/i18n.en.ts';
import { leaveEn } from '../leave/i18n.en.ts';
import { mineEn } from '../mine/i18n.en.ts';
import { talksEn } from '../talks/i18n.en.ts';
import type { zhCN } from './zh-CN.ts';

/** English texts of the care module. */
export const en: typeof zhCN = {
  care: {
    health: healthEn,
    coverage: coverageEn,
    leave: leaveEn,
    aid: aidEn,
    talks: talksEn,
    mine: mineEn,
  },
};
