/** Simplified Chinese texts of the training module's `compliance/` pages. */
export const complianceZhCN = {};
