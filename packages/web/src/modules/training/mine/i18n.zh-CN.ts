/** Simplified Chinese texts of the training module's `mine/` pages. */
export const mineZhCN = {};
