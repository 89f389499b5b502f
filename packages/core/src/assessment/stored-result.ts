import type { Scheme } from '../policy/assessment-section.ts';
import type { GradeProposal } from './proposal.ts';
import type { RankedTarget } from './rank.ts';
import type { TargetTally, Waiver } from './tally.ts';
import { type GroupScoreAggregate, tallyFromAggregatesExact } from './tally-aggregates.ts';
import { toFractionString } from './exact.ts';

/**
 * What a compute stores for a target tallied from aggregates: the inputs of its tally (per rater group
 * count, Σ, highest and lowest ballot total, and the waivers in force) and the outcomes of ranking and
 * quota — about 200 bytes instead of the ~2.6 kB explanation, which is rebuilt from them, exactly, when
 * the result is read (`expandResult`). A target tallied from its ballots (a `criterionScore` tie) keeps its
 * full result: its explanation names ballots the aggregates do not carry.
 */
export interface CompactResult {
  v: 2;
  /** for queries and lists without rebuilding the tally */
  status: TargetTally['status'];
  /** the weighted total as a reduced fraction "num/den", null when insufficient */
  total: string | null;
  /** per rater group with ballots: [groupId, ballotCount, Σ, highest, lowest], totals in hundredths */
  groups: CompactGroup[];
  /** the target's waivers when the compute ran (omitted when none) */
  waivers?: CompactWaiver[];
  rank: StoredRank | null;
  proposal: CompactProposal | null;
}

export type CompactGroup = [groupId: string, ballotCount: number, sum: number, max: number, min: number];
export type CompactWaiver = Pick<Waiver, 'groupId' | 'reason' | 'approvalRef'>;
/** the proposal without what the target and tally give; `gradeBy` only when it is 'votes' (rare) */
export type CompactProposal = Omit<
  GradeProposal,
  'targetId' | 'unitId' | 'parentId' | 'total' | 'gradeBy'
> & {
  gradeBy?: 'votes';
};

/** A target's place in the round and in its unit (display ranks; equal totals share the rank). */
export interface StoredRank {
  population: number;
  of: number;
  unit: number;
  ofUnit: number;
}

export const storedRank = (r: RankedTarget | undefined): StoredRank | null =>
  r ? { population: r.populationRank, of: r.populationSize, unit: r.unitRank, ofUnit: r.unitSize } : null;

/** A target's result as the results page reads it: the tally with its explanation, rank and proposal. */
export interface TargetResult {
  tally: TargetTally;
  rank: StoredRank | null;
  proposal: GradeProposal | null;
}

/** The compact form of a result whose tally came from `groups` and `waivers` through `tallyFromAggregates`. */
export function compactResult(input: {
  tally: TargetTally;
  groups: readonly GroupScoreAggregate[];
  waivers: readonly Waiver[];
  rank: StoredRank | null;
  proposal: GradeProposal | null;
}): CompactResult {
  const groups: CompactGroup[] = input.groups.map((g) => {
    if (g.criterionSums || g.trimmedPoints || g.trimmedBallotIds)
      throw new RangeError(`target ${input.tally.targetId}: only count, Σ, highest and lowest are stored`);
    return [
      g.groupId,
      g.ballotCount,
      safeNumber(g.sumHundredths),
      safeNumber(g.maxHundredths),
      safeNumber(g.minHundredths),
    ];
  });
  const result: CompactResult = {
    v: 2,
    status: input.tally.status,
    total: input.tally.total ? toFractionString(input.tally.total) : null,
    groups,
    rank: input.rank,
    proposal: null,
  };
  if (input.waivers.length)
    result.waivers = input.waivers.map((w) =>
      w.approvalRef === undefined
        ? { groupId: w.groupId, reason: w.reason }
        : { groupId: w.groupId, reason: w.reason, approvalRef: w.approvalRef },
    );
  if (input.proposal) {
    const { targetId: _t, unitId: _u, parentId: _p, total: _total, gradeBy, ...rest } = input.proposal;
    result.proposal = gradeBy === 'votes' ? { ...rest, gradeBy } : rest;
  }
  return result;
}

function safeNumber(x: bigint | number): number {
  const n = Number(x);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${x} hundredths do not fit a stored result`);
  return n;
}

export const isCompactResult = (r: unknown): r is CompactResult =>
  typeof r === 'object' && r !== null && (r as { v?: unknown }).v === 2;

/**
 * The full result of a compact one: the tally rebuilt by `tallyFromAggregatesExact` from the stored aggregates
 * and waivers under the round's scheme — the same object the compute ranked and graded — with the rank
 * and the proposal around it.
 */
export function expandResult(
  scheme: Scheme,
  target: { id: string; unitId: string; parentId: string },
  stored: CompactResult,
): TargetResult {
  // the fraction path: every field built at once, as the results page serialises the whole tally
  const tally = tallyFromAggregatesExact({
    scheme,
    targetId: target.id,
    groups: stored.groups.map(([groupId, ballotCount, sum, max, min]) => ({
      groupId,
      ballotCount,
      sumHundredths: BigInt(sum),
      maxHundredths: BigInt(max),
      minHundredths: BigInt(min),
    })),
    waivers: (stored.waivers ?? []).map((w) => ({ ...w, targetId: target.id })),
  });
  const total = tally.total ? toFractionString(tally.total) : null;
  if (tally.status !== stored.status || total !== stored.total)
    throw new RangeError(`target ${target.id}: the stored figures do not give the stored total`);
  return {
    tally,
    rank: stored.rank,
    proposal: stored.proposal
      ? {
          targetId: target.id,
          unitId: target.unitId,
          parentId: target.parentId,
          total: tally.total,
          ...stored.proposal,
          gradeBy: stored.proposal.gradeBy ?? 'score',
        }
      : null,
  };
}
