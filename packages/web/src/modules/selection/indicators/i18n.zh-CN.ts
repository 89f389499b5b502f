/** Simplified Chinese texts of the selection module's `indicators/` pages. */
export const indicatorsZhCN = {};
