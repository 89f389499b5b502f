import type { worklistZhCN } from './i18n.zh-CN.ts';

/** English texts of the burden module's `worklist/` pages (same keys as Chinese). */
export const worklistEn: typeof worklistZhCN = {
  title: 'Village work list',
};
