/** Simplified Chinese texts of the care module's `coverage/` pages. */
export const coverageZhCN = {};
