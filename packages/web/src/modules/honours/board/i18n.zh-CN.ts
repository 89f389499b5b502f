/** Simplified Chinese texts of the honours module's `board/` pages. */
export const boardZhCN = {
  heading: '{{year}} 年度英雄榜',
  intro: '本年度受到表彰的干部和他们的先进事迹，全区干部可见（不对外公开）；按表彰等级由高到低排列。',
  year: '年度',
  yearOption: '{{year}} 年',
  print: '打印',
  empty: '{{year}} 年还没有作出表彰决定的批次。',
  count: '共 {{count}} 人受到表彰',
  noDeeds: '（未填写事迹）',
  photoAlt: '{{name}}的照片',
  decision: '{{batch}} · {{date}}',
  documentNo: '文号：{{no}}',
  printedAt: '打印日期：{{date}}',
};
