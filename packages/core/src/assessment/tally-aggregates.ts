import type { Scheme } from '../policy/assessment-section.ts';
import { type Rational, RAT_HUNDRED, ratAdd, ratDiv, ratMul, rational } from './exact.ts';
import type { BallotScore, GroupAggregate } from './group-aggregate.ts';
import { fastTallyFromAggregates } from './tally-aggregates-fast.ts';
import { check, prepare, spreadOf } from './tally-aggregates-prep.ts';
import { finishTally, groupStanding, waiversOf } from './tally-common.ts';
import type { InsufficientGroup, TargetTally, Waiver } from './tally.ts';

/**
 * Tally of one target from per-group aggregates of its ballots (计票 over a province-size round), instead
 * of the ballots themselves: the database sums the ballots, the engine applies the rules. The result is a
 * `TargetTally` equal to `tallyTarget` on the same ballots — same statuses, insufficiency rules, waivers,
 * renormalisation, trimmed means and weighted total, exact — except where ballot ids would appear.
 */

/** The aggregate of one rater group's ballots for one target, all scores in hundredths. */
export interface GroupScoreAggregate {
  groupId: string;
  /** ballots received (0 = the group is empty; an empty group may also be left out) */
  ballotCount: number;
  /**
   * Σ of the ballots' totals (Σ of their criterion points). A bigint, or a number that is a safe integer (a
   * database row read as numbers: no BigInt per figure; any other number is refused).
   */
  sumHundredths: bigint | number;
  /** highest and lowest ballot total (any value when ballotCount is 0); bigint or safe-integer number */
  maxHundredths: bigint | number;
  minHundredths: bigint | number;
  /**
   * Σ points per criterion over every ballot of the group, in the scheme's criterion order. Optional: without
   * it the tally has no criterion means (see `tallyFromAggregates`).
   */
  criterionSums?: readonly bigint[] | undefined;
  /**
   * Criterion points (scheme order) of the two ballots the trimmed mean drops — the ones `aggregateGroup`
   * drops for the same ballots in the same order: the first ballot with the highest total, the first with
   * the lowest total, and when every total is equal the first and the second ballot. Needed with
   * `criterionSums` whenever trimming applies (ballotCount ≥ minBallots and ≥ 3).
   */
  trimmedPoints?: { highest: readonly bigint[]; lowest: readonly bigint[] } | undefined;
  /** ids of those two ballots, when the caller has them (echoed into the explanation, else '') */
  trimmedBallotIds?: { highest: string; lowest: string } | undefined;
}

/**
 * A `GroupAggregate` computed from aggregates: `usedBallotIds` is empty (the ballots are not listed; a
 * ballot-level recount lists them) and `trimmed` reports the dropped scores, with ballot ids only when the
 * caller supplied them.
 */
export interface AggregatedGroupAggregate extends GroupAggregate {
  aggregated: true;
}

export interface AggregateTallyInput {
  scheme: Scheme;
  targetId: string;
  /** at most one aggregate per rater group; groups without ballots may be left out */
  groups: readonly GroupScoreAggregate[];
  /** waivers of the round (those for other targets are ignored) */
  waivers?: readonly Waiver[];
}

// Exact arithmetic on safe integers where it fits — the same reduced fractions as exact.ts (a reduced
// fraction is unique), without BigInt gcd loops: a round of 100,000 targets does about a million of these.
const SAFE = Number.MAX_SAFE_INTEGER;
const SAFE_BIG = BigInt(SAFE);
const isSmall = (x: bigint) => x <= SAFE_BIG && x >= -SAFE_BIG;
const isSmallRat = (r: Rational) => isSmall(r.num) && isSmall(r.den);

/** n / d reduced, for safe integers n and d > 0. */
function smallRational(n: number, d: number): Rational {
  let a = n < 0 ? -n : n;
  let b = d;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  // a = gcd(|n|, d) ≥ 1 (d > 0)
  return { num: BigInt(n / a), den: BigInt(d / a) };
}

/** n / d exactly (d > 0). */
function ratio(n: bigint, d: bigint): Rational {
  return isSmall(n) && isSmall(d) ? smallRational(Number(n), Number(d)) : rational(n, d);
}

/** a × b / 100, exactly. */
function percentOf(a: Rational, b: Rational): Rational {
  if (isSmallRat(a) && isSmallRat(b)) {
    // a product of exact doubles is exact up to 2^53; beyond, it rounds to ≥ 2^53 and fails the test
    const n = Number(a.num) * Number(b.num);
    const d = Number(a.den) * Number(b.den) * 100;
    if (Math.abs(n) <= SAFE && d <= SAFE) return smallRational(n, d);
  }
  return ratDiv(ratMul(a, b), RAT_HUNDRED);
}

/** a + b, exactly. */
function add(a: Rational, b: Rational): Rational {
  if (isSmallRat(a) && isSmallRat(b)) {
    const x = Number(a.num) * Number(b.den);
    const y = Number(b.num) * Number(a.den);
    const d = Number(a.den) * Number(b.den);
    const n = x + y;
    if (Math.abs(x) <= SAFE && Math.abs(y) <= SAFE && Math.abs(n) <= SAFE && d <= SAFE)
      return smallRational(n, d);
  }
  return ratAdd(a, b);
}

/**
 * Tallies one target from its per-group aggregates — count, Σ, highest and lowest total — with exactly the
 * rules of `tallyTarget` (minRaters/maxRaters, waivers, empty groups per `scheme.emptyGroup`, mean or
 * trimmed mean per group; the trimmed mean is (Σ − highest − lowest) / (n − 2) when n ≥ minBallots and
 * n ≥ 3). Differences, all in what identifies ballots:
 * - `aggregate.usedBallotIds` is empty and `aggregate.aggregated` is true;
 * - `aggregate.trimmed` carries the dropped scores, with ballot ids '' unless `trimmedBallotIds` is given;
 * - criterion means (per group and pooled) need `criterionSums` for every group with ballots, plus
 *   `trimmedPoints` for every trimmed group. Without them `criterionMeans` is `{}` on the groups concerned
 *   and on the target, so a `criterionScore` tie-break finds no value for it (its step is 'skipped'): a
 *   caller whose quota rule breaks ties by criterion must supply them for the targets at a boundary.
 * Malformed aggregates (unknown or repeated group, impossible Σ/highest/lowest, sums that do not add up)
 * throw a RangeError, as malformed ballots do in `tallyTarget`.
 *
 * The weighted total is computed in plain numbers where that is provably exact (tally-fast.ts) and the
 * per-group figures and the explanation (`groups`, `explanation`) are built by the fraction path only
 * when read — they are accessors then, which a spread or `Object.keys` leaves out: what serialises a
 * tally whole takes `tallyFromAggregatesExact`. A target with criterion data or figures beyond 2^53
 * takes the fraction path whole. Either way every field read by name is the fraction path's.
 */
export function tallyFromAggregates(input: AggregateTallyInput): TargetTally {
  return fastTallyFromAggregates(input, tallyFromAggregatesExact) ?? tallyFromAggregatesExact(input);
}

/** `tallyFromAggregates` in exact fractions throughout, every field built at once. */
export function tallyFromAggregatesExact(input: AggregateTallyInput): TargetTally {
  const { scheme, targetId } = input;
  const p = prepare(scheme);
  const byGroup: (GroupScoreAggregate | undefined)[] = new Array<GroupScoreAggregate | undefined>(
    scheme.raterGroups.length,
  );
  for (const a of input.groups) {
    const i = p.groupIndex.get(a.groupId);
    if (i === undefined) throw new RangeError(`target ${targetId}: unknown rater group ${a.groupId}`);
    if (byGroup[i]) throw new RangeError(`target ${targetId}: two aggregates for group ${a.groupId}`);
    check(p, targetId, a);
    byGroup[i] = a;
  }
  const waivers = waiversOf(targetId, input.waivers);

  const criteria = scheme.criteria;
  const renormalise = scheme.emptyGroup === 'renormalise';
  const insufficientGroups: InsufficientGroup[] = [];
  const aboveMaximum: TargetTally['aboveMaximum'] = [];
  const criterionTotals: bigint[] = criteria.map(() => 0n);
  let criteriaKnown = true;
  let usedCount = 0;
  let ballotTotal = 0;

  const partial = scheme.raterGroups.map((g, gi) => {
    const a = byGroup[gi];
    const ballotCount = a?.ballotCount ?? 0;
    const aggregation = g.aggregation;
    let applied: GroupAggregate['applied'] = 'mean';
    let fallback: GroupAggregate['fallback'] = null;
    let trimmed: GroupAggregate['trimmed'] = null;
    let sumHundredths = a && ballotCount > 0 ? BigInt(a.sumHundredths) : 0n;
    let used = ballotCount;
    if (aggregation.method === 'trimmedMean') {
      if (ballotCount >= aggregation.minBallots && ballotCount >= 3) {
        applied = 'trimmedMean';
        const highest: BallotScore = {
          ballotId: a!.trimmedBallotIds?.highest ?? '',
          hundredths: BigInt(a!.maxHundredths),
        };
        const lowest: BallotScore = {
          ballotId: a!.trimmedBallotIds?.lowest ?? '',
          hundredths: BigInt(a!.minHundredths),
        };
        trimmed = { highest, lowest };
        sumHundredths -= highest.hundredths + lowest.hundredths;
        used -= 2;
      } else {
        fallback = { reason: 'belowMinBallots', minBallots: aggregation.minBallots, ballotCount };
      }
    }
    const aggregate: AggregatedGroupAggregate = {
      aggregation,
      applied,
      fallback,
      ballotCount,
      usedCount: used,
      trimmed,
      usedBallotIds: [],
      sumHundredths,
      value: used === 0 ? null : ratio(sumHundredths, BigInt(used) * 100n),
      aggregated: true,
    };

    // criterion means: Σ over the ballots in the aggregate = Σ over all − the two trimmed ballots
    const criterionMeans: Record<string, Rational> = {};
    if (used > 0) {
      const sums = a!.criterionSums;
      const drop = trimmed ? a!.trimmedPoints : undefined;
      if (sums && (!trimmed || drop)) {
        criteria.forEach((c, k) => {
          const s = sums[k]! - (drop ? drop.highest[k]! + drop.lowest[k]! : 0n);
          criterionTotals[k] = criterionTotals[k]! + s;
          criterionMeans[c.id] = ratio(s, BigInt(used) * 100n);
        });
      } else criteriaKnown = false;
    }
    usedCount += used;
    ballotTotal += ballotCount;

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
      weight: p.weights[gi]!,
    };
  });

  // the effective weights for this set of empty groups, computed once per scheme and set
  let emptyMask = 0;
  partial.forEach((x, i) => (emptyMask |= x.empty ? 1 << i : 0));
  const weights = spreadOf(p, emptyMask);
  const effective = weights.effective;
  const criterionMeans: Record<string, Rational> = {};
  if (usedCount > 0 && criteriaKnown)
    criteria.forEach((c, k) => (criterionMeans[c.id] = ratio(criterionTotals[k]!, BigInt(usedCount) * 100n)));
  return finishTally({
    scheme,
    targetId,
    partial,
    insufficientGroups,
    aboveMaximum,
    countedWeight: weights.countedWeight,
    spreadWeight: (i) => effective[i]!,
    percentOf,
    add,
    ballotCount: ballotTotal,
    usedCount,
    criterionMeans,
  });
}

/** Whether a tally came from aggregates (its groups list no ballot ids). */
export const isAggregatedTally = (t: TargetTally): boolean =>
  t.groups.some((g) => (g.aggregate as Partial<AggregatedGroupAggregate>).aggregated === true);
