import type {
  DashboardDrillItem,
  DashboardDrillList,
  DashboardRow,
  DashboardSection,
  DashboardSectionId,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { DashboardScope } from './scope.ts';
import { and, listRows, measureCells, type Frag, type ListedRow } from './sql.ts';

/** A section without its timing (the service measures it). */
export type SectionBody = Omit<DashboardSection, 'queryMs'>;

export interface DrillAsk {
  key: string;
  series?: string | undefined;
  /** null: every item (the export) */
  page: { limit: number; offset: number } | null;
}

/** One section: how it is computed and how one of its figures is drilled into. */
export interface SectionImpl {
  id: DashboardSectionId;
  /** null: the section does not apply (the pack or the data has nothing for it) */
  build(ctx: RequestContext, s: DashboardScope): Promise<SectionBody | null>;
  drill(ctx: RequestContext, s: DashboardScope, ask: DrillAsk): Promise<DashboardDrillList>;
}

/** The drill's key names no row (the message never repeats the key: it may be a foreign unit's id). */
export const unknownKey = () =>
  new AppError(404, 'DASHBOARD_DRILL_KEY', '看板中没有这一项，或不在您的数据范围内');

export interface CountedRow {
  key: string;
  label: string;
  /** the row's predicate (the same fragment for the count and for the list) */
  pred: Frag;
  target?: number | null;
  rosterQuery?: DashboardRow['rosterQuery'];
  /** leave the row out when it counts nothing (an inactive unit, an empty 本级) */
  hideWhenEmpty?: boolean;
}

export interface CountedSeries {
  id: string;
  name: string;
  /** null: every row of the row's predicate */
  pred: Frag | null;
}

/**
 * A section counted in SQL: one scan of `from` bounded by `base`, a figure per row and series as
 * `measure FILTER (WHERE row AND series)`; its drill-down lists `base AND row AND series` — the same
 * fragments, so the list's total (or the sum of its values) is the figure.
 */
export interface CountedSpec {
  id: DashboardSectionId;
  chart: DashboardSection['chart'];
  unit: DashboardSection['unit'];
  from: string;
  measure: string;
  /** group the scan by the columns the row and series predicates read (see `measureCells`) */
  group?: { alias: string; columns: string[] };
  /** how a figure is shown (e.g. fen → yuan) */
  scale?: (v: number) => number;
  base(s: DashboardScope, ctx: RequestContext): Frag | Promise<Frag>;
  series(s: DashboardScope): CountedSeries[];
  rows(ctx: RequestContext, s: DashboardScope): Promise<CountedRow[] | null>;
  list: {
    /** joins added for the list's columns */
    join: string;
    /** id, kind, name, org_name, detail, link, value */
    select: string;
    order: string;
  };
  explain(s: DashboardScope, rows: CountedRow[], values: number[][]): string;
}

const toItem = (r: ListedRow): DashboardDrillItem => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  orgName: r.org_name,
  detail: r.detail,
  link: r.link,
  value: r.value === null ? null : Number(r.value),
});

export function counted(spec: CountedSpec): SectionImpl {
  return {
    id: spec.id,
    async build(ctx, s) {
      const rows = await spec.rows(ctx, s);
      if (!rows) return null;
      const series = spec.series(s);
      const cells = rows.flatMap((r) => series.map((x) => and(r.pred, x.pred)));
      const flat = await measureCells(ctx.client, {
        from: spec.from,
        base: await spec.base(s, ctx),
        measure: spec.measure,
        cells,
        ...(spec.group ? { group: spec.group } : {}),
      });
      const scale = spec.scale ?? ((v: number) => v);
      const values = rows.map((_r, i) => series.map((_x, j) => flat[i * series.length + j] ?? 0));
      const kept = rows
        .map((r, i) => ({ r, v: values[i] ?? [] }))
        .filter(({ r, v }) => !r.hideWhenEmpty || v.some((n) => n !== 0));
      return {
        id: spec.id,
        chart: spec.chart,
        unit: spec.unit,
        series: series.map((x) => ({ id: x.id, name: x.name })),
        rows: kept.map(({ r, v }) => ({
          key: r.key,
          label: r.label,
          values: v.map(scale),
          target: r.target ?? null,
          drill: { section: spec.id, key: r.key },
          rosterQuery: r.rosterQuery ?? null,
        })),
        explanation: spec.explain(
          s,
          kept.map(({ r }) => r),
          kept.map(({ v }) => v.map(scale)),
        ),
      };
    },
    async drill(ctx, s, ask) {
      const rows = (await spec.rows(ctx, s)) ?? [];
      const row = rows.find((r) => r.key === ask.key);
      if (!row) throw unknownKey();
      const series = ask.series === undefined ? null : spec.series(s).find((x) => x.id === ask.series);
      if (series === undefined) throw unknownKey();
      const where = and(await spec.base(s, ctx), row.pred, series?.pred);
      const { rows: items, total } = await listRows(
        ctx.client,
        { from: spec.from, ...spec.list, where },
        ask.page,
      );
      return {
        title: [scopeTitle(s), row.label, series?.name].filter(Boolean).join(' · '),
        total,
        items: items.map(toItem),
      };
    },
  };
}

export const scopeTitle = (s: DashboardScope) => (s.linked ? '挂钩单位' : s.org.name);
