import { staffingEn } from '../staffing/i18n.en.ts';
import { worklistEn } from '../worklist/i18n.en.ts';
import { registersEn } from '../registers/i18n.en.ts';
import type { zhCN } from './zh-CN.ts';

/** English texts of the burden module (loaded with its pages). */
export const en: typeof zhCN = {
  burden: {
    staffing: staffingEn,
    worklist: worklistEn,
    registers: registersEn,
  },
};
