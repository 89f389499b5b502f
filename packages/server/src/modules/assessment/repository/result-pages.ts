import type { ResultSort } from '@ganbu/core';
import type pg from 'pg';
import { toResultTarget, type ResultTargetRecord, type ResultTargetRow } from './targets.ts';

/**
 * The results of a round a page at a time (issue 10 §9): filters, order, the row count and the counts per
 * status and grade are the database's work, so a 100,000-target round never sits in Node. Row-level
 * security keeps every read to the reader's scope.
 *
 * A stored result is compact (`{v: 2, status, total: "num/den", groups: [[id, n, …]], rank}`) or whole
 * (`{tally: {status, total: {fraction}, groups: [{groupId, ballotCount}]}, rank}`); the expressions read both.
 */

const STATUS = `coalesce(t.result->>'status', t.result->'tally'->>'status')`;
const TOTAL_FRACTION = `coalesce(t.result->>'total', t.result->'tally'->'total'->>'fraction')`;

/**
 * Is the target's total withheld from publication (SECURITY 31, core `disclosureOf`): one weighted group
 * below the shown minimum — or two, one of them a single ballot — and no weighted group at or above the
 * minimum to withhold beside it. Then its total and rank are not shown, and ordering by them must not
 * place it either. $7 the rater groups' ids, $8 their weights, $9 the shown minimum.
 */
const TOTAL_WITHHELD = `(${TOTAL_FRACTION} IS NOT NULL AND (
  SELECT (count(*) FILTER (WHERE c.n > 0 AND c.n < $9 AND w.weight > 0) = 1
          OR (count(*) FILTER (WHERE c.n > 0 AND c.n < $9 AND w.weight > 0) = 2
              AND count(*) FILTER (WHERE c.n = 1 AND w.weight > 0) > 0))
         AND count(*) FILTER (WHERE c.n >= $9 AND w.weight > 0) = 0
    FROM (SELECT e->>0 AS gid, (e->>1)::int AS n
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof(t.result->'groups') = 'array'
                                           THEN t.result->'groups' ELSE '[]'::jsonb END) e
          UNION ALL
          SELECT e->>'groupId', (e->>'ballotCount')::int
            FROM jsonb_array_elements(coalesce(t.result->'tally'->'groups', '[]'::jsonb)) e) c
    JOIN unnest($7::text[], $8::numeric[]) AS w(id, weight) ON w.id = c.gid))`;

/** The published rank: none when the total is withheld. */
const RANK = `CASE WHEN ${TOTAL_WITHHELD} THEN NULL ELSE (t.result->'rank'->>'population')::int END`;
/** The published total as a number to order by ("num/den" or "num"). */
const TOTAL_NUMBER = `CASE WHEN ${TOTAL_WITHHELD} THEN NULL
  ELSE split_part(${TOTAL_FRACTION}, '/', 1)::numeric
       / coalesce(nullif(split_part(${TOTAL_FRACTION}, '/', 2), ''), '1')::numeric END`;

const ORDER: Record<ResultSort, string> = {
  rank: `${RANK} NULLS LAST, t.sort_order, t.name, t.id`,
  name: `t.name, t.sort_order, t.id`,
  total: `${TOTAL_NUMBER} DESC NULLS LAST, t.sort_order, t.name, t.id`,
  unit: `coalesce(o.name, ''), t.sort_order, t.name, t.id`,
};

export interface ResultFilter {
  status?: 'sufficient' | 'insufficient' | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
}

/** $1 round, $2 status, $3 unit (its subtree), $4 a part of the name, post or unit name. */
const WHERE = `t.round_id = $1
   AND ($2::text IS NULL OR ${STATUS} = $2)
   AND ($3::uuid IS NULL OR t.unit_path <@ (SELECT path FROM orgs WHERE id = $3::uuid))
   AND ($4::text IS NULL OR strpos(t.name, $4) > 0 OR strpos(t.post, $4) > 0
        OR strpos(coalesce(o.name, ''), $4) > 0)`;

const COLUMNS = `t.id, t.cadre_id, t.name, t.post, t.unit_id, t.parent_unit_id, coalesce(o.name, '') AS unit_name,
       t.result, t.proposed_grade, t.final_grade, t.override_reason`;

/** What ordering by the published rank or total needs to know: the scheme's groups and the shown minimum. */
export interface Disclosing {
  groups: readonly { id: string; weight: number }[];
  minShown: number;
}

/** One page of the filtered targets in the chosen order, and how many match the filters. */
export async function selectResultPage(
  client: pg.ClientBase,
  roundId: string,
  d: Disclosing,
  f: ResultFilter & { sort: ResultSort; page: number; pageSize: number },
): Promise<{ rows: ResultTargetRecord[]; total: number }> {
  const filter = [roundId, f.status ?? null, f.unitId ?? null, f.q ? f.q : null];
  // $5 limit, $6 offset; ordering by the published rank or total also needs $7–$9
  const disclosing =
    f.sort === 'rank' || f.sort === 'total'
      ? [d.groups.map((g) => g.id), d.groups.map((g) => String(g.weight)), d.minShown]
      : [];
  const { rows } = await client.query<ResultTargetRow>(
    `SELECT ${COLUMNS}
       FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id
      WHERE ${WHERE}
      ORDER BY ${ORDER[f.sort]}
      LIMIT $5 OFFSET $6`,
    [...filter, f.pageSize, (f.page - 1) * f.pageSize, ...disclosing],
  );
  const { rows: counted } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id WHERE ${WHERE}`,
    filter,
  );
  return { rows: rows.map(toResultTarget), total: counted[0]?.n ?? 0 };
}

/** One target of the round with its stored figures; null when not in the round or outside the scope. */
export async function selectResultTarget(
  client: pg.ClientBase,
  roundId: string,
  targetId: string,
): Promise<ResultTargetRecord | null> {
  const { rows } = await client.query<ResultTargetRow>(
    `SELECT ${COLUMNS} FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id
      WHERE t.round_id = $1 AND t.id = $2`,
    [roundId, targetId],
  );
  return rows[0] ? toResultTarget(rows[0]) : null;
}

/** Counts over every target the reader may see: per status, per proposed and final grade, overridden. */
export async function selectResultCounts(client: pg.ClientBase, roundId: string) {
  const { rows } = await client.query<{
    targets: number;
    sufficient: number;
    insufficient: number;
    none: number;
    overridden: number;
    proposed: Record<string, number> | null;
    final: Record<string, number> | null;
  }>(
    `WITH x AS (
       SELECT ${STATUS} AS status, t.proposed_grade, t.final_grade, t.override_reason
         FROM assessment_targets t WHERE t.round_id = $1)
     SELECT count(*)::int AS targets,
            count(*) FILTER (WHERE status = 'sufficient')::int AS sufficient,
            count(*) FILTER (WHERE status = 'insufficient')::int AS insufficient,
            count(*) FILTER (WHERE status IS NULL)::int AS none,
            count(*) FILTER (WHERE override_reason IS NOT NULL)::int AS overridden,
            (SELECT jsonb_object_agg(g, n) FROM (SELECT proposed_grade AS g, count(*)::int AS n FROM x
               WHERE proposed_grade IS NOT NULL GROUP BY 1) p) AS proposed,
            (SELECT jsonb_object_agg(g, n) FROM (SELECT final_grade AS g, count(*)::int AS n FROM x
               WHERE final_grade IS NOT NULL GROUP BY 1) f) AS final
       FROM x`,
    [roundId],
  );
  const r = rows[0];
  return {
    targets: r?.targets ?? 0,
    status: { sufficient: r?.sufficient ?? 0, insufficient: r?.insufficient ?? 0, none: r?.none ?? 0 },
    proposed: r?.proposed ?? {},
    final: r?.final ?? {},
    overridden: r?.overridden ?? 0,
  };
}

/**
 * Per quota group, its visible targets' final grades counted ('' for none). The groups' members come from
 * the quota summary already read; the grades are one pass over the round's targets, joined here — a join
 * of the summary's 100,000 ids with the targets in SQL is planned as a nested loop under row-level
 * security (about one target row expected) and takes minutes.
 */
export async function finalByQuotaGroup(
  client: pg.ClientBase,
  roundId: string,
  groups: readonly { key: string; targetIds: readonly string[] }[],
): Promise<Record<string, Record<string, number>>> {
  const { rows } = await client.query<[string, string | null]>({
    text: `SELECT id, final_grade FROM assessment_targets WHERE round_id = $1`,
    values: [roundId],
    rowMode: 'array',
  });
  const gradeOf = new Map(rows);
  const out: Record<string, Record<string, number>> = {};
  for (const g of groups) {
    const counts: Record<string, number> = {};
    for (const id of g.targetIds) {
      if (!gradeOf.has(id)) continue; // outside the reader's scope
      const grade = gradeOf.get(id) ?? '';
      counts[grade] = (counts[grade] ?? 0) + 1;
    }
    if (Object.keys(counts).length > 0) out[g.key] = counts;
  }
  return out;
}

/** The names of some targets of the round (those the reader may see). */
export async function selectTargetNames(
  client: pg.ClientBase,
  roundId: string,
  ids: readonly string[],
): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const { rows } = await client.query<{ id: string; name: string }>(
    `SELECT id, name FROM assessment_targets WHERE round_id = $1 AND id = ANY($2::uuid[])`,
    [roundId, ids],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Rows per FETCH of the export and the insufficient scan: a bounded batch in memory. */
const FETCH_ROWS = 1_000;
let cursorSeq = 0;

/**
 * Every visible target in the round's order (the workbook's), or only the insufficient ones, through a
 * server-side cursor in the request's transaction, `FETCH_ROWS` at a time.
 */
export async function* streamResultTargets(
  client: pg.ClientBase,
  roundId: string,
  only?: 'insufficient',
): AsyncGenerator<ResultTargetRecord[]> {
  const cursor = `results_${process.pid}_${++cursorSeq}`;
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR
     SELECT ${COLUMNS} FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id
      WHERE t.round_id = $1 AND ($2::text IS NULL OR ${STATUS} = $2)
      ORDER BY t.sort_order, t.name`,
    [roundId, only ?? null],
  );
  for (;;) {
    const { rows } = await client.query<ResultTargetRow>(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
    if (rows.length > 0) yield rows.map(toResultTarget);
    if (rows.length < FETCH_ROWS) break;
  }
  await client.query(`CLOSE ${cursor}`);
}
