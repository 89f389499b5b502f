/** Simplified Chinese texts of the training module's `practice/` pages. */
export const practiceZhCN = {};
