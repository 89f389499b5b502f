import type pg from 'pg';

/**
 * The grade ballot's storage (一票一档, migration 0035): `ballot_grades` beside `ballot_scores`, written only
 * through `ballot_cast_grades` (pool) and `ballot_settle` (the close), as score ballots are.
 */

/** Mark the slip used and pool its grade ballot, in one statement: 'ok', 'used', 'state:<state>', 'invalid'. */
export async function castGradeBallotRow(
  pool: pg.Pool,
  hash: string,
  day: string,
  grades: { target_id: string; grade: string }[],
): Promise<string> {
  const { rows } = await pool.query<{ result: string }>('SELECT ballot_cast_grades($1, $2, $3) AS result', [
    hash,
    day,
    JSON.stringify(grades),
  ]);
  return rows[0]?.result ?? 'invalid';
}

/** Votes per (target, group, grade) of a round's stored grade ballots (in the caller's scope). */
export async function gradeCountsOf(
  client: pg.ClientBase,
  roundId: string,
): Promise<{ targetId: string; groupId: string; grade: string; n: number }[]> {
  const { rows } = await client.query<{ targetId: string; groupId: string; grade: string; n: number }>(
    `SELECT target_id AS "targetId", group_id AS "groupId", grade, count(*)::int AS n
       FROM ballot_grades WHERE round_id = $1 GROUP BY target_id, group_id, grade`,
    [roundId],
  );
  return rows;
}

/**
 * Keep each target's grade counts beside its stored result (`result.gradeCounts`: [groupId, counts in the
 * pack's grade order][]), for the explanation; run after the compute stored the results.
 */
export async function storeGradeCounts(
  client: pg.ClientBase,
  roundId: string,
  countsOf: ReadonlyMap<string, [string, number[]][]>,
): Promise<void> {
  const ids = [...countsOf.keys()];
  const counts = ids.map((id) => JSON.stringify(countsOf.get(id)));
  await client.query(
    `UPDATE assessment_targets t SET result = t.result || jsonb_build_object('gradeCounts', c.counts::jsonb)
       FROM unnest($2::uuid[], $3::text[]) AS c(id, counts)
      WHERE t.round_id = $1 AND t.id = c.id AND t.result IS NOT NULL`,
    [roundId, ids, counts],
  );
}

/** A round's grade ballots for the anonymous export: by random ballot id, not insert order. */
export async function listExportGradeBallots(
  client: pg.ClientBase,
  roundId: string,
  withheld: { targetIds: string[]; groupIds: string[] },
): Promise<{ id: string; groupId: string; day: string; grades: { targetId: string; grade: string }[] }[]> {
  const { rows } = await client.query<{
    id: string;
    group_id: string;
    day: string;
    grades: { targetId: string; grade: string }[];
  }>(
    `SELECT b.id, b.group_id, b.cast_on::text AS day,
            json_agg(json_build_object('targetId', g.target_id, 'grade', g.grade) ORDER BY g.target_id) AS grades
       FROM ballots b JOIN ballot_grades g ON g.ballot_id = b.id
       LEFT JOIN unnest($2::uuid[], $3::text[]) AS w(target_id, group_id)
         ON w.target_id = g.target_id AND w.group_id = g.group_id
      WHERE b.round_id = $1 AND w.target_id IS NULL GROUP BY b.id ORDER BY b.id`,
    [roundId, withheld.targetIds, withheld.groupIds],
  );
  return rows.map((b) => ({ id: b.id, groupId: b.group_id, day: b.day, grades: b.grades }));
}
