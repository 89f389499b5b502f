import type { indicatorsZhCN } from './i18n.zh-CN.ts';

/** English texts of the selection module's `indicators/` pages (same keys as Chinese). */
export const indicatorsEn: typeof indicatorsZhCN = {};
