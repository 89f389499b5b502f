/** Simplified Chinese texts of the honours module's `board/` pages. */
export const boardZhCN = {};
