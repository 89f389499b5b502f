import type { Scheme } from '../policy/assessment-section.ts';
import type { StoredBallotScore } from './evaluate.ts';
import { type GradeVote, type GradeVoteResult, tallyGradeVotes } from './grade-vote.ts';
import type { GroupScoreAggregate } from './tally-aggregates.ts';

/**
 * A grade-ballot round (一票一档) in the score engine. A vote for a grade is worth the grade's points on
 * the 百分制 (the pack's `gradeVote.grades[].pointsHundredths`), as if it were a ballot whose one criterion
 * scored those points: a rater group's mean is then exactly the `points` rule's score (Σ count × points ÷
 * votes), and the weighted total, minimum raters, disclosure, ranks, quota and recount run unchanged. The
 * counts and shares per grade (优秀票率 …) and the rule's step are explained beside the tally.
 */

/** The grade ballot of a scheme; throws for a score scheme (the caller dispatched on `ballotForm`). */
export function gradeVoteOf(scheme: Scheme): GradeVote {
  if (scheme.ballotForm !== 'grade' || !scheme.gradeVote)
    throw new RangeError(`scheme ${scheme.id} has no grade ballot`);
  return scheme.gradeVote;
}

const pointsOf = (spec: GradeVote, code: string): number => {
  const g = spec.grades.find((x) => x.code === code);
  if (!g) throw new RangeError(`vote for unknown grade “${code}”`);
  return g.pointsHundredths;
};

/** Grade votes as the score ballots they stand for (the recount's input): one criterion, the grade's points. */
export function gradeVoteScores(
  scheme: Scheme,
  votes: readonly { ballotId: string; groupId: string; targetId: string; grade: string }[],
): StoredBallotScore[] {
  const spec = gradeVoteOf(scheme);
  return votes.map((v) => ({
    ballotId: v.ballotId,
    groupId: v.groupId,
    targetId: v.targetId,
    points: [pointsOf(spec, v.grade)],
  }));
}

/** One (target, group)'s votes counted per grade, in the pack's grade order. */
export interface GradeCounts {
  groupId: string;
  /** votes per vote grade, in `gradeVote.grades` order */
  counts: number[];
}

/** Counts per grade code → counts in the pack's order (an unknown code is an error: the data is wrong). */
export function gradeCountsInOrder(spec: GradeVote, byCode: ReadonlyMap<string, number>): number[] {
  for (const code of byCode.keys()) pointsOf(spec, code);
  return spec.grades.map((g) => byCode.get(g.code) ?? 0);
}

/** The aggregate a group's grade votes give the score tally: count, Σ points, highest and lowest vote. */
export function gradeGroupAggregate(spec: GradeVote, group: GradeCounts): GroupScoreAggregate {
  let n = 0;
  let sum = 0n;
  let max: bigint | null = null;
  let min: bigint | null = null;
  group.counts.forEach((count, i) => {
    if (count <= 0) return;
    const p = BigInt(spec.grades[i]!.pointsHundredths);
    n += count;
    sum += BigInt(count) * p;
    if (max === null || p > max) max = p;
    if (min === null || p < min) min = p;
  });
  return {
    groupId: group.groupId,
    ballotCount: n,
    sumHundredths: sum,
    maxHundredths: max ?? 0n,
    minHundredths: min ?? 0n,
  };
}

/** The votes a count stands for (the order does not matter to the tally). */
const votesOf = (spec: GradeVote, counts: readonly number[]): string[] =>
  spec.grades.flatMap((g, i) => Array<string>(counts[i] ?? 0).fill(g.code));

/**
 * The pooled votes of the `points` rule give shares only: the score is each group's (its mean), weighted
 * across groups by the tally, and a score of the pooled votes would be a second, different figure.
 */
const pooled = (spec: GradeVote, r: GradeVoteResult): GradeVoteResult =>
  spec.rule.method === 'points' ? { ...r, scoreHundredths: null, explanation: r.explanation.slice(0, 1) } : r;

export interface GradeVoteExplanation {
  /** per rater group: its counts, shares and the rule's step on its votes */
  groups: (GradeVoteResult & { groupId: string; name: string })[];
  /**
   * all shown groups' votes together: the shares a 民主测评 publishes (优秀票率 …) and, for a `thresholds`
   * rule, the grade it gives (a `points` score is per group only); null when no group is shown
   */
  overall: GradeVoteResult | null;
}

/**
 * The explanation of a target's grade votes: per rater group and over the groups shown together. Groups
 * in `hidden` (below the minimum group size, SECURITY 22/31) are left out of both: their counts would
 * hand each rater the others' votes.
 */
export function explainGradeVotes(
  scheme: Scheme,
  groups: readonly GradeCounts[],
  hidden: ReadonlySet<string> = new Set(),
): GradeVoteExplanation {
  const spec = gradeVoteOf(scheme);
  // in the scheme's group order, whatever order the counts came in
  const order = (id: string) => scheme.raterGroups.findIndex((r) => r.id === id);
  const shown = groups
    .filter((g) => !hidden.has(g.groupId))
    .sort((x, y) => order(x.groupId) - order(y.groupId));
  const all = spec.grades.map((_, i) => shown.reduce((s, g) => s + (g.counts[i] ?? 0), 0));
  return {
    groups: shown.map((g) => ({
      groupId: g.groupId,
      name: scheme.raterGroups.find((r) => r.id === g.groupId)?.name ?? g.groupId,
      ...tallyGradeVotes(spec, votesOf(spec, g.counts)),
    })),
    overall: shown.length ? pooled(spec, tallyGradeVotes(spec, votesOf(spec, all))) : null,
  };
}
