import type { Scheme } from '../policy/assessment-section.ts';
import { type Rational, RAT_HUNDRED, RAT_ZERO, fromDecimal, ratDiv, ratMul, ratSum } from './exact.ts';
import type { GroupScoreAggregate } from './tally-aggregates.ts';

/**
 * What `tallyFromAggregates` computes once per scheme (group order, weights, the highest possible ballot
 * total, the spread weights per set of empty groups) and its check of one aggregate — shared by its exact
 * fraction path and its plain-number path. Internal to the tally (not exported from the package).
 */

/** Per-scheme constants, computed once per round rather than once per target. */
export interface PreparedScheme {
  scheme: Scheme;
  groupIndex: Map<string, number>;
  weights: Rational[];
  /** Σ maxPoints in hundredths: no ballot total can exceed it */
  maxTotal: bigint;
  /** per set of empty groups (bit i = group i empty): Σ weight of the others, and the spread weights */
  spreads: Map<number, Spread>;
}

interface Spread {
  countedWeight: Rational;
  effective: Rational[];
}

const prepared = new WeakMap<Scheme, PreparedScheme>();

export function prepare(scheme: Scheme): PreparedScheme {
  let p = prepared.get(scheme);
  if (!p) {
    p = {
      scheme,
      groupIndex: new Map(scheme.raterGroups.map((g, i) => [g.id, i])),
      weights: scheme.raterGroups.map((g) => fromDecimal(g.weight)),
      // a criterion's points are at most ⌊maxPoints × 100⌋ hundredths
      maxTotal: scheme.criteria.reduce((s, c) => {
        const r = fromDecimal(c.maxPoints);
        return s + (r.num * 100n) / r.den;
      }, 0n),
      spreads: new Map(),
    };
    prepared.set(scheme, p);
  }
  return p;
}

/** The effective weights when the groups in `emptyMask` (bit i = group i) are empty, once per scheme and set. */
export function spreadOf(p: PreparedScheme, emptyMask: number): Spread {
  let weights = p.spreads.get(emptyMask);
  if (!weights) {
    const countedWeight = ratSum(p.weights.filter((_, i) => (emptyMask & (1 << i)) === 0));
    weights = {
      countedWeight,
      effective: p.weights.map((w) =>
        countedWeight.num === 0n ? RAT_ZERO : ratDiv(ratMul(w, RAT_HUNDRED), countedWeight),
      ),
    };
    p.spreads.set(emptyMask, weights);
  }
  return weights;
}

const sumOf = (xs: readonly bigint[]) => xs.reduce((s, x) => s + x, 0n);

/** Refuses aggregates that no set of valid ballots can produce (a programming or query error). */
export function check(p: PreparedScheme, targetId: string, a: GroupScoreAggregate): void {
  const where = `target ${targetId}, group ${a.groupId}`;
  const n = a.ballotCount;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${where}: ballotCount ${n} is not a count`);
  for (const x of [a.sumHundredths, a.maxHundredths, a.minHundredths])
    if (typeof x === 'number' && !Number.isSafeInteger(x))
      throw new RangeError(`${where}: ${x} is not a safe integer number of hundredths`);
  const sum = BigInt(a.sumHundredths);
  if (n === 0) {
    if (sum !== 0n) throw new RangeError(`${where}: no ballot but a sum of ${sum}`);
    return;
  }
  const hi = BigInt(a.maxHundredths);
  const lo = BigInt(a.minHundredths);
  if (lo < 0n || hi > p.maxTotal || lo > hi)
    throw new RangeError(`${where}: lowest ${lo} / highest ${hi} outside 0…${p.maxTotal}`);
  const big = BigInt(n);
  if (sum < hi + lo * (big - 1n) || sum > hi * (big - 1n) + lo || (n === 1 && hi !== lo))
    throw new RangeError(`${where}: Σ ${sum} does not fit ${n} ballots between ${lo} and ${hi}`);
  const k = p.scheme.criteria.length;
  if (a.criterionSums) {
    if (a.criterionSums.length !== k)
      throw new RangeError(`${where}: ${a.criterionSums.length} criterion sums for ${k} criteria`);
    if (sumOf(a.criterionSums) !== sum)
      throw new RangeError(`${where}: criterion sums add up to ${sumOf(a.criterionSums)}, not ${sum}`);
  }
  if (a.trimmedPoints) {
    const { highest, lowest } = a.trimmedPoints;
    if (highest.length !== k || lowest.length !== k)
      throw new RangeError(`${where}: trimmed ballots need ${k} criterion points each`);
    if (sumOf(highest) !== hi || sumOf(lowest) !== lo)
      throw new RangeError(`${where}: trimmed ballots' points do not add up to the highest / lowest total`);
  }
}
