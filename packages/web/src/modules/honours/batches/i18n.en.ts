import type { batchesZhCN } from './i18n.zh-CN.ts';

/** English texts of the honours module's `batches/` pages (same keys as Chinese). */
export const batchesEn: typeof batchesZhCN = {};
