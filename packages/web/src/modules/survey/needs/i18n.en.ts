import type { needsZhCN } from './i18n.zh-CN.ts';

/** English texts of the survey module's `needs/` pages (same keys as Chinese). */
export const needsEn: typeof needsZhCN = {
  title: 'Needs survey',
};
