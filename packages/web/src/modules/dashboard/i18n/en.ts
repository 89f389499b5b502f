import { overviewEn } from '../overview/i18n.en.ts';
import type { zhCN } from './zh-CN.ts';

/** English texts of the dashboard module (loaded with its pages). */
export const en: typeof zhCN = {
  dashboard: {
    overview: overviewEn,
  },
};
