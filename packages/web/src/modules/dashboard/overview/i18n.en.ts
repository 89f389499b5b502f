import type { overviewZhCN } from './i18n.zh-CN.ts';

/** English texts of the dashboard module's `overview/` pages (same keys as Chinese). */
export const overviewEn: typeof overviewZhCN = {
  title: 'Dashboard',
};
