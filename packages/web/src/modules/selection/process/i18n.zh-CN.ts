/** Simplified Chinese texts of the selection module's `process/` pages. */
export const processZhCN = {};
