/** Texts of the pay tables page (基数表与统计数据), nested under `pay.tables`. */
export const tablesZhCN = {
  title: '报酬基数与统计数据',
};
