/** Simplified Chinese texts of the burden module's `registers/` pages. */
export const registersZhCN = {
  title: '减负登记簿',
};
