/**
 * The tally as it was before one statement per target (issue 10 §10, second pass): the target list, then
 * the (target, group) aggregate through its cursor, then `tallyFromAggregates` per target — kept for the
 * benchmark to measure the product's `tallyRound()` against, interleaved on the same data.
 */
import type pg from 'pg';
import { tallyFromAggregates, type GroupScoreAggregate, type TargetTally, type Waiver } from '@ganbu/core';
import * as reviewRepo from '../../packages/server/src/modules/assessment/repository/review.ts';
import {
  PLANNER_SETTINGS,
  withSettings,
} from '../../packages/server/src/modules/assessment/repository/tally.ts';
import { listTallyTargets } from '../../packages/server/src/modules/assessment/repository/targets.ts';
import type { RoundRecord } from '../../packages/server/src/modules/assessment/service/rounds.ts';
import type { RequestContext } from '../../packages/server/src/platform/context.ts';

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
  const cursor = `tally_${process.pid}_${++cursorSeq}`;
  return withSettings(client, PLANNER_SETTINGS, async () => {
    let total = 0;
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
    return total;
  });
}

export async function previousTallyRound(ctx: RequestContext, round: RoundRecord): Promise<number> {
  const client = ctx.client;
  const { scheme } = round.rules;
  const targets = await listTallyTargets(client, round.id);
  const waiversOf = new Map<string, Waiver[]>();
  for (const w of await reviewRepo.listWaivers(client, round.id)) {
    const list = waiversOf.get(w.targetId);
    if (list) list.push(w);
    else waiversOf.set(w.targetId, [w]);
  }
  const aggregatesOf = new Map<string, GroupScoreAggregate[]>();
  await streamGroupAggregates(client, round.id, (batch) => {
    for (const { targetId, aggregate } of batch) {
      const list = aggregatesOf.get(targetId);
      if (list) list.push(aggregate);
      else aggregatesOf.set(targetId, [aggregate]);
    }
  });
  const tallies = new Map<string, TargetTally>();
  for (const t of targets) {
    const groups = aggregatesOf.get(t.id);
    if (!groups) aggregatesOf.set(t.id, []);
    tallies.set(
      t.id,
      tallyFromAggregates({
        scheme,
        targetId: t.id,
        groups: groups ?? [],
        waivers: waiversOf.get(t.id) ?? [],
      }),
    );
  }
  return tallies.size;
}
