import type { poolsZhCN } from './i18n.zh-CN.ts';

/** English texts of the selection module's `pools/` pages (same keys as Chinese). */
export const poolsEn: typeof poolsZhCN = {};
