import type { mineZhCN } from './i18n.zh-CN.ts';

/** English texts of 我的关爱 (same keys as Chinese). */
export const mineEn: typeof mineZhCN = {
  title: 'My care',
  tabs: { leave: 'Leave', health: 'Health checks', talks: 'Talk with a leader', support: 'Support' },
};
