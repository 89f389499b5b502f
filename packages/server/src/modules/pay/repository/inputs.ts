import type { GradeRef, OrgKind, PayTables, RoleKind } from '@ganbu/core';
import type pg from 'pg';

/**
 * The values a computation gathers (set-based reads, one query each, under the caller's row-level security):
 * the people of the paid subtree, the published grades and scores of the period's rounds, the district's
 * tables of the year and the statistics.
 */

export interface PersonRow {
  cadreId: string;
  name: string;
  unitId: string;
  unitName: string;
  unitKind: OrgKind;
  unitPath: string;
  difficulty: string;
  category: string | null;
  rank: string;
  tags: string[];
  roleKinds: RoleKind[];
}

/**
 * The active cadres whose unit is in the subtree and of one of the kinds, with their unit and the kinds of
 * their current appointments (those without an end).
 */
export async function peopleOf(
  client: pg.ClientBase,
  orgPath: string,
  orgKinds: readonly string[],
): Promise<PersonRow[]> {
  const { rows } = await client.query<{
    id: string;
    name: string;
    org_id: string;
    unit_name: string;
    unit_kind: OrgKind;
    unit_path: string;
    difficulty: string;
    category: string | null;
    rank: string;
    tags: string[];
    role_kinds: RoleKind[] | null;
  }>(
    `SELECT c.id, c.name, c.org_id, o.name AS unit_name, o.kind AS unit_kind, o.path::text AS unit_path,
            o.difficulty::text AS difficulty, c.category, c.rank, c.tags, a.role_kinds
       FROM cadres c
       JOIN orgs o ON o.id = c.org_id
       LEFT JOIN (SELECT cadre_id, array_agg(DISTINCT role_kind ORDER BY role_kind) AS role_kinds
                    FROM cadre_appointments WHERE end_date IS NULL AND org_path <@ $1::ltree GROUP BY cadre_id) a
         ON a.cadre_id = c.id
      WHERE c.org_path <@ $1::ltree AND c.deactivated_at IS NULL AND o.kind = ANY($2::text[])`,
    [orgPath, orgKinds],
  );
  return rows.map((r) => ({
    cadreId: r.id,
    name: r.name,
    unitId: r.org_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    unitPath: r.unit_path,
    difficulty: r.difficulty,
    category: r.category,
    rank: r.rank,
    tags: r.tags,
    roleKinds: r.role_kinds ?? [],
  }));
}

const GRADE_NAME = `(SELECT g ->> 'name' FROM jsonb_array_elements(r.rules -> 'gradeScale' -> 'grades') g
                      WHERE g ->> 'code' = t.final_grade LIMIT 1)`;

/**
 * The published grade of each cadre (or, `units`, of each unit target) in rounds of the schemes whose period
 * ends in the year; a cadre graded twice keeps the round ending last.
 */
export async function publishedGrades(
  client: pg.ClientBase,
  q: { schemeIds: readonly string[]; year: number; orgPath: string; units: boolean },
): Promise<Map<string, GradeRef>> {
  if (!q.schemeIds.length) return new Map();
  const { rows } = await client.query<{
    key: string;
    code: string;
    name: string | null;
    round_id: string;
    round_name: string;
    scheme_id: string;
  }>(
    `SELECT DISTINCT ON (key) key, code, name, round_id, round_name, scheme_id FROM (
       SELECT ${q.units ? 't.unit_id' : 't.cadre_id'} AS key, t.final_grade AS code, ${GRADE_NAME} AS name,
              r.id AS round_id, r.name AS round_name, r.scheme_id, r.period_end, r.created_at
         FROM assessment_targets t JOIN assessment_rounds r ON r.id = t.round_id
        WHERE r.state = 'published' AND t.published AND t.final_grade IS NOT NULL
          AND r.scheme_id = ANY($1::text[]) AND extract(year FROM r.period_end) = $2
          AND ${q.units ? 't.cadre_id IS NULL' : 't.cadre_id IS NOT NULL AND t.unit_path <@ $3::ltree'}
     ) x ORDER BY key, period_end DESC, created_at DESC, round_id`,
    q.units ? [q.schemeIds, q.year] : [q.schemeIds, q.year, q.orgPath],
  );
  return new Map(
    rows.map((r) => [
      r.key,
      {
        code: r.code,
        name: r.name ?? r.code,
        roundId: r.round_id,
        roundName: r.round_name,
        schemeId: r.scheme_id,
      },
    ]),
  );
}

/** The published weighted totals ("num/den" text) of each cadre in rounds of the schemes ending in the year. */
export async function publishedTotals(
  client: pg.ClientBase,
  q: { schemeIds: readonly string[]; year: number; orgPath: string },
): Promise<Map<string, { roundId: string; roundName: string; total: string }[]>> {
  const { rows } = await client.query<{
    cadre_id: string;
    round_id: string;
    round_name: string;
    total: string;
  }>(
    `SELECT t.cadre_id, r.id AS round_id, r.name AS round_name,
            COALESCE(t.result ->> 'total', t.result -> 'tally' ->> 'total') AS total
       FROM assessment_targets t JOIN assessment_rounds r ON r.id = t.round_id
      WHERE r.state = 'published' AND t.published AND t.cadre_id IS NOT NULL AND t.unit_path <@ $3::ltree
        AND r.scheme_id = ANY($1::text[]) AND extract(year FROM r.period_end) = $2
        AND COALESCE(t.result ->> 'total', t.result -> 'tally' ->> 'total') IS NOT NULL
      ORDER BY t.cadre_id, r.period_end, r.created_at, r.id`,
    [q.schemeIds, q.year, q.orgPath],
  );
  const out = new Map<string, { roundId: string; roundName: string; total: string }[]>();
  for (const r of rows) {
    const list = out.get(r.cadre_id) ?? [];
    list.push({ roundId: r.round_id, roundName: r.round_name, total: r.total });
    out.set(r.cadre_id, list);
  }
  return out;
}

/** The district's tables of the year, keyed as the calculators read them. */
export async function tablesOf(client: pg.ClientBase, year: number): Promise<PayTables> {
  const { rows } = await client.query<{ kind: string; key: string; amount: string }>(
    `SELECT kind, key, amount_fen::text AS amount FROM pay_tables WHERE year = $1 ORDER BY kind, key`,
    [year],
  );
  const tables: PayTables = { rankBase: {}, bonusBase: {}, villageBase: {} };
  const into = {
    'rank-base': tables.rankBase,
    'bonus-base': tables.bonusBase,
    'village-base': tables.villageBase,
  };
  for (const r of rows) {
    const target = into[r.kind as keyof typeof into];
    if (target) target[r.key] = Number(r.amount);
  }
  return tables;
}

/** Every statistic: key → year → value (fen). */
export async function statisticsOf(client: pg.ClientBase): Promise<Record<string, Record<string, number>>> {
  const { rows } = await client.query<{ key: string; year: number; value: string }>(
    `SELECT key, year, value_fen::text AS value FROM pay_statistics ORDER BY key, year`,
  );
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.key] ??= {})[String(r.year)] = Number(r.value);
  return out;
}
