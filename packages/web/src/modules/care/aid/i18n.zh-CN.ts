/** Simplified Chinese texts of the care module's `aid/` pages. */
export const aidZhCN = {};
