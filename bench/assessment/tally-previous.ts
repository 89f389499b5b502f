/**
 * The tally as it was before one statement per target (issue 10 §10, second pass): the target list, then
 * the (target, group) aggregate through its cursor, then `tallyFromAggregates` per target — kept for the
 * benchmark to measure the product's `tallyRound()` against, interleaved on the same data.
 */
import { tallyFromAggregates, type GroupScoreAggregate, type TargetTally, type Waiver } from '@ganbu/core';
import * as reviewRepo from '../../packages/server/src/modules/assessment/repository/review.ts';
import { streamGroupAggregates } from '../../packages/server/src/modules/assessment/repository/tally.ts';
import { listTallyTargets } from '../../packages/server/src/modules/assessment/repository/targets.ts';
import type { RoundRecord } from '../../packages/server/src/modules/assessment/service/rounds.ts';
import type { RequestContext } from '../../packages/server/src/platform/context.ts';

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
