import { type GradeCounts, gradeCountsInOrder, gradeVoteOf, type Scheme } from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { gradeCountsOf, storeGradeCounts } from '../repository/grade-votes.ts';

/**
 * The tally of a grade-ballot round (一票一档): PostgreSQL counts the votes per (target, group, grade), core
 * turns each group's counts into the aggregate the score tally reads (a vote = its grade's points, see
 * core `grade-ballot.ts`), so ranks, quota, disclosure and the stored result are the score round's.
 */

/** Per target, its groups' vote counts in the pack's grade order (in the caller's scope). */
export async function countsByTarget(
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
 * After a grade round's results are stored: each target's vote counts (the tally's own) kept beside its
 * result, for the explanation.
 */
export async function storeRoundGradeCounts(
  ctx: RequestContext,
  roundId: string,
  counts: ReadonlyMap<string, GradeCounts[]>,
): Promise<void> {
  await storeGradeCounts(
    ctx.client,
    roundId,
    new Map(
      [...counts].map(([id, groups]) => [id, groups.map((g) => [g.groupId, g.counts] as [string, number[]])]),
    ),
  );
}
