/** Simplified Chinese texts of the selection module's `after/` pages. */
export const afterZhCN = {};
