import type { tablesZhCN } from './i18n.zh-CN.ts';

export const tablesEn: typeof tablesZhCN = {
  title: 'Pay bases and statistics',
};
