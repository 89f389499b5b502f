/** Simplified Chinese texts of the burden module's `staffing/` pages. */
export const staffingZhCN = {
  title: '借调与专编专用',
};
