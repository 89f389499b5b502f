import { tablesZhCN } from '../tables/i18n.zh-CN.ts';

/** Simplified Chinese texts of the pay module (经济激励; loaded with its pages). */
export const zhCN = {
  pay: {
    tables: tablesZhCN,
    // runs, lines, explanation, what-if, 我的待遇: the runs pages fill these
  },
};
