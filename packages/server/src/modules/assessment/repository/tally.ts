import type { StoredBallotScore } from '@ganbu/core';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The database side of a tally (计票) around its statement (`tally-targets.ts`: one row per target with
 * its groups' figures): the planner settings it runs under, the ballots of a criterion tie-break, and the
 * store of the computed results. (The per-(target, group) aggregate it replaced lives on in the benchmark,
 * `bench/assessment/tally-previous.ts`, to be measured against.)
 */

/**
 * Planner settings for the aggregate, transaction-local and put back afterwards. The row-level security
 * predicate on `ballot_scores` (a hashed sub-plan, evaluated once) is costed as if it ran per row: the
 * plan costs some 10^11 and the row estimate is halved. That leads the planner to walk the (round, target,
 * group) index in order — one heap visit per ballot, three times slower — or to sort all the round's rows,
 * where hashing them as they are read (sequential or bitmap scan) is the fast plan; and on a server with
 * JIT (PostgreSQL 15 from Debian) it compiles the query with inlining and optimisation, about a second
 * of the two the aggregate takes. So: no plain index scan, no sort, no JIT; a hash table for some 200,000
 * groups (~40 MB) within work_mem rather than spilled under the default 4 MB; and a cursor planned for
 * all its rows, not the first 10 % (cursor_tuple_fraction).
 */
export const PLANNER_SETTINGS = {
  cursor_tuple_fraction: '1',
  work_mem: '256MB',
  enable_indexscan: 'off',
  enable_sort: 'off',
  jit: 'off',
} as const;

/**
 * `fn` with planner settings set transaction-locally, and the request's own put back after it (an error
 * has aborted the transaction anyway).
 */
export async function withSettings<T>(
  client: pg.ClientBase,
  settings: Readonly<Record<string, string>>,
  fn: () => Promise<T>,
): Promise<T> {
  const { rows: before } = await client.query<{ name: string; setting: string | null }>(
    // missing_ok: an app.* setting never set in this session reads NULL, and is put back to its default
    `SELECT name, current_setting(name, true) AS setting FROM unnest($1::text[]) AS name`,
    [Object.keys(settings)],
  );
  const set = (values: Record<string, string | null>) =>
    client.query(`SELECT set_config(k, v, true) FROM jsonb_each_text($1::jsonb) AS s(k, v)`, [
      JSON.stringify(values),
    ]);
  await set(settings);
  try {
    return await fn();
  } finally {
    await set(Object.fromEntries(before.map((b) => [b.name, b.setting]))).catch(() => undefined);
  }
}

/** Does the round have any ballot score the reader may see (its targets hidden, a tally is refused)? */
export async function roundHasScores(client: pg.ClientBase, roundId: string): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM ballot_scores WHERE round_id = $1 LIMIT 1`, [roundId]);
  return rows.length > 0;
}

/**
 * The ballots of a few targets, ordered by ballot id like the anonymous export: for a ballot-level tally
 * (core `evaluateRound`) of the targets whose criterion means a tie-break needs.
 */
export async function ballotScoresOf(
  client: pg.ClientBase,
  roundId: string,
  targetIds: readonly string[],
): Promise<StoredBallotScore[]> {
  if (targetIds.length === 0) return [];
  const { rows } = await client.query<StoredBallotScore>(
    `SELECT target_id AS "targetId", ballot_id AS "ballotId", group_id AS "groupId", points
       FROM ballot_scores WHERE round_id = $1 AND target_id = ANY($2::uuid[]) ORDER BY ballot_id`,
    [roundId, targetIds],
  );
  return rows;
}

/** Targets per chunk written into the COPY stream (the next chunk is built while the database reads). */
export const RESULT_BATCH = 2_000;

/**
 * The staging table of one compute: the transaction's own (a temporary table, dropped at its end or by
 * the next compute in the same transaction, as the demo seed runs several).
 */
export const STAGE_SQL = `DROP TABLE IF EXISTS pg_temp.tally_results_stage;
CREATE TEMP TABLE tally_results_stage (id uuid NOT NULL, grade text, result jsonb NOT NULL) ON COMMIT DROP`;

/**
 * Every target's result in one statement, from the staging table. Row-level security applies to
 * `assessment_targets` as to any update of the request; the planner, which expects about one target row
 * under it, is kept from a nested loop over the staging table (quadratic) by `STORE_SETTINGS`. A row that
 * already holds what it would be set to is not written again (a compute after a waiver or a second compute
 * rewrites only the targets whose figures or grades changed; no trigger or timestamp hangs on these rows).
 */
export const STORE_SQL = `UPDATE assessment_targets t
   SET result = s.result, proposed_grade = s.grade, final_grade = s.grade, override_reason = NULL
  FROM pg_temp.tally_results_stage s
 WHERE t.round_id = $1 AND t.id = s.id
   AND (t.result IS DISTINCT FROM s.result OR t.proposed_grade IS DISTINCT FROM s.grade
        OR t.final_grade IS DISTINCT FROM s.grade OR t.override_reason IS NOT NULL)`;

/** Planner settings for `STORE_SQL`, transaction-local and put back afterwards: a hash join in memory. */
export const STORE_SETTINGS = { enable_nestloop: 'off', enable_mergejoin: 'off', work_mem: '256MB' } as const;

/** COPY text format: a backslash is the escape character (JSON text has no raw tab, newline or CR). */
const copyJson = (s: string) => (s.includes('\\') ? s.replaceAll('\\', '\\\\') : s);
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** Any other text in COPY text format. */
const copyText = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!);

/**
 * Fills the transaction's staging table with every target's grade and result (JSON text) by COPY:
 * `rowAt(i)` is called when row i's chunk is built, so what the heap holds is one chunk of
 * `RESULT_BATCH` rows at a time, as UTF-8 buffers, not 100,000 strings.
 */
export async function stageResults(
  client: pg.ClientBase,
  count: number,
  rowAt: (i: number) => { id: string; grade: string | null; result: string },
): Promise<void> {
  await client.query(STAGE_SQL);
  const stream = client.query(copyFrom('COPY pg_temp.tally_results_stage (id, grade, result) FROM STDIN'));
  async function* chunks() {
    for (let from = 0; from < count; from += RESULT_BATCH) {
      const to = Math.min(count, from + RESULT_BATCH);
      let text = '';
      for (let i = from; i < to; i++) {
        const row = rowAt(i);
        text += `${row.id}\t${row.grade === null ? '\\N' : copyText(row.grade)}\t${copyJson(row.result)}\n`;
      }
      yield Buffer.from(text, 'utf8');
    }
  }
  await pipeline(Readable.from(chunks()), stream);
}

/**
 * Stores computed results: COPY into a staging table (`stageResults`), then one UPDATE of every target
 * row from it (`STORE_SQL`) — one pass, instead of one UPDATE per batch with a jsonb document to look
 * each row up in. Returns the number of rows written (those whose stored values changed).
 */
export async function storeResults(
  client: pg.ClientBase,
  roundId: string,
  count: number,
  rowAt: (i: number) => { id: string; grade: string | null; result: string },
): Promise<number> {
  await stageResults(client, count, rowAt);
  const updated = await withSettings(client, STORE_SETTINGS, async () => {
    const r = await client.query(STORE_SQL, [roundId]);
    return r.rowCount ?? 0;
  });
  await client.query('DROP TABLE pg_temp.tally_results_stage');
  return updated;
}
