import { DashboardSectionSchema, type DashboardSection } from '@ganbu/core';
import { describe, expect, it } from 'vitest';
import {
  chartKind,
  drillOf,
  drillOfClick,
  escapeHtml,
  isHorizontal,
  sectionChart,
  type ChartTexts,
} from './chart-option.ts';
import { formatFigure, formatShort } from './figures.ts';
import { levelsFor, paramsOfSearch, searchOfParams } from './levels.ts';
import { rosterLink } from './roster-link.ts';

const texts: ChartTexts = {
  target: '目标',
  empty: '暂无数据',
  value: (v) => (v === null ? '—' : `${v} 人`),
  axis: (v) => String(v),
  fontFamily: 'sans-serif',
};

/** A section as the contract has it (parsed, so a fixture that drifts from the contract fails here). */
const section = (s: Partial<DashboardSection>): DashboardSection =>
  DashboardSectionSchema.parse({
    id: 'age',
    chart: 'bar',
    unit: 'people',
    series: [{ id: 'count', name: '人数' }],
    rows: [],
    explanation: '按出生日期计算',
    queryMs: 3,
    ...s,
  });

const row = (key: string, label: string, values: (number | null)[], extra: object = {}) => ({
  key,
  label,
  values,
  target: null,
  drill: { section: 'age' as const, key },
  rosterQuery: null,
  ...extra,
});

type Opt = {
  xAxis: { type: string; data?: string[]; axisLabel: { rotate?: number } };
  yAxis: { type: string; data?: string[]; max?: number };
  legend?: object;
  series: Array<{ type: string; name: string; stack?: string; data: unknown[] }>;
  tooltip: { formatter: (p: unknown) => string };
};

describe('a section as a chart', () => {
  const ages = section({
    rows: [row('lt35', '35岁以下', [7]), row('35-44', '35–44岁', [12]), row('ge55', '55岁及以上', [3])],
  });

  it('stands a few short rows up: labels on x, one bar per series, the figures as data', () => {
    expect(isHorizontal(ages)).toBe(false);
    const built = sectionChart(ages, texts);
    const o = built?.option as unknown as Opt;
    expect(o.xAxis.type).toBe('category');
    expect(o.xAxis.data).toEqual(['35岁以下', '35–44岁', '55岁及以上']);
    expect(o.xAxis.axisLabel.rotate).toBe(0);
    expect(o.series).toHaveLength(1);
    expect(o.series[0]).toMatchObject({ type: 'bar', name: '人数', data: [7, 12, 3] });
    expect(o.yAxis).toMatchObject({ type: 'value', minInterval: 1 });
    expect(o.legend).toBeUndefined();
    expect(built?.height).toBe(280);
  });

  it('lays unit names down (readable at 1366×768) and grows one row height per unit', () => {
    const units = section({
      id: 'headcount',
      rows: [
        '东湖街道',
        '西湖街道',
        '城关镇',
        '区委组织部',
        '区发展和改革局',
        '区财政局',
        '区教育局',
        '区卫健委',
      ].map((name, i) => row(`u${i}`, name, [10 + i])),
    });
    expect(isHorizontal(units)).toBe(true);
    const built = sectionChart(units, texts);
    const o = built?.option as unknown as Opt;
    expect(o.yAxis.type).toBe('category');
    expect(o.yAxis.data?.[4]).toBe('区发展和改革局');
    expect(o.xAxis.type).toBe('value');
    // 8 rows × 28 px + 12 top + 40 = 276 < the 280 minimum
    expect(built?.height).toBe(280);
    const twelve = section({ rows: Array.from({ length: 12 }, (_, i) => row(`u${i}`, `单位${i}`, [i])) });
    // 12 × 28 + 12 + 40
    expect(sectionChart(twelve, texts)?.height).toBe(388);
  });

  it('marks each row’s target, caps percent at 100 and names both in the tooltip', () => {
    const structure = section({
      id: 'structure',
      unit: 'percent',
      rows: [
        row('female', '女干部比例', [18.5], { target: 20 }),
        row('young', '35岁以下比例', [31], { target: 30 }),
      ],
    });
    const o = sectionChart(structure, texts)?.option as unknown as Opt;
    expect(o.series.map((s) => [s.type, s.name])).toEqual([
      ['bar', '人数'],
      ['scatter', '目标'],
    ]);
    expect(o.series[1]?.data).toEqual([20, 30]);
    // 女干部比例 is 5 characters, 35岁以下比例 7: the bars lie down, the value axis is x
    expect(isHorizontal(structure)).toBe(true);
    expect((o.xAxis as unknown as { max: number }).max).toBe(100);
    expect(o.legend).toBeDefined();
    const tip = o.tooltip.formatter([
      { dataIndex: 0, seriesIndex: 0, seriesName: '人数', marker: '' },
      { dataIndex: 0, seriesIndex: 1, seriesName: '目标', marker: '' },
    ]);
    expect(tip).toBe('<b>女干部比例</b><br/>人数：18.5 人<br/>目标：20 人');
  });

  it('stacks the series of a stacked bar (open / overdue / done)', () => {
    const cases = section({
      id: 'cases',
      chart: 'stackedBar',
      unit: 'count',
      series: [
        { id: 'open', name: '办理中' },
        { id: 'overdue', name: '逾期' },
        { id: 'done', name: '已办结' },
      ],
      rows: [row('borrowing', '借调', [2, 1, 5])],
    });
    const o = sectionChart(cases, texts)?.option as unknown as Opt;
    expect(o.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['办理中', 'total', [2]],
      ['逾期', 'total', [1]],
      ['已办结', 'total', [5]],
    ]);
  });

  it('draws a one-series pie with the rows as slices; a two-series pie becomes bars; a table has no chart', () => {
    const gender = section({
      id: 'gender',
      chart: 'pie',
      rows: [row('m', '男', [60]), row('f', '女', [40])],
    });
    const pie = sectionChart(gender, texts)?.option as unknown as {
      series: Array<{ type: string; data: unknown }>;
    };
    expect(pie.series[0]?.type).toBe('pie');
    expect(pie.series[0]?.data).toEqual([
      { name: '男', value: 60 },
      { name: '女', value: 40 },
    ]);
    const two = section({
      chart: 'pie',
      series: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    });
    expect(chartKind(two)).toBe('bar');
    expect(sectionChart(section({ chart: 'table' }), texts)).toBeNull();
  });

  it('writes a few long names (a structure indicator’s) on several lines, more rows truncated', () => {
    const long = '推荐副处级后备干部人选中具有街道领导工作经历的比例';
    const few = section({ rows: [row('a', long, [33.3]), row('b', '区直机关领导班子成员比例', [52.8])] });
    const o = sectionChart(few, texts)?.option as unknown as { yAxis: { axisLabel: object } };
    expect(o.yAxis.axisLabel).toMatchObject({ overflow: 'break', width: 168 });
    const many = section({ rows: Array.from({ length: 5 }, (_, i) => row(`r${i}`, long, [i])) });
    const m = sectionChart(many, texts)?.option as unknown as { yAxis: { axisLabel: object } };
    expect(m.yAxis.axisLabel).toMatchObject({ overflow: 'truncate', width: 104 });
    // 5 rows × 28 px + 12 + 40 = 192: the 280 minimum
    expect(sectionChart(many, texts)?.height).toBe(280);
  });

  it('says 暂无数据 across a chart whose figures are all zero, and draws no slices of a zero pie', () => {
    const zero = section({ chart: 'pie', rows: [row('a', '优秀', [0]), row('b', '称职', [0])] });
    const o = sectionChart(zero, texts)?.option as unknown as {
      title?: { text: string };
      series: Array<{ stillShowZeroSum: boolean }>;
    };
    expect(o.title?.text).toBe('暂无数据');
    expect(o.series[0]?.stillShowZeroSum).toBe(false);
    const some = sectionChart(section({ rows: [row('a', '优秀', [0]), row('b', '称职', [3])] }), texts);
    expect((some?.option as { title?: unknown }).title).toBeUndefined();
  });

  it('turns standing labels when side by side they would not fit', () => {
    const six = section({ rows: Array.from({ length: 6 }, (_, i) => row(`r${i}`, `五十五岁以${i}`, [i])) });
    // 6 labels × 6 characters × 13 px = 468 > 420
    expect((sectionChart(six, texts)?.option as unknown as Opt).xAxis.axisLabel.rotate).toBe(30);
  });

  it('escapes names in tooltips (they are HTML)', () => {
    expect(escapeHtml('<b>甲&乙</b>')).toBe('&lt;b&gt;甲&amp;乙&lt;/b&gt;');
  });
});

describe('a click drills into the figure under it', () => {
  const cases = section({
    id: 'cases',
    chart: 'stackedBar',
    series: [
      { id: 'open', name: '办理中' },
      { id: 'done', name: '已办结' },
    ],
    rows: [
      row('borrowing', '借调', [2, 5], { drill: { section: 'cases', key: 'borrowing' } }),
      row('none', '其他', [0, 0], { drill: null }),
    ],
  });

  it('narrows a multi-series row to the clicked series; a row without a drill and the target mark give none', () => {
    expect(drillOfClick(cases, 1, 0)).toEqual({ section: 'cases', key: 'borrowing', series: 'done' });
    expect(drillOf(cases, 0, null)).toEqual({ section: 'cases', key: 'borrowing' });
    expect(drillOfClick(cases, 0, 1)).toBeNull();
    // series index 2 is the target mark (there are two series)
    expect(drillOfClick(cases, 2, 0)).toBeNull();
  });

  it('keeps a single-series row’s drill as sent, and a pie slice is its row', () => {
    const ages = section({ chart: 'pie', rows: [row('lt35', '35岁以下', [7])] });
    expect(drillOfClick(ages, 0, 0)).toEqual({ section: 'age', key: 'lt35' });
  });
});

describe('在名册中查看', () => {
  it('opens the roster with exactly the filter the row carries', () => {
    expect(rosterLink({ orgId: '8e2f1c6a-1a2b-4c3d-8e9f-0a1b2c3d4e5f', ageMin: 35, ageMax: 44 })).toEqual({
      href: '/cadres?orgId=8e2f1c6a-1a2b-4c3d-8e9f-0a1b2c3d4e5f&ageMin=35&ageMax=44',
      unread: [],
    });
    expect(rosterLink({ gender: 'female' }).href).toBe('/cadres?gender=female');
  });

  it('gives no link when the roster would drop a parameter (it would show more people than counted)', () => {
    expect(rosterLink({ ageMin: 35, grade: 'excellent' })).toEqual({ href: null, unread: ['grade'] });
    expect(rosterLink({ ageMin: 300 })).toEqual({ href: null, unread: ['ageMin'] });
    expect(rosterLink({ page: 2 })).toEqual({ href: null, unread: ['page'] });
    expect(rosterLink(null)).toEqual({ href: null, unread: [] });
  });
});

describe('levels and the address bar', () => {
  it('offers 组织部 the district and a unit, a leader the overview and a unit, a unit administrator the unit', () => {
    expect(levelsFor(['orgdept'])).toEqual(['district', 'unit']);
    expect(levelsFor(['leader'])).toEqual(['unit', 'leader']);
    expect(levelsFor(['unit_admin'])).toEqual(['unit']);
    expect(levelsFor(['cadre'])).toEqual([]);
  });

  it('reads ?level=&orgId=&year= and drops what is malformed or not the reader’s', () => {
    const id = '8e2f1c6a-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
    const p = paramsOfSearch(new URLSearchParams(`level=unit&orgId=${id}&year=2025`), ['unit']);
    expect(p).toEqual({ level: 'unit', orgId: id, year: 2025 });
    expect(searchOfParams(p)).toEqual({ level: 'unit', orgId: id, year: '2025' });
    expect(paramsOfSearch(new URLSearchParams('level=district&orgId=x&year=19'), ['unit'])).toEqual({
      level: undefined,
      orgId: undefined,
      year: undefined,
    });
  });
});

describe('figures as written', () => {
  it('money with fen, percent with one decimal, people whole; axes short', () => {
    expect(formatFigure(1234567.5, 'yuan', 'zh-CN')).toBe('1,234,567.50');
    expect(formatFigure(33.333, 'percent', 'zh-CN')).toBe('33.3');
    expect(formatFigure(12, 'people', 'zh-CN')).toBe('12');
    expect(formatShort(12_345_678, 'yuan', 'zh-CN')).toBe('1234.6万');
    expect(formatShort(45, 'percent', 'zh-CN')).toBe('45%');
  });
});
