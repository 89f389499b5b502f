import {
  indicatorSourceText,
  indicatorValue,
  judgeIndicator,
  type Indicator,
  type IndicatorBreakdown,
  type IndicatorBreakdownRow,
  type IndicatorCounts,
  type IndicatorList,
  type IndicatorPart,
  type IndicatorPeople,
  type IndicatorPeopleQuery,
  type IndicatorPreviewBody,
  type IndicatorQuery,
  type IndicatorValue,
  type Pack,
  IndicatorPreviewBodySchema,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { selectVersionOrigin } from '../../assessment/repository/packs.ts';
import { packOnDate, todayOf } from '../../discipline/service/common.ts';
import * as repo from './repository.ts';

/**
 * 结构指标 (R-SEL-1): the indicators of the district's pack in force on the day, counted live in the
 * caller's scope (row-level security bounds every count: a street admin sees her street's figures), the
 * breakdown per child unit (each row over its subtree; the rows and the unit's own people add up to the
 * unit), and the people behind a number (an audited read: it lists names).
 */

interface InForce {
  pack: Pack;
  versionId: string;
  indicators: Indicator[];
}

/** The district's pack version in force on the day and its indicators (none without a selection section). */
async function inForce(ctx: RequestContext, asOf: string): Promise<InForce> {
  const pack = await packOnDate(ctx.client, asOf);
  const stored = await selectVersionOrigin(ctx.client, pack.id, pack.version.effectiveFrom);
  return { pack, versionId: stored?.id ?? '', indicators: pack.selection?.indicators ?? [] };
}

async function mustFindIndicator(
  ctx: RequestContext,
  id: string,
  asOf: string,
): Promise<{ f: InForce; ind: Indicator; index: number }> {
  const f = await inForce(ctx, asOf);
  const index = f.indicators.findIndex((i) => i.id === id);
  const ind = f.indicators[index];
  if (!ind) throw notFound('结构指标');
  return { f, ind, index };
}

/** The unit asked for (visible to the caller), or the root of the caller's scope. */
async function unitOf(ctx: RequestContext, orgId: string | undefined): Promise<repo.OrgRow> {
  const org = orgId ? await repo.findOrg(ctx.client, orgId) : await repo.scopeRoot(ctx.client);
  if (!org) throw notFound('单位');
  return org;
}

const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

function sumUnder(groups: readonly repo.PathCounts[], root: string, exact = false): IndicatorCounts {
  let population = 0;
  let numerator = 0;
  for (const g of groups)
    if (exact ? g.path === root : under(g.path, root)) {
      population += g.population;
      numerator += g.numerator;
    }
  return { population, numerator };
}

/** The counts of the population under the unit, grouped by unit path, and the units judged (judgedPer). */
async function countsOf(ctx: RequestContext, ind: Indicator, path: string, asOf: string) {
  const groups = await repo.countsByPath(ctx.client, path, ind.population, ind.numerator, asOf);
  const units = ind.judgedPer ? await repo.unitsOfKinds(ctx.client, path, ind.judgedPer) : null;
  return { groups, units };
}

type Counted = Awaited<ReturnType<typeof countsOf>>;

/** The value over the unit's subtree, with the words. */
function valueOf(
  ind: Indicator,
  index: number,
  pack: Pack,
  org: repo.OrgRow,
  asOf: string,
  c: Counted,
  sourceText = indicatorSourceText(pack.sources, index, ind.target),
): IndicatorValue {
  return indicatorValue(ind, {
    scopeName: org.name,
    asOf,
    sourceText,
    total: sumUnder(c.groups, org.path),
    units: c.units?.map((u) => sumUnder(c.groups, u.path)) ?? null,
  });
}

/** The figures of one row of the breakdown: `root`'s subtree (or exactly `root` for the unit's own people). */
function figuresOf(ind: Indicator, c: Counted, root: string, exact: boolean) {
  const units = c.units?.filter((u) => (exact ? u.path === root : under(u.path, root))) ?? null;
  const total = sumUnder(c.groups, root, exact);
  const f = judgeIndicator(
    ind.target,
    total,
    ind.judgedPer ? (units ?? []).map((u) => sumUnder(c.groups, u.path)) : null,
  );
  return { population: total.population, numerator: total.numerator, ...f };
}

export async function listIndicators(ctx: RequestContext, q: IndicatorQuery): Promise<IndicatorList> {
  const asOf = q.asOf ?? todayOf(ctx);
  const org = await unitOf(ctx, q.orgId);
  const f = await inForce(ctx, asOf);
  const items: IndicatorValue[] = [];
  for (const [index, ind] of f.indicators.entries())
    items.push(valueOf(ind, index, f.pack, org, asOf, await countsOf(ctx, ind, org.path, asOf)));
  return {
    asOf,
    orgId: org.id,
    orgName: org.name,
    packId: f.pack.id,
    packName: f.pack.name,
    packVersionId: f.versionId,
    effectiveFrom: f.pack.version.effectiveFrom,
    items,
  };
}

export async function breakdown(
  ctx: RequestContext,
  id: string,
  q: IndicatorQuery,
): Promise<IndicatorBreakdown> {
  const asOf = q.asOf ?? todayOf(ctx);
  const org = await unitOf(ctx, q.orgId);
  const { f, ind, index } = await mustFindIndicator(ctx, id, asOf);
  const c = await countsOf(ctx, ind, org.path, asOf);
  const rows: IndicatorBreakdownRow[] = [];
  for (const k of await repo.childrenOf(ctx.client, org.id)) {
    const figures = figuresOf(ind, c, k.path, false);
    // an inactive unit shows only while people are still counted in it (so the rows add up)
    if (!k.active && figures.population === 0) continue;
    const { value, valueText, met, gap, units, population, numerator } = figures;
    rows.push({
      orgId: k.id,
      orgName: k.name,
      orgKind: k.kind,
      hasChildren: k.hasChildren,
      population,
      numerator,
      value,
      valueText,
      met,
      gap,
      units,
    });
  }
  return {
    indicator: valueOf(ind, index, f.pack, org, asOf, c),
    asOf,
    orgId: org.id,
    orgName: org.name,
    path: await repo.pathTo(ctx.client, org.path),
    own: figuresOf(ind, c, org.path, true),
    rows,
  };
}

export async function people(
  ctx: RequestContext,
  id: string,
  q: IndicatorPeopleQuery,
): Promise<IndicatorPeople> {
  const asOf = q.asOf ?? todayOf(ctx);
  const org = await unitOf(ctx, q.orgId);
  const { ind } = await mustFindIndicator(ctx, id, asOf);
  const page = await repo.listPeople(ctx.client, {
    path: org.path,
    population: ind.population,
    numerator: ind.numerator,
    part: q.part,
    asOf,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  await ctx.audit({
    action: 'indicator.people',
    objectType: 'indicator',
    objectId: id,
    after: { query: { ...q, orgId: org.id, asOf }, ids: page.items.map((p) => p.cadreId) },
  });
  return page;
}

/** An indicator not yet saved, computed as if it were the pack's next one (its source: none yet). */
export async function preview(ctx: RequestContext, raw: IndicatorPreviewBody): Promise<IndicatorValue> {
  const body = IndicatorPreviewBodySchema.parse(raw);
  const asOf = body.asOf ?? todayOf(ctx);
  const org = await unitOf(ctx, body.orgId);
  const f = await inForce(ctx, asOf);
  const c = await countsOf(ctx, body.indicator, org.path, asOf);
  return valueOf(body.indicator, f.indicators.length, f.pack, org, asOf, c, '预览：尚未保存到政策包');
}

/**
 * The roster's filter by an indicator: the part's condition as SQL with `?` placeholders (the roster's WHERE
 * builder numbers them) and its values in order; the roster's own `orgId` (or the caller's scope) bounds it,
 * as the root does for `/people`.
 */
export async function rosterCondition(
  ctx: RequestContext,
  f: { indicator: string; indicatorPart?: IndicatorPart | undefined; indicatorAsOf?: string | undefined },
): Promise<{ sql: string; values: unknown[] }> {
  const asOf = f.indicatorAsOf ?? todayOf(ctx);
  const { ind } = await mustFindIndicator(ctx, f.indicator, asOf);
  const values: unknown[] = [];
  const sql = repo.partSql(ind.population, ind.numerator, f.indicatorPart ?? 'numerator', asOf, (v) => {
    values.push(v);
    return '?';
  });
  return { sql, values };
}
