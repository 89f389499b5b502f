import type { leaveZhCN } from './i18n.zh-CN.ts';

/** English texts of the care module's `leave/` pages (same keys as Chinese). */
export const leaveEn: typeof leaveZhCN = {};
