import type { complianceZhCN } from './i18n.zh-CN.ts';

/** English texts of the training module's `compliance/` pages (same keys as Chinese). */
export const complianceEn: typeof complianceZhCN = {};
