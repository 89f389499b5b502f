import { burdenSummary } from '../../burden/registers/service.ts';
import { scopeName } from './scope.ts';
import { unknownKey, type SectionImpl } from './section.ts';

/**
 * 减负松绑 trend: the registers' yearly counts (meetings, documents, inspections) for the year and the two
 * before it, from the registers part's `burdenSummary` (the same figures as 减负松绑汇总), over the dashboard's
 * unit; the drill-down is the registers page's own.
 */
export const burdenSection: SectionImpl = {
  id: 'burden',
  async build(ctx, s) {
    if (s.linked) return null;
    const years = [s.year - 2, s.year - 1, s.year];
    const items = [];
    for (const year of years)
      items.push(await burdenSummary(ctx.client, { year, orgPath: s.org.path, scopeName: s.org.name }));
    if (items.every((i) => i.meetings + i.documents + i.inspections === 0)) return null;
    const last = items[items.length - 1]!;
    return {
      id: 'burden',
      chart: 'line',
      unit: 'count',
      series: [
        { id: 'meetings', name: '会议' },
        { id: 'documents', name: '文件' },
        { id: 'inspections', name: '督查检查考核' },
      ],
      rows: items.map((i) => ({
        key: String(i.year),
        label: `${i.year}年`,
        values: [i.meetings, i.documents, i.inspections],
        target: null,
        drill: null,
        rosterQuery: null,
      })),
      explanation: `${scopeName(s)}减负松绑登记的逐年数量（会议、文件、督查检查考核，取自各登记簿）。${last.explanation}`,
    };
  },
  async drill() {
    throw unknownKey();
  },
};
