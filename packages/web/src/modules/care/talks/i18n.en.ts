import type { talksZhCN } from './i18n.zh-CN.ts';

/** English texts of the care module's `talks/` pages (same keys as Chinese). */
export const talksEn: typeof talksZhCN = {};
