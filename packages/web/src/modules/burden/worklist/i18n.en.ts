import type { worklistZhCN } from './i18n.zh-CN.ts';

/** English texts of the burden module's `worklist/` page (same keys as Chinese). */
export const worklistEn: typeof worklistZhCN = {
  title: 'Village and community work list',
  create: 'Add an item',
  export: 'Export to Excel',
  unfundedOnly: 'Unfunded only',
  unfundedCount: '{{count}} unfunded',
  unit: 'Receiving unit',
  organiser: 'Department',
  year: 'Year',
  name: 'Item',
  basis: 'Basis',
  mode: 'Mode',
  noMode: 'None (neither funding nor purchase)',
  amount: 'Funding (yuan)',
  contract: 'Contract',
  localManagement: 'A department duty handed down as local management (属地管理)',
  funding: 'Funding',
  funded: 'Funded',
  unfunded: 'Unfunded',
  saved: 'Saved',
  required: 'Required',
};
