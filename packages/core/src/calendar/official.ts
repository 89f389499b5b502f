import published from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { yearOf } from './dates.ts';

/**
 * The State Council's published holiday arrangements (国务院办公厅关于某年部分节假日安排的通知), as shipped
 * by the npm package `chinese-days` (its `dist/chinese-days.json`: `holidays` are days off, `workdays` the
 * make-up workdays 调休上班, each valued "English name,中文名,n"). The package is updated when the State
 * Council publishes the next year's arrangement; a version bump brings it in.
 */
export interface OfficialDay {
  kind: 'holiday' | 'makeup-workday';
  name: string;
  nameEn: string;
}

interface PublishedData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** the package's short names, written as the regulation (and the statutory table) names them */
const REGULATION_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function parse(value: string): { name: string; nameEn: string } {
  const [nameEn = '', name = ''] = value.split(',');
  return { name: REGULATION_NAMES[name] ?? name, nameEn };
}

function load(): { days: Map<string, OfficialDay>; firstYear: number; lastYear: number } {
  const data = published as PublishedData;
  const days = new Map<string, OfficialDay>();
  for (const [date, v] of Object.entries(data.holidays)) days.set(date, { kind: 'holiday', ...parse(v) });
  // a day is never both; if a future edition said so, the make-up workday (the later, specific rule) wins
  for (const [date, v] of Object.entries(data.workdays))
    days.set(date, { kind: 'makeup-workday', ...parse(v) });
  const years = Object.keys(data.holidays).map(yearOf);
  return { days, firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

let cached: ReturnType<typeof load> | undefined;

/** The published arrangements, read once: special days by date, and the first and last year covered. */
export function officialSchedule(): ReturnType<typeof load> {
  cached ??= load();
  return cached;
}
