import type { registersZhCN } from './i18n.zh-CN.ts';

/** English texts of the burden module's `registers/` pages (same keys as Chinese). */
export const registersEn: typeof registersZhCN = {
  title: 'Burden registers',
};
