import { needsEn } from '../needs/i18n.en.ts';
import type { zhCN } from './zh-CN.ts';

/** English texts of the survey module (loaded with its pages). */
export const en: typeof zhCN = {
  survey: {
    needs: needsEn,
  },
};
