/** Simplified Chinese texts of the honours module's `batches/` pages. */
export const batchesZhCN = {};
