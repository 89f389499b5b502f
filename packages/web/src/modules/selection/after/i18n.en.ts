import type { afterZhCN } from './i18n.zh-CN.ts';

/** English texts of the selection module's `after/` pages (same keys as Chinese). */
export const afterEn: typeof afterZhCN = {};
