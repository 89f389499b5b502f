import { complianceEn } from '../compliance/i18n.en.ts';
import { mineEn } from '../mine/i18n.en.ts';
import { practiceEn } from '../practice/i18n.en.ts';
import { programmesEn } from '../programmes/i18n.en.ts';
import { stationsEn } from '../stations/i18n.en.ts';
import type { zhCN } from './zh-CN.ts';

/** English texts of the training module. */
export const en: typeof zhCN = {
  training: {
    programmes: programmesEn,
    compliance: complianceEn,
    mine: mineEn,
    stations: stationsEn,
    practice: practiceEn,
  },
};
