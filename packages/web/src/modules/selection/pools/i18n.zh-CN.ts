/** Simplified Chinese texts of the selection module's `pools/` pages. */
export const poolsZhCN = {};
