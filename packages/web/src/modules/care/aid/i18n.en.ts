import type { aidZhCN } from './i18n.zh-CN.ts';

/** English texts of the care module's `aid/` pages (same keys as Chinese). */
export const aidEn: typeof aidZhCN = {};
