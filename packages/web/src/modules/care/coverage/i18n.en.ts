import type { coverageZhCN } from './i18n.zh-CN.ts';

/** English texts of the care module's `coverage/` pages (same keys as Chinese). */
export const coverageEn: typeof coverageZhCN = {};
