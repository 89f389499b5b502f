/** Simplified Chinese texts of the care module's `leave/` pages. */
export const leaveZhCN = {};
