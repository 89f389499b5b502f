import type { practiceZhCN } from './i18n.zh-CN.ts';

/** English texts of the training module's `practice/` pages (same keys as Chinese). */
export const practiceEn: typeof practiceZhCN = {};
