import type { stationsZhCN } from './i18n.zh-CN.ts';

/** English texts of the training module's `stations/` pages (same keys as Chinese). */
export const stationsEn: typeof stationsZhCN = {};
