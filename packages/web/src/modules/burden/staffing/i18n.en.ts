import type { staffingZhCN } from './i18n.zh-CN.ts';

/** English texts of the burden module's `staffing/` pages (same keys as Chinese). */
export const staffingEn: typeof staffingZhCN = {
  title: 'Borrowing and establishment',
};
