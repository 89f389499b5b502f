import type { PayRounding } from '../policy/pay-section.ts';
import type { Fen } from './model.ts';

/**
 * Exact money arithmetic: amounts are integer fen, factors are fractions of bigints built from the decimal
 * text the policy and the registry write ("14.5", "1.20"). No float ever touches an amount.
 */
export type Ratio = { n: bigint; d: bigint };

const SAFE = 2n ** 53n;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // most fractions here are small (amounts in fen × percents): Euclid on doubles is exact below 2^53 and far
  // cheaper than on bigints
  if (a < SAFE && b < SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y) {
      const t = x % y;
      x = y;
      y = t;
    }
    return BigInt(x);
  }
  while (b) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function ratio(n: bigint, d: bigint = 1n): Ratio {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  if (d === 1n) return { n, d }; // whole numbers: no gcd needed
  const g = gcd(n, d) || 1n;
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

/** A decimal number or decimal text ("14.5", "1.20", 20) as an exact fraction. */
export function dec(value: number | string): Ratio {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const cached = DEC_CACHE.get(text);
  if (cached) return cached;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const frac = m[3] ?? '';
  const n = BigInt(m[2]! + frac) * (m[1] ? -1n : 1n);
  const r = Object.freeze(ratio(n, 10n ** BigInt(frac.length)));
  // scores, coefficients and percents repeat across 100,000 people: parse each text once (bounded)
  if (DEC_CACHE.size >= 10_000) DEC_CACHE.clear();
  DEC_CACHE.set(text, r);
  return r;
}
const DEC_CACHE = new Map<string, Ratio>();

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  // shortest round-trip text; policy numbers have few decimals, so no exponent form
  const t = String(n);
  if (/e/i.test(t)) return n.toFixed(20).replace(/\.?0+$/, '');
  return t;
}

/** p% as a fraction (14.5 → 29/200). */
export const percent = (p: number | string): Ratio => div(dec(p), ratio(100n));

export const fen = (amount: Fen): Ratio => ratio(BigInt(amount));
export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const cmp = (a: Ratio, b: Ratio): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const ZERO = ratio(0n);
export const ONE = ratio(1n);
export const sum = (xs: readonly Ratio[]): Ratio => xs.reduce(add, ZERO);

export function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

/** Round a fraction of fen to the rounding unit by the rounding mode → integer fen. */
export function roundFen(value: Ratio, rounding: PayRounding): Fen {
  const unit = BigInt(rounding.unitFen);
  // value / unit in units, rounded, times unit
  const n = value.n;
  const d = value.d * unit;
  let q: bigint;
  switch (rounding.mode) {
    case 'down':
      q = floorDiv(n, d);
      break;
    case 'up':
      q = -floorDiv(-n, d);
      break;
    case 'half-up':
      q = floorDiv(2n * n + d, 2n * d);
      break;
  }
  return Number(q * unit);
}

/**
 * Split `totalFen` in proportion to `shares` by the largest-remainder rule (最大余额法): each part is the
 * floor of its exact share, and the fen left over go one each to the largest remainders (ties: the earlier
 * index). The parts add up to the total exactly. `caps` bound each part from above (no part gets a fen
 * above its cap; a remainder then goes to the next largest).
 */
export function splitLargestRemainder(totalFen: Fen, shares: readonly Ratio[], caps?: readonly Fen[]): Fen[] {
  if (shares.length === 0) return [];
  // shares over one common denominator: integer weights a_i, exact part_i = a_i × total / Σa
  const common = lcmOf(shares.map((s) => s.d));
  const weights = shares.map((s) => s.n * (common / s.d));
  const whole = weights.reduce((a, b) => a + b, 0n);
  if (whole === 0n) throw new Error('nothing to split by: every share is zero');
  const total = BigInt(totalFen);
  return splitExactWithin(
    totalFen,
    weights.map((w) => w * total),
    whole,
    null,
    caps ? caps.map((c) => BigInt(c)) : null,
  );
}

/** The least common multiple of positive denominators (1 for none). */
export function lcmOf(denominators: readonly bigint[]): bigint {
  let l = 1n;
  for (const d of denominators) if (l % d !== 0n) l = (l / gcd(l, d)) * d;
  return l;
}

/**
 * Turn exact amounts `numerators[i] / denominator` (fen, adding up to `totalFen`) into integer fen adding up
 * to `totalFen` exactly, each within [lower[i], upper[i]] (null: unbounded): every part starts at the floor
 * of its exact amount (moved into its bounds); the fen still to give go one each to the largest remainders,
 * the fen to take back come one each from the smallest (ties: the earlier index), skipping parts at a bound.
 * With bounds that hold the exact amounts and whole-fen totals, every part ends within a fen of its exact
 * amount. Throws when the bounds cannot hold the total.
 */
export function splitExactWithin(
  totalFen: Fen,
  numerators: readonly bigint[],
  denominator: bigint,
  lower: readonly bigint[] | null,
  upper: readonly bigint[] | null,
): Fen[] {
  const n = numerators.length;
  const parts: bigint[] = new Array<bigint>(n);
  const rems: bigint[] = new Array<bigint>(n);
  const raised: boolean[] = new Array<boolean>(n);
  let left = BigInt(totalFen);
  for (let i = 0; i < n; i++) {
    const num = numerators[i]!;
    let p = floorDiv(num, denominator);
    rems[i] = num - p * denominator;
    raised[i] = false;
    if (lower && p < lower[i]!) [p, raised[i]] = [lower[i]!, true];
    if (upper && p > upper[i]!) p = upper[i]!;
    parts[i] = p;
    left -= p;
  }
  if (left !== 0n) {
    const step = left > 0n ? 1n : -1n;
    // largest remainder first when giving, smallest first when taking back; ties: the earlier index
    const order = Array.from({ length: n }, (_, i) => i);
    const sign = step > 0n ? 1 : -1;
    if (denominator < SAFE) {
      // remainders below the denominator are exact as doubles: compare numbers, not bigints
      const r = Float64Array.from(rems, Number);
      order.sort((a, b) => (r[b]! - r[a]!) * sign || a - b);
    } else {
      order.sort((a, b) => {
        const ra = rems[a]!;
        const rb = rems[b]!;
        if (ra !== rb) return (ra < rb ? 1 : -1) * sign;
        return a - b;
      });
    }
    for (let pass = 0; left !== 0n; pass++) {
      let moved = false;
      for (const i of order) {
        if (left === 0n) break;
        // a part already lifted to its lower bound got its extra fen there (first pass)
        if (pass === 0 && step > 0n && raised[i]) continue;
        const next = parts[i]! + step;
        if (step > 0n ? upper && next > upper[i]! : lower ? next < lower[i]! : next < 0n) continue;
        parts[i] = next;
        left -= step;
        moved = true;
      }
      if (!moved && pass > 0) throw new Error('the bounds leave no room for the total');
    }
  }
  return parts.map(Number);
}

/** ¥1,234.56 as an officer reads it. */
export function formatYuan(amount: Fen): string {
  const neg = amount < 0;
  const abs = Math.abs(amount);
  const digits = String(Math.floor(abs / 100));
  // thousands separators by slicing (a regex per amount is slow over 100,000 lines)
  let yuan = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = yuan.length; i < digits.length; i += 3) yuan += `,${digits.slice(i, i + 3)}`;
  const cents = abs % 100;
  return `${neg ? '-' : ''}¥${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/** A fraction as decimal text with `places` decimals (half-up), for explanations: 0.1534… → "15.34". */
export function ratioText(value: Ratio, places: number): string {
  const scale = 10n ** BigInt(places);
  const top = 2n * value.n * scale + value.d;
  let q: bigint | number;
  if (top >= 0n && top < SAFE) {
    // integers below 2^53 divide exactly as doubles (remainder first, so the quotient is not rounded)
    const a = Number(top);
    const b = 2 * Number(value.d);
    q = (a - (a % b)) / b;
  } else {
    q = floorDiv(top, 2n * value.d);
  }
  const neg = q < 0;
  const s = (neg ? -q : q).toString().padStart(places + 1, '0');
  return `${neg ? '-' : ''}${places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s}`;
}
