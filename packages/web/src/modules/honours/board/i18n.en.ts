import type { boardZhCN } from './i18n.zh-CN.ts';

/** English texts of the honours module's `board/` pages (same keys as Chinese). */
export const boardEn: typeof boardZhCN = {};
