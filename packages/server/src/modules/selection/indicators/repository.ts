import type { CadreCondition, IndicatorPart, OrgKind } from '@ganbu/core';
import type pg from 'pg';
import { conditionSql, dollarParams, notMet } from './condition-sql.ts';

/**
 * The structure indicators' reads, all under row-level security (the caller's scope bounds every count).
 * Counts come grouped by the cadre's unit path, so one scan serves the whole scope, each child unit of the
 * breakdown and each judged unit (their subtrees are sums of these groups).
 */

export interface OrgRow {
  id: string;
  name: string;
  kind: OrgKind;
  path: string;
  active: boolean;
  hasChildren: boolean;
}

const ORG_COLUMNS = `o.id, o.name, o.kind, o.path::text AS path, o.active,
  EXISTS (SELECT 1 FROM orgs k WHERE k.parent_id = o.id AND k.active) AS "hasChildren"`;

export async function findOrg(client: pg.ClientBase, id: string): Promise<OrgRow | null> {
  const { rows } = await client.query<OrgRow>(`SELECT ${ORG_COLUMNS} FROM orgs o WHERE o.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The unit at the root of the caller's scope (the district for 全部). */
export async function scopeRoot(client: pg.ClientBase): Promise<OrgRow | null> {
  const { rows } = await client.query<OrgRow>(
    `SELECT ${ORG_COLUMNS} FROM orgs o
      WHERE CASE WHEN (SELECT app_scope_root()) = ''::ltree THEN o.parent_id IS NULL
                 ELSE o.path = (SELECT app_scope_root()) END
      ORDER BY o.path LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** The visible units from the top of the caller's view down to `path`, top first (the breadcrumb). */
export async function pathTo(
  client: pg.ClientBase,
  path: string,
): Promise<{ orgId: string; orgName: string }[]> {
  const { rows } = await client.query<{ orgId: string; orgName: string }>(
    `SELECT o.id AS "orgId", o.name AS "orgName" FROM orgs o
      WHERE o.path @> $1::ltree AND o.path <@ (SELECT app_scope_root()) ORDER BY nlevel(o.path)`,
    [path],
  );
  return rows;
}

export async function childrenOf(client: pg.ClientBase, id: string): Promise<OrgRow[]> {
  const { rows } = await client.query<OrgRow>(
    `SELECT ${ORG_COLUMNS} FROM orgs o WHERE o.parent_id = $1 ORDER BY o.sort_order, o.path`,
    [id],
  );
  return rows;
}

/** The active units of these kinds in the subtree (the units a `judgedPer` indicator judges). */
export async function unitsOfKinds(
  client: pg.ClientBase,
  path: string,
  kinds: readonly OrgKind[],
): Promise<{ id: string; path: string }[]> {
  const { rows } = await client.query<{ id: string; path: string }>(
    `SELECT o.id, o.path::text AS path FROM orgs o
      WHERE o.active AND o.kind = ANY ($2::text[]) AND o.path <@ $1::ltree ORDER BY o.path`,
    [path, kinds],
  );
  return rows;
}

export interface PathCounts {
  path: string;
  population: number;
  numerator: number;
}

/** Active cadres of the population under `path`, and those also meeting the numerator, per unit path. */
export async function countsByPath(
  client: pg.ClientBase,
  path: string,
  population: CadreCondition,
  numerator: CadreCondition,
  asOf: string,
): Promise<PathCounts[]> {
  const params: unknown[] = [path];
  const p = dollarParams(params);
  const pop = conditionSql(population, asOf, p);
  const num = conditionSql(numerator, asOf, p);
  const { rows } = await client.query<PathCounts>(
    `SELECT c.org_path::text AS path, count(*)::int AS population,
            count(*) FILTER (WHERE ${num})::int AS numerator
       FROM cadres c
      WHERE c.deactivated_at IS NULL AND c.org_path <@ $1::ltree AND ${pop}
      GROUP BY c.org_path`,
    params,
  );
  return rows;
}

/** The condition of a part as SQL: the numerator (both), the population, or the population less the numerator. */
export function partSql(
  population: CadreCondition,
  numerator: CadreCondition,
  part: IndicatorPart,
  asOf: string,
  param: (v: unknown) => string,
): string {
  const pop = conditionSql(population, asOf, param);
  if (part === 'population') return pop;
  const num = conditionSql(numerator, asOf, param);
  return part === 'numerator' ? `(${pop} AND ${num})` : `(${pop} AND ${notMet(num)})`;
}

export interface PersonRow {
  cadreId: string;
  name: string;
  orgId: string;
  orgName: string;
  postTitle: string;
  rank: string;
  age: number | null;
  inNumerator: boolean;
}

/** One page of the people of a part under `path`, by unit then name; and how many there are. */
export async function listPeople(
  client: pg.ClientBase,
  a: {
    path: string;
    population: CadreCondition;
    numerator: CadreCondition;
    part: IndicatorPart;
    asOf: string;
    limit: number;
    offset: number;
  },
): Promise<{ items: PersonRow[]; total: number }> {
  const whereOf = (params: unknown[]) =>
    `c.deactivated_at IS NULL AND c.org_path <@ $1::ltree AND ${partSql(a.population, a.numerator, a.part, a.asOf, dollarParams(params))}`;
  const pageParams: unknown[] = [a.path, a.asOf];
  const pageWhere = whereOf(pageParams);
  const num = `COALESCE(${conditionSql(a.numerator, a.asOf, dollarParams(pageParams))}, false)`;
  const page = await client.query<PersonRow>(
    `SELECT c.id AS "cadreId", c.name, c.org_id AS "orgId", o.name AS "orgName", c.post_title AS "postTitle",
            c.rank, date_part('year', age($2::date, c.birth_day))::int AS age, ${num} AS "inNumerator"
       FROM cadres c JOIN orgs o ON o.id = c.org_id
      WHERE ${pageWhere}
      ORDER BY c.org_path, c.name, c.id
      LIMIT ${Math.trunc(a.limit)} OFFSET ${Math.trunc(a.offset)}`,
    pageParams,
  );
  const countParams: unknown[] = [a.path];
  const count = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cadres c WHERE ${whereOf(countParams)}`,
    countParams,
  );
  return { items: page.rows, total: count.rows[0]?.n ?? 0 };
}
