import type { Scheme } from '../policy/assessment-section.ts';
import type { StoredBallotScore } from './evaluate.ts';
import type { GradeCode } from './grade-code.ts';
import { type GradeVote, type GradeVoteResult, gradeVoteCountOf, gradeVoteResultOf } from './grade-vote.ts';
import type { TargetTally } from './tally.ts';
import type { GroupScoreAggregate } from './tally-aggregates.ts';

/**
 * A grade-ballot round (一票一档) in the score engine. A vote for a grade is worth the grade's points on
 * the 百分制 (the pack's `gradeVote.grades[].pointsHundredths`), as if it were a ballot whose one criterion
 * scored those points: a rater group's mean is then exactly the `points` rule's score (Σ count × points ÷
 * votes), and the weighted total, minimum raters, disclosure, ranks, quota and recount run unchanged. The
 * counts and shares per grade (优秀票率 …) and the rule's step are explained beside the tally.
 *
 * A `thresholds` rule (优秀票率 ≥ x % …) proposes the grade from the vote shares instead of the score
 * thresholds: its conditions are tested on the votes of the rater groups that counted toward the target's
 * result, pooled (every valid vote weighs the same, as a 民主测评 counts its 票率); the score of the votes'
 * points still ranks the targets for the quota's places (`voteGradeOf`, proposal.ts).
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

/** Votes counted per target and rater group, in the pack's grade order (a recount's `gradeVotes`). */
export function gradeCountsOfVotes(
  scheme: Scheme,
  votes: readonly { groupId: string; targetId: string; grade: string }[],
): Map<string, GradeCounts[]> {
  const spec = gradeVoteOf(scheme);
  const index = new Map(spec.grades.map((g, i) => [g.code, i]));
  const out = new Map<string, GradeCounts[]>();
  for (const v of votes) {
    const i = index.get(v.grade);
    if (i === undefined) throw new RangeError(`vote for unknown grade “${v.grade}”`);
    let groups = out.get(v.targetId);
    if (!groups) out.set(v.targetId, (groups = []));
    let g = groups.find((x) => x.groupId === v.groupId);
    if (!g) groups.push((g = { groupId: v.groupId, counts: spec.grades.map(() => 0) }));
    g.counts[i] = (g.counts[i] ?? 0) + 1;
  }
  return out;
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

/** The counts of the groups `keep` keeps, added per grade (in the pack's order). */
function pooledCounts(
  spec: GradeVote,
  groups: readonly GradeCounts[],
  keep: (groupId: string) => boolean,
): number[] {
  const all = spec.grades.map(() => 0);
  for (const g of groups) if (keep(g.groupId)) g.counts.forEach((n, i) => (all[i] = (all[i] ?? 0) + n));
  return all;
}

/** The rater groups that counted toward a target's result (enough raters, or a waiver applied). */
const countedGroupsOf = (tally: TargetTally): Set<string> =>
  new Set(tally.groups.filter((g) => g.counted).map((g) => g.groupId));

/**
 * The grade a `thresholds` rule gives a target: its conditions on the pooled votes of the groups that
 * counted (`counted`). undefined for a `points` rule (the grade then follows the score thresholds); null
 * when no counted group has a vote.
 */
export function voteGradeOf(
  scheme: Scheme,
  groups: readonly GradeCounts[],
  counted: ReadonlySet<string>,
): GradeCode | null | undefined {
  const spec = gradeVoteOf(scheme);
  if (spec.rule.method !== 'thresholds') return undefined;
  const counts = pooledCounts(spec, groups, (id) => counted.has(id));
  return gradeVoteResultOf(spec, gradeVoteCountOf(spec, counts)).grade;
}

/**
 * What a target proposes by its votes (`ProposalTarget.voteGrade`): in a grade round with a `thresholds`
 * rule, the grade of the pooled votes of the groups that counted in its tally (`voteGradeOf`); undefined in
 * every other round, whose grade follows the score thresholds.
 */
export function targetVoteGrade(
  scheme: Scheme,
  groups: readonly GradeCounts[],
  tally: TargetTally,
): GradeCode | null | undefined {
  if (scheme.ballotForm !== 'grade' || scheme.gradeVote?.rule.method !== 'thresholds') return undefined;
  return voteGradeOf(scheme, groups, countedGroupsOf(tally));
}

/**
 * The pooled votes of the `points` rule give shares only: the score is each group's (its mean), weighted
 * across groups by the tally, and a score of the pooled votes would be a second, different figure.
 */
const pooled = (spec: GradeVote, r: GradeVoteResult): GradeVoteResult =>
  spec.rule.method === 'points' ? { ...r, scoreHundredths: null, explanation: r.explanation.slice(0, 1) } : r;

export interface GradeVoteExplanation {
  /** per rater group: its counts, shares and (a `points` rule) the rule's step on its votes */
  groups: (GradeVoteResult & { groupId: string; name: string })[];
  /**
   * the shown groups' votes together: the shares a 民主测评 publishes (优秀票率 …) and, for a `thresholds`
   * rule, the grade it gives on the counted groups' votes (a `points` score is per group only); null when
   * no group is shown
   */
  overall: GradeVoteResult | null;
}

/**
 * The explanation of a target's grade votes: per rater group and over the groups shown together. Groups
 * in `hidden` (below the minimum group size, SECURITY 22/31) are left out of both: their counts would
 * hand each rater the others' votes. A `thresholds` rule's step is the pooled one over the groups in
 * `counted` (all groups when absent), as `voteGradeOf` decides; when a counted group is hidden, the grade
 * is given with the shown groups' counts only — the conditions' figures over all votes would reveal the
 * hidden group's by subtraction.
 */
export function explainGradeVotes(
  scheme: Scheme,
  groups: readonly GradeCounts[],
  hidden: ReadonlySet<string> = new Set(),
  counted?: ReadonlySet<string>,
): GradeVoteExplanation {
  const spec = gradeVoteOf(scheme);
  // in the scheme's group order, whatever order the counts came in
  const order = (id: string) => scheme.raterGroups.findIndex((r) => r.id === id);
  const shown = groups
    .filter((g) => !hidden.has(g.groupId))
    .sort((x, y) => order(x.groupId) - order(y.groupId));
  const rule = spec.rule;
  const thresholds = rule.method === 'thresholds';
  const result = (counts: readonly number[]) => gradeVoteResultOf(spec, gradeVoteCountOf(spec, counts));
  const perGroup = shown.map((g) => {
    const r = result(g.counts);
    return {
      groupId: g.groupId,
      name: scheme.raterGroups.find((x) => x.id === g.groupId)?.name ?? g.groupId,
      // a threshold rule is applied to the pooled votes only: a group's own grade would be a second answer
      ...(thresholds ? { ...r, grade: null, explanation: r.explanation.slice(0, 1) } : r),
    };
  });
  if (!shown.length) return { groups: perGroup, overall: null };
  if (!thresholds)
    return { groups: perGroup, overall: pooled(spec, result(pooledCounts(spec, shown, () => true))) };
  const counts = (id: string) => !counted || counted.has(id);
  const overall = result(pooledCounts(spec, shown, counts));
  const hiddenCounted = groups.some((g) => hidden.has(g.groupId) && counts(g.groupId));
  if (!hiddenCounted) return { groups: perGroup, overall };
  const grade = result(pooledCounts(spec, groups, counts)).grade;
  const name = (rule.method === 'thresholds' && rule.results.find((r) => r.grade === grade)?.name) || '—';
  return {
    groups: perGroup,
    overall: {
      ...overall,
      grade,
      explanation: [
        overall.explanation[0]!,
        `结果：${name}（按全部计入的评议组的票数确定，其中有评议组票数过少，不单列显示）`,
      ],
    },
  };
}
