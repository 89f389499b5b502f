import {
  type GradeCounts,
  type GroupScoreAggregate,
  gradeCountsInOrder,
  gradeGroupAggregate,
  gradeVoteOf,
  type Scheme,
} from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { gradeCountsOf, storeGradeCounts } from '../repository/grade-votes.ts';
import type { RoundRecord } from './rounds.ts';

/**
 * The tally of a grade-ballot round (一票一档): PostgreSQL counts the votes per (target, group, grade), core
 * turns each group's counts into the aggregate the score tally reads (a vote = its grade's points, see
 * core `grade-ballot.ts`), so ranks, quota, disclosure and the stored result are the score round's.
 */

/** Per target, its groups' vote counts in the pack's grade order. */
async function countsByTarget(
  client: pg.ClientBase,
  roundId: string,
  scheme: Scheme,
): Promise<Map<string, GradeCounts[]>> {
  const spec = gradeVoteOf(scheme);
  const byCode = new Map<string, Map<string, Map<string, number>>>();
  for (const r of await gradeCountsOf(client, roundId)) {
    let groups = byCode.get(r.targetId);
    if (!groups) byCode.set(r.targetId, (groups = new Map<string, Map<string, number>>()));
    let grades = groups.get(r.groupId);
    if (!grades) groups.set(r.groupId, (grades = new Map<string, number>()));
    grades.set(r.grade, r.n);
  }
  const out = new Map<string, GradeCounts[]>();
  for (const [targetId, groups] of byCode)
    out.set(
      targetId,
      [...groups].map(([groupId, grades]) => ({ groupId, counts: gradeCountsInOrder(spec, grades) })),
    );
  return out;
}

/**
 * The grade round's per-(target, group) aggregates, in the shape `streamGroupAggregates` gives a score
 * round's; returns the number of (target, group) rows.
 */
export async function streamGradeAggregates(
  client: pg.ClientBase,
  roundId: string,
  scheme: Scheme,
  onBatch: (rows: { targetId: string; aggregate: GroupScoreAggregate }[]) => void,
): Promise<number> {
  const spec = gradeVoteOf(scheme);
  const rows: { targetId: string; aggregate: GroupScoreAggregate }[] = [];
  for (const [targetId, groups] of await countsByTarget(client, roundId, scheme))
    for (const g of groups) rows.push({ targetId, aggregate: gradeGroupAggregate(spec, g) });
  if (rows.length) onBatch(rows);
  return rows.length;
}

/** After a grade round's compute: each target's vote counts kept beside its result, for the explanation. */
export async function storeRoundGradeCounts(ctx: RequestContext, round: RoundRecord): Promise<void> {
  const counts = await countsByTarget(ctx.client, round.id, round.rules.scheme);
  await storeGradeCounts(
    ctx.client,
    round.id,
    new Map(
      [...counts].map(([id, groups]) => [id, groups.map((g) => [g.groupId, g.counts] as [string, number[]])]),
    ),
  );
}
