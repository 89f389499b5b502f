import type { processZhCN } from './i18n.zh-CN.ts';

/** English texts of the selection module's `process/` pages (same keys as Chinese). */
export const processEn: typeof processZhCN = {};
