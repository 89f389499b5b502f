/** Simplified Chinese texts of the dashboard module's `overview/` pages. */
export const overviewZhCN = {
  title: '数据看板',
};
