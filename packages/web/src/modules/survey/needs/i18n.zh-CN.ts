/** Simplified Chinese texts of the survey module's `needs/` pages. */
export const needsZhCN = {
  title: '需求调查',
};
