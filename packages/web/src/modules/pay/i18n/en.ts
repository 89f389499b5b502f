import type { zhCN } from './zh-CN.ts';
import { tablesEn } from '../tables/i18n.en.ts';

/** English texts of the pay module. */
export const en: typeof zhCN = {
  pay: {
    tables: tablesEn,
  },
};
