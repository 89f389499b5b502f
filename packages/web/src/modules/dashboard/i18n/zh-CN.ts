import { overviewZhCN } from '../overview/i18n.zh-CN.ts';

/** Simplified Chinese texts of the dashboard module (loaded with its pages). */
export const zhCN = {
  dashboard: {
    overview: overviewZhCN,
  },
};
