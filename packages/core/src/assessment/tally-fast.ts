/**
 * Exact fractions in plain numbers, for the weighted total of a target tallied from aggregates (the hot
 * path of a province-size round: 100,000 targets). The same reduced fractions as exact.ts — a reduced
 * fraction with a positive denominator is unique — without BigInt or an object per step.
 *
 * Why plain numbers are exact here. Every operand is a non-negative integer ≤ 2^53 − 1 (a safe integer),
 * and every operation is a product or a sum of two of them. A double product or sum of two safe integers
 * is exact whenever the exact result is ≤ 2^53 − 1; when the exact result is larger, rounding (monotone)
 * gives at least 2^53, which fails the `≤ MAX_SAFE_INTEGER` test. So each step either is exact or is
 * detected, and a detected step hands the target to the fraction path (exact.ts) — nothing is ever
 * rounded. The sizes involved: ballot totals ≤ Σ maxPoints in hundredths (10,000 for 100 points), a
 * group Σ ≤ count × that, weights in hundredths of a percent (≤ 10,000) or spread (w × 100 / Σw), so a
 * term's numerator weight × Σ stays below 2^53 for any group under ~9 × 10^7 ballots, and the common
 * denominator of two or three groups (10^4 × counts × weight denominators) stays far below it for
 * rounds of real size; the test suite also drives it past the bound to show the hand-over.
 */

const SAFE = Number.MAX_SAFE_INTEGER;

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** A running exact sum n / d (reduced, d > 0, n ≥ 0); `ok` false once a step would leave the safe integers. */
export class FastSum {
  n = 0;
  d = 1;
  ok = true;

  /** adds a × b / c (a, b ≥ 0, c > 0, all safe integers), exactly or not at all (then `ok` is false). */
  addProduct(a: number, b: number, c: number): void {
    if (!this.ok) return;
    let num = a * b;
    if (num > SAFE) {
      this.ok = false;
      return;
    }
    let den = c;
    const g0 = gcd(num, den);
    if (g0 > 1) {
      num /= g0;
      den /= g0;
    }
    // n/d + num/den over the least common denominator
    const g = gcd(this.d, den);
    const left = this.n * (den / g);
    const right = num * (this.d / g);
    const d = this.d * (den / g);
    const n = left + right;
    if (left > SAFE || right > SAFE || d > SAFE || n > SAFE) {
      this.ok = false;
      return;
    }
    const r = gcd(n, d);
    this.n = n / r;
    this.d = d / r;
  }
}

/** The fraction's parts as BigInts (n / d is already reduced). */
export const fastToBig = (s: FastSum): { num: bigint; den: bigint } => ({
  num: BigInt(s.n),
  den: BigInt(s.d),
});

export const MAX_SAFE = SAFE;
