/** Simplified Chinese texts of the care module's `health/` pages. */
export const healthZhCN = {};
