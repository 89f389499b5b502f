/** Simplified Chinese texts of the training module's `programmes/` pages. */
export const programmesZhCN = {};
