import type { DashboardDrill, DashboardSection } from '@ganbu/core';
import type { EChartsCoreOption } from 'echarts/core';

/** The chart a section is drawn as (a gauge holds one figure, a pie one series; otherwise bars). */
export type ChartKind = 'bar' | 'stackedBar' | 'pie' | 'line' | 'gauge' | 'table';

export function chartKind(section: DashboardSection): ChartKind {
  if (section.chart === 'gauge' && section.rows.length !== 1) return 'bar';
  if (section.chart === 'pie' && section.series.length !== 1) return 'bar';
  return section.chart;
}

/** Unit names on the category axis: longer ones are cut (the tooltip names them in full). */
export const LABEL_WIDTH = 104;
/** Above this many rows, or with names longer than this many characters, the bars lie down (names readable). */
const MAX_STANDING_ROWS = 6;
const MAX_STANDING_LABEL = 6;
/** Standing labels turn 30° when side by side they would need more than this many pixels (12 px a character). */
const STANDING_LABELS_PX = 420;
const ROW_HEIGHT = 28;
/** With few lying bars there is room to write long names (a structure indicator's) on up to three lines. */
const FEW_ROWS = 4;
const WRAPPED_LABEL_WIDTH = 168;
const WRAPPED_ROW_HEIGHT = 60;
export const CHART_HEIGHT = 280;

/** Bars lie down when unit names would not fit under standing bars at 1366×768 (a card is a third wide). */
export function isHorizontal(section: DashboardSection): boolean {
  const kind = chartKind(section);
  if (kind !== 'bar' && kind !== 'stackedBar') return false;
  return (
    section.rows.length > MAX_STANDING_ROWS ||
    section.rows.some((r) => [...r.label].length > MAX_STANDING_LABEL)
  );
}

/** Series whose meaning has a colour of its own (a case's state): overdue red, done green, open blue. */
const SERIES_COLORS: Record<string, string> = { overdue: '#cf1322', done: '#52c41a', open: '#1677ff' };

export interface ChartTexts {
  /** the name of the target marks (目标) */
  target: string;
  /** written across a chart whose figures are all zero or missing */
  empty: string;
  /** a figure with its unit, for tooltips (12 人, 35.5%, 1,234.00 元) */
  value: (v: number | null) => string;
  /** a figure on the value axis (short: 1.2万) */
  axis: (v: number) => string;
  /** the CJK-capable font family of the page */
  fontFamily: string;
}

export interface SectionChart {
  option: EChartsCoreOption;
  /** pixels: standing charts a fixed height, lying bars one row height per row */
  height: number;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Tooltips are HTML: names from the server are escaped. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

interface TooltipParam {
  dataIndex: number;
  seriesIndex?: number;
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
  percent?: number;
}

const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const hasTarget = (section: DashboardSection) => section.rows.some((r) => r.target !== null);

/**
 * The ECharts option of a section, built from the contract alone (every section the same way): rows on the
 * category axis, one bar (or line) per series, the row's target as a mark, the full name and each figure
 * with its unit in the tooltip. `null` for a section shown as a table only.
 */
export function sectionChart(section: DashboardSection, texts: ChartTexts): SectionChart | null {
  const kind = chartKind(section);
  if (kind === 'table') return null;
  const empty = section.rows.every((r) => r.values.every((v) => v === null || v === 0));
  const base = {
    animation: false,
    textStyle: { fontFamily: texts.fontFamily },
    tooltip: { confine: true },
    // all zero: say so across the chart (a pie of zeros would otherwise draw equal slices)
    title: empty
      ? {
          text: texts.empty,
          left: 'center',
          top: 'middle',
          textStyle: { color: '#8c8c8c', fontSize: 13, fontWeight: 'normal' },
        }
      : undefined,
  };
  if (kind === 'pie') return pieChart(section, texts, base);
  if (kind === 'gauge') return gaugeChart(section, texts, base);

  const horizontal = isHorizontal(section);
  const wrapped = horizontal && section.rows.length <= FEW_ROWS;
  const labels = section.rows.map((r) => r.label);
  const withTarget = hasTarget(section);
  const legend = section.series.length > 1 || withTarget;
  const percentMax =
    section.unit === 'percent' &&
    section.rows.every((r) => r.values.every((v) => v === null || v <= 100) && (r.target ?? 0) <= 100)
      ? 100
      : undefined;
  const rotate =
    labels.length * Math.max(0, ...labels.map((l) => [...l].length)) * 13 > STANDING_LABELS_PX ? 30 : 0;
  const categoryAxis = {
    type: 'category',
    data: labels,
    inverse: horizontal,
    axisTick: { alignWithLabel: true },
    axisLabel: horizontal
      ? wrapped
        ? { width: WRAPPED_LABEL_WIDTH, overflow: 'break', lineHeight: 14, interval: 0 }
        : { width: LABEL_WIDTH, overflow: 'truncate', interval: 0 }
      : {
          interval: 0,
          rotate,
          width: rotate ? LABEL_WIDTH - 24 : LABEL_WIDTH,
          overflow: 'truncate',
        },
  };
  const valueAxis = {
    type: 'value',
    max: percentMax,
    interval: percentMax ? 25 : undefined,
    // people, cases, days, yuan: whole steps (no 0.3 of a case between ticks)
    minInterval: section.unit === 'percent' ? undefined : 1,
    axisLabel: { formatter: (v: number) => texts.axis(v) },
    splitNumber: 4,
  };
  const stacked = kind === 'stackedBar';
  // a figure by each bar: lying bars have room for every one, standing bars for a few
  const showLabels = !stacked && section.series.length === 1 && (horizontal || labels.length <= 16);
  const series: object[] = section.series.map((s, i) => ({
    type: kind === 'line' ? 'line' : 'bar',
    name: s.name,
    stack: stacked ? 'total' : undefined,
    barMaxWidth: 28,
    itemStyle: SERIES_COLORS[s.id] ? { color: SERIES_COLORS[s.id] } : undefined,
    symbolSize: 6,
    emphasis: { focus: 'series' },
    cursor: 'pointer',
    label: {
      show: showLabels,
      position: kind === 'line' ? 'top' : horizontal ? 'right' : 'top',
      formatter: (p: TooltipParam) => {
        const v = asNumber(p.value);
        return v === null ? '' : texts.axis(v);
      },
    },
    data: section.rows.map((r) => r.values[i] ?? null),
  }));
  if (withTarget)
    series.push({
      type: kind === 'line' ? 'line' : 'scatter',
      name: texts.target,
      symbol: kind === 'line' ? 'none' : 'rect',
      // a short stroke across the bar at the target's height
      symbolSize: horizontal ? [3, 20] : [24, 3],
      lineStyle: { type: 'dashed' },
      itemStyle: { color: '#cf1322' },
      z: 5,
      silent: true,
      data: section.rows.map((r) => r.target),
    });
  const tooltip = {
    ...base.tooltip,
    trigger: 'axis',
    axisPointer: { type: kind === 'line' ? 'line' : 'shadow' },
    formatter: (params: TooltipParam | TooltipParam[]) => {
      const list = Array.isArray(params) ? params : [params];
      const row = section.rows[list[0]?.dataIndex ?? -1];
      if (!row) return '';
      const lines = list.map((p) => {
        const isTarget = (p.seriesIndex ?? 0) >= section.series.length;
        const v = isTarget ? row.target : (row.values[p.seriesIndex ?? 0] ?? null);
        return `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}：${escapeHtml(texts.value(v))}`;
      });
      return [`<b>${escapeHtml(row.label)}</b>`, ...lines].join('<br/>');
    },
  };
  // room above the tallest standing bar for its figure
  const top = legend ? 32 : showLabels && !horizontal ? 28 : 12;
  return {
    height: horizontal
      ? Math.max(CHART_HEIGHT, labels.length * (wrapped ? WRAPPED_ROW_HEIGHT : ROW_HEIGHT) + top + 40)
      : CHART_HEIGHT,
    option: {
      ...base,
      tooltip,
      legend: legend ? { top: 0, type: 'scroll' } : undefined,
      grid: { left: 8, right: horizontal ? 48 : 16, top, bottom: 8 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series,
    },
  };
}

function pieChart(section: DashboardSection, texts: ChartTexts, base: object): SectionChart {
  const many = section.rows.length > 6;
  return {
    height: CHART_HEIGHT,
    option: {
      ...base,
      tooltip: {
        confine: true,
        trigger: 'item',
        formatter: (p: TooltipParam) => {
          const row = section.rows[p.dataIndex];
          if (!row) return '';
          const v = asNumber(p.value);
          return `<b>${escapeHtml(row.label)}</b><br/>${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(texts.value(v))}（${p.percent ?? 0}%）`;
        },
      },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', width: 120 },
      series: [
        {
          type: 'pie',
          name: section.series[0]?.name ?? '',
          center: ['38%', '50%'],
          radius: ['38%', '68%'],
          avoidLabelOverlap: true,
          stillShowZeroSum: false,
          minShowLabelAngle: 8,
          cursor: 'pointer',
          label: { show: !many, formatter: '{d}%' },
          data: section.rows.map((r) => ({ name: r.label, value: r.values[0] ?? null })),
        },
      ],
    },
  };
}

function gaugeChart(section: DashboardSection, texts: ChartTexts, base: object): SectionChart {
  const row = section.rows[0];
  const value = row?.values[0] ?? null;
  return {
    height: CHART_HEIGHT,
    option: {
      ...base,
      series: [
        {
          type: 'gauge',
          min: 0,
          max: section.unit === 'percent' ? 100 : Math.max(value ?? 0, row?.target ?? 0, 1),
          cursor: 'pointer',
          progress: { show: true, width: 14 },
          axisLine: { lineStyle: { width: 14 } },
          axisLabel: { distance: 20 },
          detail: { formatter: () => texts.value(value), fontSize: 20, offsetCenter: [0, '60%'] },
          title: { offsetCenter: [0, '90%'] },
          data: [{ name: row?.label ?? '', value }],
        },
      ],
    },
  };
}

/**
 * What a click on the chart drills into: the clicked row's `drill`, narrowed to the clicked series when the
 * section has several (one bar of a stack is its own figure). Target marks and rows without a drill: nothing.
 */
export function drillOfClick(
  section: DashboardSection,
  seriesIndex: number,
  dataIndex: number,
): DashboardDrill | null {
  return drillOf(section, dataIndex, chartKind(section) === 'pie' ? 0 : seriesIndex);
}

/** The drill of one figure of the table (row, series). */
export function drillOf(
  section: DashboardSection,
  rowIndex: number,
  seriesIndex: number | null,
): DashboardDrill | null {
  const row = section.rows[rowIndex];
  if (!row?.drill) return null;
  if (seriesIndex === null) return row.drill;
  const series = section.series[seriesIndex];
  if (!series) return null;
  if (section.series.length === 1 || row.drill.series) return row.drill;
  return { ...row.drill, series: series.id };
}
