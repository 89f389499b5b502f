import type { programmesZhCN } from './i18n.zh-CN.ts';

/** English texts of the training module's `programmes/` pages (same keys as Chinese). */
export const programmesEn: typeof programmesZhCN = {};
