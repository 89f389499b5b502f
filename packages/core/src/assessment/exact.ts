/**
 * Exact arithmetic for assessment scores (精确计算). Points are entered with at most two decimals and are
 * held as integers of hundredths; means, weights and shares are reduced fractions of BigInts, so equal
 * totals compare equal and ranks never depend on floating-point error. Decimals are for display only.
 */

/** A reduced fraction: `den > 0` and gcd(|num|, den) = 1; the sign lives on `num`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const abs = (a: bigint) => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function toBig(x: bigint | number, what: string): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`${what}: ${x} is not a safe integer`);
  return BigInt(x);
}

/** `num / den`, reduced. Throws on a zero denominator. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = toBig(num, 'numerator');
  let d = toBig(den, 'denominator');
  if (d === 0n) throw new RangeError('denominator is zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const RAT_ZERO: Rational = rational(0n);
export const RAT_ONE: Rational = rational(1n);
export const RAT_HUNDRED: Rational = rational(100n);

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The exact value of a decimal literal: `fromDecimal(33.33)` is 3333/100, not the nearest binary double.
 * Numbers are read through their shortest round-trip string (`String(n)`), which is how a pack writes them.
 */
export function fromDecimal(x: number | string): Rational {
  if (typeof x === 'number' && !Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = String(x).trim();
  const m = DECIMAL.exec(s);
  if (!m) throw new RangeError(`not a decimal number: ${JSON.stringify(s)}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let num = BigInt(int! + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) num *= 10n ** BigInt(e);
  else if (e < 0) den *= 10n ** BigInt(-e);
  return rational(sign === '-' ? -num : num, den);
}

/**
 * A score as entered (分值, at most two decimals) in integer hundredths: 87.5 → 8750n. Throws when the
 * value has more than two decimals (0.1 + 0.2 is refused, which is the point).
 */
export function toHundredths(x: number | string): bigint {
  const r = fromDecimal(x);
  if (100n % r.den !== 0n) throw new RangeError(`score ${String(x)} has more than two decimals`);
  return (r.num * 100n) / r.den;
}

export const fromHundredths = (h: bigint | number): Rational => rational(toBig(h, 'hundredths'), 100n);

export const ratAdd = (a: Rational, b: Rational): Rational =>
  rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const ratSub = (a: Rational, b: Rational): Rational =>
  rational(a.num * b.den - b.num * a.den, a.den * b.den);
export const ratMul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const ratDiv = (a: Rational, b: Rational): Rational => {
  if (b.num === 0n) throw new RangeError('division by zero');
  return rational(a.num * b.den, a.den * b.num);
};
export const ratSum = (xs: Iterable<Rational>): Rational => {
  let s = RAT_ZERO;
  for (const x of xs) s = ratAdd(s, x);
  return s;
};

/** -1, 0 or 1 as a < b, a = b, a > b (exact). */
export const ratCmp = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const ratEq = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;

/** Largest integer ≤ r. */
export function ratFloor(r: Rational): bigint {
  const q = r.num / r.den; // truncates toward zero
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q;
}
/** Smallest integer ≥ r. */
export const ratCeil = (r: Rational): bigint => -ratFloor(rational(-r.num, r.den));
/** 四舍五入 to an integer: halves go away from zero (2.5 → 3, −2.5 → −3). */
export function ratRoundHalfUp(r: Rational): bigint {
  const twice = abs(r.num) * 2n + r.den;
  const q = twice / (2n * r.den);
  return r.num < 0n ? -q : q;
}

/** Display string with `decimals` places, rounded half-up (away from zero). Never feed it back into a comparison. */
export function toDecimal(r: Rational, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 30)
    throw new RangeError(`decimals must be an integer 0..30, got ${decimals}`);
  const scale = 10n ** BigInt(decimals);
  const scaled = ratRoundHalfUp(rational(r.num * scale, r.den));
  const neg = scaled < 0n;
  const digits = abs(scaled)
    .toString()
    .padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${neg ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
}

/** Nearest double, for charts and APIs; ranks and comparisons use the Rational itself. */
export function toNumber(r: Rational): number {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (abs(r.num) <= max && r.den <= max) return Number(r.num) / Number(r.den);
  return Number(toDecimal(r, 20));
}

/** "num/den" (or "num" when whole) — a JSON-safe, lossless form for storage and explanations. */
export const toFractionString = (r: Rational): string =>
  r.den === 1n ? r.num.toString() : `${r.num.toString()}/${r.den.toString()}`;

/** Inverse of `toFractionString`. */
export function parseFraction(s: string): Rational {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(s.trim());
  if (!m) throw new RangeError(`not a fraction: ${JSON.stringify(s)}`);
  return rational(BigInt(m[1]!), BigInt(m[2] ?? '1'));
}
