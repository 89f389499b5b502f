import type { boardZhCN } from './i18n.zh-CN.ts';

/** English texts of the honours module's `board/` pages (same keys as Chinese). */
export const boardEn: typeof boardZhCN = {
  heading: 'Hero board {{year}}',
  intro:
    "This year's honoured cadres and their deeds, visible to every user of the district (not public); the highest honour first.",
  year: 'Year',
  yearOption: '{{year}}',
  print: 'Print',
  empty: 'No batch of {{year}} has been decided yet.',
  count: '{{count}} cadres honoured',
  noDeeds: '(no deeds written)',
  photoAlt: 'Photo of {{name}}',
  decision: '{{batch}} · {{date}}',
  documentNo: 'Document no. {{no}}',
  printedAt: 'Printed on {{date}}',
};
