import type { GradeRef, OrgKind, PayPersonInput, PayTables, RoleKind } from '@ganbu/core';
import type pg from 'pg';

/**
 * The values a computation gathers (set-based reads, one query each, under the caller's row-level security):
 * the people of the paid subtree, the published grades and scores of the period's rounds, the district's
 * tables of the year and the statistics.
 */

/** A person as the registry gives them; the grades, score and eligibility are added by the gather. */
export type PersonRow = Omit<PayPersonInput, 'grade' | 'unitGrade' | 'score' | 'eligibility'>;

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
  }>(
    `SELECT c.id, c.name, c.org_id, o.name AS unit_name, o.kind AS unit_kind, o.path::text AS unit_path,
            o.difficulty::text AS difficulty, c.category, c.rank, c.tags
       FROM cadres c
       JOIN orgs o ON o.id = c.org_id
      WHERE c.org_path <@ $1::ltree AND c.deactivated_at IS NULL AND o.kind = ANY($2::text[])`,
    [orgPath, orgKinds],
  );
  // the current appointments' kinds in one read of the subtree (a sub-select per cadre is planned with the
  // row-level security's path condition on the gist index: a scan of the whole index per cadre for 全部)
  const { rows: posts } = await client.query<{ cadre_id: string; role_kind: RoleKind }>(
    `SELECT DISTINCT cadre_id, role_kind FROM cadre_appointments
      WHERE end_date IS NULL AND org_path <@ $1::ltree ORDER BY cadre_id, role_kind`,
    [orgPath],
  );
  const roleKinds = new Map<string, RoleKind[]>();
  for (const p of posts) {
    const list = roleKinds.get(p.cadre_id);
    if (list) list.push(p.role_kind);
    else roleKinds.set(p.cadre_id, [p.role_kind]);
  }
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
    roleKinds: roleKinds.get(r.id) ?? [],
  }));
}

interface RoundRow {
  id: string;
  name: string;
  scheme_id: string;
  grades: { code: string; name: string }[] | null;
}

/**
 * The published rounds of the schemes whose period ends in the year, the one ending last first. Read apart
 * from their targets: the rounds' row-level security reads the targets, so a join would ask it per target.
 */
async function roundsOf(
  client: pg.ClientBase,
  schemeIds: readonly string[],
  year: number,
): Promise<RoundRow[]> {
  const { rows } = await client.query<RoundRow>(
    `SELECT id, name, scheme_id, rules -> 'gradeScale' -> 'grades' AS grades FROM assessment_rounds
      WHERE state = 'published' AND scheme_id = ANY($1::text[]) AND extract(year FROM period_end) = $2
      ORDER BY period_end DESC, created_at DESC, id`,
    [schemeIds, year],
  );
  return rows;
}

/**
 * The published grade of each cadre (or, `units`, of each unit target) in rounds of the schemes whose period
 * ends in the year; a cadre graded twice keeps the round ending last.
 */
export async function publishedGrades(
  client: pg.ClientBase,
  q: { schemeIds: readonly string[]; year: number; orgPath: string; units: boolean },
): Promise<Map<string, GradeRef>> {
  const out = new Map<string, GradeRef>();
  if (!q.schemeIds.length) return out;
  const rounds = await roundsOf(client, q.schemeIds, q.year);
  if (!rounds.length) return out;
  const { rows } = await client.query<{ key: string; round_id: string; code: string }>(
    `SELECT ${q.units ? 't.unit_id' : 't.cadre_id'} AS key, t.round_id, t.final_grade AS code
       FROM assessment_targets t
      WHERE t.round_id = ANY($1::uuid[]) AND t.published AND t.final_grade IS NOT NULL
        AND ${q.units ? 't.cadre_id IS NULL' : 't.cadre_id IS NOT NULL AND t.unit_path <@ $2::ltree'}`,
    q.units ? [rounds.map((r) => r.id)] : [rounds.map((r) => r.id), q.orgPath],
  );
  const rank = new Map(rounds.map((r, i) => [r.id, i]));
  const best = new Map<string, { i: number; roundId: string; code: string }>();
  for (const r of rows) {
    const i = rank.get(r.round_id)!;
    const had = best.get(r.key);
    if (!had || i < had.i) best.set(r.key, { i, roundId: r.round_id, code: r.code });
  }
  for (const [key, b] of best) {
    const round = rounds[b.i]!;
    const name = round.grades?.find((g) => g.code === b.code)?.name ?? b.code;
    out.set(key, { code: b.code, name, roundId: round.id, roundName: round.name, schemeId: round.scheme_id });
  }
  return out;
}

/** The published weighted totals ("num/den" text) of each cadre in rounds of the schemes ending in the year. */
export async function publishedTotals(
  client: pg.ClientBase,
  q: { schemeIds: readonly string[]; year: number; orgPath: string },
): Promise<Map<string, { roundId: string; roundName: string; total: string }[]>> {
  const out = new Map<string, { roundId: string; roundName: string; total: string }[]>();
  const rounds = (await roundsOf(client, q.schemeIds, q.year)).reverse(); // the one ending first first
  if (!rounds.length) return out;
  const { rows } = await client.query<{ cadre_id: string; round_id: string; total: string }>(
    `SELECT t.cadre_id, t.round_id, COALESCE(t.result ->> 'total', t.result -> 'tally' ->> 'total') AS total
       FROM assessment_targets t
      WHERE t.round_id = ANY($1::uuid[]) AND t.published AND t.cadre_id IS NOT NULL AND t.unit_path <@ $2::ltree
        AND COALESCE(t.result ->> 'total', t.result -> 'tally' ->> 'total') IS NOT NULL`,
    [rounds.map((r) => r.id), q.orgPath],
  );
  const order = new Map(rounds.map((r, i) => [r.id, i]));
  rows.sort((a, b) => order.get(a.round_id)! - order.get(b.round_id)!);
  for (const r of rows) {
    const round = rounds[order.get(r.round_id)!]!;
    const list = out.get(r.cadre_id) ?? [];
    list.push({ roundId: round.id, roundName: round.name, total: r.total });
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
