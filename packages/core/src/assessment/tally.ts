import type { Aggregation, Scheme } from '../policy/assessment-section.ts';
import {
  type Rational,
  RAT_HUNDRED,
  fromDecimal,
  ratCmp,
  ratAdd,
  ratDiv,
  ratMul,
  ratSum,
  rational,
  toHundredths,
} from './exact.ts';
import { type GroupAggregate, aggregateGroup } from './group-aggregate.ts';
import { finishTally, groupStanding, waiversOf } from './tally-common.ts';

/** One anonymous ballot's marks for the target being tallied (一张评议票中对该对象的打分). */
export interface TargetBallot {
  ballotId: string;
  /** the rater group (评议主体) the ballot belongs to */
  groupId: string;
  /** criterion id → points as entered: at most two decimals, 0 … the criterion's maxPoints, every criterion */
  points: Readonly<Record<string, number | string>>;
}

/** Lets a group with fewer ballots than `minRaters` count for one target (经批准的人数不足豁免). */
export interface Waiver {
  targetId: string;
  groupId: string;
  /** mandatory, recorded in the explanation */
  reason: string;
  approvalRef?: string;
}

export interface TallyInput {
  scheme: Scheme;
  targetId: string;
  ballots: readonly TargetBallot[];
  /** waivers of the round; those for other targets are ignored */
  waivers?: readonly Waiver[];
  /** groups whose ballots for this target were withheld from the export (the recount; see below) */
  withheld?: WithheldGroups | undefined;
}

/**
 * What the anonymous export gives of the groups it withholds for a target (`disclosureOf`): their ballot
 * counts and, when a total was published, the combined contribution of those that count — exactly the
 * published total minus the shown part. The tally then knows each such group's count (so status, weights
 * and renormalisation are recomputed) but not its mean; the total is the shown part plus that
 * contribution, and pooled criterion means are not computed.
 */
export interface WithheldGroups {
  /** ballots received per withheld group (none of them is in `ballots`) */
  counts: Readonly<Record<string, number>>;
  /** Σ effectiveWeight × value / 100 over the withheld groups that count; null when no total was published */
  contribution: Rational | null;
}

export interface GroupTally {
  groupId: string;
  name: string;
  minRaters: number;
  maxRaters: number;
  /** ballots received for the target in this group */
  ballotCount: number;
  empty: boolean;
  belowMinimum: boolean;
  /** more ballots than maxRaters: reported, every ballot still counted */
  aboveMaximum: boolean;
  /** the waiver for this target and group, if any; `applied` when it made a below-minimum group count */
  waiver: { reason: string; approvalRef: string | null; applied: boolean } | null;
  /** whether the group enters the weighted total */
  counted: boolean;
  aggregate: GroupAggregate;
  /** the group aggregate (百分制), null when empty */
  value: Rational | null;
  /** configured weight, percent */
  weight: Rational;
  /** weight actually applied, percent (differs from `weight` after renormalisation; 0 when not counted) */
  effectiveWeight: Rational;
  /** effectiveWeight × value / 100; null when the group does not count */
  contribution: Rational | null;
  /** per criterion: mean over the ballots in the group aggregate (trimmed ballots excluded); Σ = value */
  criterionMeans: Record<string, Rational>;
  /**
   * set (true) in a recount when the export withheld the group's ballots: only `ballotCount` (and what
   * follows from it) is known; `value`, `contribution` and the aggregate's Σ are unknown (null / 0)
   */
  withheld?: true;
}

export interface InsufficientGroup {
  groupId: string;
  reason: 'belowMinimum' | 'empty';
  ballotCount: number;
  minRaters: number;
}

export interface TargetTally {
  targetId: string;
  status: 'sufficient' | 'insufficient';
  /** the groups that make the target insufficient */
  insufficientGroups: InsufficientGroup[];
  /** groups with more ballots than maxRaters (all counted) */
  aboveMaximum: { groupId: string; ballotCount: number; maxRaters: number }[];
  /**
   * weighted total Σ effectiveWeight × value / 100 (exact); null when insufficient (and, in a recount, when
   * it depends on withheld groups whose contribution was not given)
   */
  total: Rational | null;
  groups: GroupTally[];
  /** ballots received over all groups (the `ballotCount` tie-break) */
  ballotCount: number;
  /** ballots in the group aggregates over all groups (trimmed ballots excluded) */
  usedCount: number;
  /**
   * Per criterion, pooled over every ballot in a group aggregate of any group (trimmed ballots excluded):
   * Σ points ÷ usedCount. Every ballot weighs the same whatever its group (the `criterionScore` tie-break).
   */
  criterionMeans: Record<string, Rational>;
  explanation: {
    formula: 'total = Σ effectiveWeight × value / 100';
    emptyGroup: Scheme['emptyGroup'];
    /** set when empty groups' weight was spread: effectiveWeight = weight × 100 / countedWeight */
    renormalised: { emptyGroups: string[]; countedWeight: Rational } | null;
    terms: {
      groupId: string;
      weight: Rational;
      effectiveWeight: Rational;
      value: Rational | null;
      contribution: Rational | null;
    }[];
  };
}

/** Sum of one ballot's criterion points, validated against the scheme; per-criterion hundredths. */
function readBallot(scheme: Scheme, b: TargetBallot): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const c of scheme.criteria) {
    const raw = b.points[c.id];
    if (raw === undefined) throw new RangeError(`ballot ${b.ballotId}: no points for criterion ${c.id}`);
    const h = toHundredths(raw);
    const max = fromDecimal(c.maxPoints);
    if (h < 0n || ratCmp(rational(h, 100n), max) > 0)
      throw new RangeError(`ballot ${b.ballotId}: ${String(raw)} is outside 0…${c.maxPoints} for ${c.id}`);
    out.set(c.id, h);
  }
  for (const key of Object.keys(b.points))
    if (!out.has(key)) throw new RangeError(`ballot ${b.ballotId}: unknown criterion ${key}`);
  return out;
}

/** What is known of a withheld group's aggregate: its count and the rule that applies to that many. */
function withheldAggregate(ballotCount: number, aggregation: Aggregation): GroupAggregate {
  const trim =
    aggregation.method === 'trimmedMean' && ballotCount >= aggregation.minBallots && ballotCount >= 3;
  return {
    aggregation,
    applied: trim ? 'trimmedMean' : 'mean',
    fallback:
      aggregation.method === 'trimmedMean' && !trim
        ? { reason: 'belowMinBallots', minBallots: aggregation.minBallots, ballotCount }
        : null,
    ballotCount,
    usedCount: trim ? ballotCount - 2 : ballotCount,
    trimmed: null,
    usedBallotIds: [],
    sumHundredths: 0n,
    value: null,
  };
}

/**
 * Tallies one target (计票): per rater group the count, the aggregate per the group's rule, and the
 * checks against minRaters/maxRaters; then the weighted total. Malformed input (unknown group or
 * criterion, missing points, more than two decimals, points out of range, duplicate ballot ids, a waiver
 * without a reason) throws a RangeError — ballots are validated when cast, so this is a programming error.
 */
export function tallyTarget(input: TallyInput): TargetTally {
  const { scheme, targetId, ballots } = input;
  const groupIds = new Set(scheme.raterGroups.map((g) => g.id));
  const seen = new Set<string>();
  const perGroup = new Map<string, { ballotId: string; criteria: Map<string, bigint> }[]>();
  for (const b of ballots) {
    if (!groupIds.has(b.groupId))
      throw new RangeError(`ballot ${b.ballotId}: unknown rater group ${b.groupId}`);
    if (seen.has(b.ballotId)) throw new RangeError(`duplicate ballot id ${b.ballotId}`);
    seen.add(b.ballotId);
    const list = perGroup.get(b.groupId) ?? [];
    list.push({ ballotId: b.ballotId, criteria: readBallot(scheme, b) });
    perGroup.set(b.groupId, list);
  }
  const waivers = waiversOf(targetId, input.waivers);

  const renormalise = scheme.emptyGroup === 'renormalise';
  const insufficientGroups: InsufficientGroup[] = [];
  const aboveMaximum: TargetTally['aboveMaximum'] = [];
  const criterionTotals = new Map<string, bigint>(scheme.criteria.map((c) => [c.id, 0n]));
  let usedCount = 0;
  const hasWithheld = Object.keys(input.withheld?.counts ?? {}).length > 0;

  const partial = scheme.raterGroups.map((g) => {
    const list = perGroup.get(g.id) ?? [];
    const withheldCount = input.withheld?.counts[g.id];
    if (withheldCount !== undefined && list.length > 0)
      throw new RangeError(`target ${targetId}: group ${g.id} is withheld but has ballots`);
    const aggregate =
      withheldCount !== undefined
        ? withheldAggregate(withheldCount, g.aggregation)
        : aggregateGroup(
            list.map((b) => ({
              ballotId: b.ballotId,
              hundredths: [...b.criteria.values()].reduce((s, h) => s + h, 0n),
            })),
            g.aggregation,
          );
    const used = new Set(aggregate.usedBallotIds);
    const criterionMeans: Record<string, Rational> = {};
    if (withheldCount === undefined)
      for (const c of scheme.criteria) {
        const sum = list.filter((b) => used.has(b.ballotId)).reduce((s, b) => s + b.criteria.get(c.id)!, 0n);
        criterionTotals.set(c.id, criterionTotals.get(c.id)! + sum);
        if (aggregate.usedCount > 0) criterionMeans[c.id] = rational(sum, BigInt(aggregate.usedCount) * 100n);
      }
    usedCount += aggregate.usedCount;

    const ballotCount = withheldCount ?? list.length;
    const standing = groupStanding(
      g,
      ballotCount,
      waivers.get(g.id),
      renormalise,
      insufficientGroups,
      aboveMaximum,
    );
    return {
      g,
      aggregate,
      criterionMeans,
      ballotCount,
      ...standing,
      weight: fromDecimal(g.weight),
      ...(withheldCount !== undefined ? { withheld: true as const } : {}),
    };
  });

  const countedWeight = ratSum(partial.filter((p) => !p.empty).map((p) => p.weight));
  const criterionMeans: Record<string, Rational> = {};
  // pooled over every group's ballots: unknown when a group's ballots were withheld
  if (usedCount > 0 && !hasWithheld)
    for (const [id, sum] of criterionTotals) criterionMeans[id] = rational(sum, BigInt(usedCount) * 100n);
  return finishTally({
    scheme,
    targetId,
    partial,
    insufficientGroups,
    aboveMaximum,
    countedWeight,
    spreadWeight: (i) => ratDiv(ratMul(partial[i]!.weight, RAT_HUNDRED), countedWeight),
    percentOf: (w, v) => ratDiv(ratMul(w, v), RAT_HUNDRED),
    add: ratAdd,
    ballotCount: partial.reduce((n, p) => n + p.ballotCount, 0),
    usedCount,
    criterionMeans,
    withheldContribution: hasWithheld ? input.withheld!.contribution : undefined,
  });
}
