import type { GroupScoreAggregate, StoredBallotScore } from '@ganbu/core';
import type pg from 'pg';

/**
 * The database side of a tally (计票): PostgreSQL sums the round's ballots per target and rater group,
 * Node applies the rules (core `tallyFromAggregates`). One pass over `ballot_scores`, one row per
 * (target, group) back — for a round of 2,000,000 score rows over 100,000 targets some 200,000 rows,
 * fetched through a cursor in batches, so neither the ballots nor all aggregate rows sit in Node at once.
 */

/** Rows per FETCH: small enough for a bounded batch in memory, large enough that round trips do not count. */
const FETCH_ROWS = 20_000;

/**
 * The aggregate: count, Σ total, highest and lowest total per (target, group) — every figure a mean or a
 * trimmed mean needs ((Σ − highest − lowest) / (n − 2)). Criterion means are not summed here: with
 * trimmed groups they would also need the criterion points of the two dropped ballots (a second pass over
 * the ballots), and only a `criterionScore` tie-break at a quota boundary uses them — see
 * `ballotScoresOf`.
 */
export const GROUP_AGGREGATE_SQL = `SELECT target_id, group_id, count(*)::int, sum(total)::int8, max(total), min(total)
  FROM ballot_scores WHERE round_id = $1 GROUP BY target_id, group_id`;

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

type AggregateRow = [targetId: string, groupId: string, n: number, sum: string, max: number, min: number];

let cursorSeq = 0;

/**
 * Streams the round's per-(target, group) aggregates into `onBatch`, in no particular order, through a
 * server-side cursor in the caller's transaction (the request's, so row-level security applies). Returns
 * the number of aggregate rows.
 */
export async function streamGroupAggregates(
  client: pg.ClientBase,
  roundId: string,
  onBatch: (rows: { targetId: string; aggregate: GroupScoreAggregate }[]) => void,
): Promise<number> {
  const names = Object.keys(PLANNER_SETTINGS) as (keyof typeof PLANNER_SETTINGS)[];
  const { rows: before } = await client.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
    [names],
  );
  const set = (values: Record<string, string>) =>
    client.query(`SELECT set_config(k, v, true) FROM jsonb_each_text($1::jsonb) AS s(k, v)`, [
      JSON.stringify(values),
    ]);
  await set(PLANNER_SETTINGS);
  const cursor = `tally_${process.pid}_${++cursorSeq}`;
  let total = 0;
  try {
    await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${GROUP_AGGREGATE_SQL}`, [roundId]);
    for (;;) {
      const { rows } = await client.query<AggregateRow>({
        text: `FETCH ${FETCH_ROWS} FROM ${cursor}`,
        rowMode: 'array',
      });
      if (rows.length === 0) break;
      total += rows.length;
      onBatch(
        rows.map(([targetId, groupId, n, sum, max, min]) => ({
          targetId,
          aggregate: {
            groupId,
            ballotCount: n,
            sumHundredths: BigInt(sum),
            maxHundredths: BigInt(max),
            minHundredths: BigInt(min),
          },
        })),
      );
      if (rows.length < FETCH_ROWS) break;
    }
    await client.query(`CLOSE ${cursor}`);
  } finally {
    // an error has aborted the transaction anyway; on success the request goes on with its own settings
    await set(Object.fromEntries(before.map((b) => [b.name, b.setting]))).catch(() => undefined);
  }
  return total;
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

/** Targets per UPDATE when storing results: about 5 MB of JSON per statement. */
export const RESULT_BATCH = 2_000;

/**
 * One batch of results: the rows are found through the primary key (`id = ANY`), and each row's result
 * and grade looked up by id in two jsonb objects, each parsed once (an InitPlan). Not a join with
 * `jsonb_to_recordset`: the row-level security predicate makes the planner expect about one target row,
 * and its nested loop then re-reads the whole batch for every target of the round — quadratic, minutes at
 * 100,000 targets.
 */
export const STORE_SQL = `UPDATE assessment_targets t
   SET result = (SELECT $3::jsonb) -> t.id::text,
       proposed_grade = (SELECT $4::jsonb) ->> t.id::text,
       final_grade = (SELECT $4::jsonb) ->> t.id::text,
       override_reason = NULL
 WHERE t.round_id = $1 AND t.id = ANY($2::uuid[])`;

/** jsonb's binary input: a version byte, then the JSON text. */
const JSONB_V1 = Buffer.from([1]);

/**
 * Stores computed results in batches of `RESULT_BATCH` targets. `rowAt(i)` gives target i's grade and
 * result (JSON text) when it is its turn; the text goes straight into a UTF-8 buffer, so what stays in
 * the JavaScript heap across a write is one batch of small buffers, not strings (a batch of strings kept
 * until it was sent got promoted to the old generation; with 100,000 targets that pushed the benchmark's
 * peak RSS past 1 GB). The batch travels as binary jsonb (no second copy as a JS string) and the next one
 * is built while the database writes the previous one.
 */
export async function storeResults(
  client: pg.ClientBase,
  roundId: string,
  count: number,
  rowAt: (i: number) => { id: string; grade: string | null; result: string },
): Promise<void> {
  let pending: Promise<unknown> | null = null;
  for (let from = 0; from < count; from += RESULT_BATCH) {
    const to = Math.min(count, from + RESULT_BATCH);
    const ids: string[] = [];
    const parts: Buffer[] = [JSONB_V1];
    const grades: Record<string, string | null> = {};
    for (let i = from; i < to; i++) {
      const row = rowAt(i);
      ids.push(row.id);
      grades[row.id] = row.grade;
      parts.push(Buffer.from(`${i === from ? '{' : ','}"${row.id}":${row.result}`, 'utf8'));
    }
    parts.push(Buffer.from('}'));
    const params = [roundId, ids, Buffer.concat(parts), JSON.stringify(grades)];
    if (pending) await pending;
    pending = client.query(STORE_SQL, params);
    // awaited before the next statement or below; until then a failure must not count as unhandled
    pending.catch(() => undefined);
  }
  if (pending) await pending;
}
