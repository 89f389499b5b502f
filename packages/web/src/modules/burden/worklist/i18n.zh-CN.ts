/** Simplified Chinese texts of the burden module's `worklist/` pages. */
export const worklistZhCN = {
  title: '村(社区)工作事务清单',
};
