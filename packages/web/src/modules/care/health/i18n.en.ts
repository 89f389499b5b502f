import type { healthZhCN } from './i18n.zh-CN.ts';

/** English texts of the care module's `health/` pages (same keys as Chinese). */
export const healthEn: typeof healthZhCN = {};
