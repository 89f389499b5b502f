/** Simplified Chinese texts of the care module's `talks/` pages. */
export const talksZhCN = {};
