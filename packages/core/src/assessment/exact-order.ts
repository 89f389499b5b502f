import { type Rational, ratCmp } from './exact.ts';

/**
 * Exact descending order of many fractions (ranks, quota tiers) without a BigInt product per comparison.
 * Each value's quotient num / den is taken as a double when both are safe integers: both are then exact
 * doubles and the division is correctly rounded, hence monotone — two values whose quotients differ are
 * ordered by them; equal quotients (equal values, or distinct values closer than a double can tell) and
 * values beyond the safe integers are compared exactly (equal reduced fractions by their parts, others by
 * `ratCmp`). The order is `ratCmp`'s, only faster.
 */

const SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

function quotientKey(r: Rational): number {
  return r.num <= SAFE_BIG && r.num >= -SAFE_BIG && r.den <= SAFE_BIG ? Number(r.num) / Number(r.den) : NaN;
}

/** A comparator of indices into `values`, highest first (-1 when values[a] > values[b]). */
export function descendingByValue(values: readonly Rational[]): (a: number, b: number) => number {
  const keys = values.map(quotientKey);
  return (a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (ka !== kb && !Number.isNaN(ka) && !Number.isNaN(kb)) return kb > ka ? 1 : -1;
    const va = values[a]!;
    const vb = values[b]!;
    // reduced fractions: equal exactly when numerators and denominators are (no BigInt product)
    return va.num === vb.num && va.den === vb.den ? 0 : ratCmp(vb, va);
  };
}
