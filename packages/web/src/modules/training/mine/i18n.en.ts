import type { mineZhCN } from './i18n.zh-CN.ts';

/** English texts of the training module's `mine/` pages (same keys as Chinese). */
export const mineEn: typeof mineZhCN = {};
