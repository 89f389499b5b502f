import { chinaToday, type DashboardLevel, type Role } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { childrenOf, findOrg, scopeRoot, type OrgRow } from '../../selection/indicators/repository.ts';
import { frag, type Frag } from './sql.ts';

/**
 * What a dashboard covers: its level, year and unit, the units its per-unit rows stand for (each child unit
 * over its subtree and the unit's own people, or a leader's linked units), and the paths every section's
 * population is bounded by. Row-level security bounds all of it again: an invisible unit is "not found".
 */
export interface RowUnit {
  /** the row's key: the unit's id (its subtree) or `self:<id>` (the unit's own people only) */
  key: string;
  orgId: string;
  name: string;
  kind: string;
  path: string;
  /** only people directly in the unit (本级), not its subtree */
  exact: boolean;
  /** an inactive unit: its row shows only while it counts something */
  active: boolean;
}

export interface DashboardScope {
  level: DashboardLevel;
  year: number;
  today: string;
  /** the China-time bounds of the year, as timestamps */
  yearStart: string;
  yearEnd: string;
  org: OrgRow;
  /** the units the reader may switch to */
  units: { id: string; name: string; kind: string }[];
  rowUnits: RowUnit[];
  /** the populations' bounds: the unit's path, or a leader's linked units' paths */
  paths: string[];
  /** a leader's overview over the linked units of the care module's talk leaders (挂钩街道、分管部门) */
  linked: boolean;
}

export function defaultLevel(roles: readonly Role[]): DashboardLevel {
  if (roles.includes('orgdept')) return 'district';
  if (roles.includes('unit_admin')) return 'unit';
  return 'leader';
}

/** The linked units of the caller's talk-leader row (care talks), visible ones only, by path. */
async function linkedUnits(ctx: RequestContext, userId: string): Promise<OrgRow[]> {
  const { rows } = await ctx.client.query<{ id: string }>(
    `SELECT k.org_id AS id FROM talk_leader_links k JOIN talk_leaders l ON l.id = k.leader_id
      JOIN orgs o ON o.id = k.org_id
      WHERE l.user_id = $1 AND l.active ORDER BY o.path`,
    [userId],
  );
  const out: OrgRow[] = [];
  for (const r of rows) {
    const o = await findOrg(ctx.client, r.id);
    if (o) out.push(o);
  }
  return out;
}

const subtreeRow = (o: OrgRow): RowUnit => ({
  key: o.id,
  orgId: o.id,
  name: o.name,
  kind: o.kind,
  path: o.path,
  exact: false,
  active: o.active,
});

export async function resolveScope(
  ctx: RequestContext,
  q: { orgId?: string | undefined; year?: number | undefined; level?: DashboardLevel | undefined },
): Promise<DashboardScope> {
  const actor = ctx.actor;
  if (!actor) throw notFound('单位');
  const today = chinaToday(ctx.now);
  const year = q.year ?? Number(today.slice(0, 4));
  const level = q.level ?? defaultLevel(actor.roles);
  const root = await scopeRoot(ctx.client);
  if (!root) throw notFound('单位');
  const units = [root, ...(await childrenOf(ctx.client, root.id)).filter((o) => o.active)].map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
  }));
  const defaultOrg = level === 'unit' && !q.orgId ? actor.orgId : q.orgId;
  const org = defaultOrg ? await findOrg(ctx.client, defaultOrg) : root;
  if (!org) throw notFound('单位');
  const linked =
    level === 'leader' && !q.orgId
      ? (await linkedUnits(ctx, actor.userId)).filter(
          (o) => o.path === org.path || o.path.startsWith(`${org.path}.`),
        )
      : [];
  let rowUnits: RowUnit[];
  let paths: string[];
  if (linked.length > 0) {
    rowUnits = linked.map(subtreeRow);
    paths = linked.map((o) => o.path);
  } else {
    rowUnits = [
      ...(await childrenOf(ctx.client, org.id)).map(subtreeRow),
      {
        key: `self:${org.id}`,
        orgId: org.id,
        name: `${org.name}（本级）`,
        kind: org.kind,
        path: org.path,
        exact: true,
        active: true,
      },
    ];
    paths = [org.path];
  }
  return {
    level,
    year,
    today,
    yearStart: `${year}-01-01T00:00:00+08:00`,
    yearEnd: `${year + 1}-01-01T00:00:00+08:00`,
    org,
    units,
    rowUnits,
    paths,
    linked: linked.length > 0,
  };
}

/** A row unit's predicate over a path column: its subtree, or exactly the unit for 本级. */
export const unitPred = (col: string, u: RowUnit): Frag =>
  u.exact ? frag(`${col} = ?::ltree`, u.path) : frag(`${col} <@ ?::ltree`, u.path);

/** The scope's bound over a path column (the unit's subtree, or any of a leader's linked units). */
export const scopePred = (col: string, s: DashboardScope): Frag =>
  s.paths.length === 1 ? frag(`${col} <@ ?::ltree`, s.paths[0]) : frag(`${col} <@ ?::ltree[]`, s.paths);

/** Where the scope's name is said in an explanation: 东湖街道, or 区委领导挂钩的 3 个单位. */
export const scopeName = (s: DashboardScope): string =>
  s.linked ? `挂钩的${s.rowUnits.map((u) => u.name).join('、')}` : s.org.name;
