/** Simplified Chinese texts of the training module's `stations/` pages. */
export const stationsZhCN = {};
