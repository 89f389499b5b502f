/**
 * A small seeded pseudo-random number generator for demo data.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator),
 * seeded through splitmix32. Pure and deterministic: the same seed always
 * yields the same sequence, on every platform.
 */

const TWO_POW_32 = 0x1_0000_0000;

/** One splitmix32 step; returns the new state and the output word. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/** FNV-1a over the UTF-16 code units of `text`, with a caller-chosen basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Prng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** The two 32-bit words the generator was seeded from (used by `fork`). */
  private lo = 0;
  private hi = 0;

  /** `seed` must be a safe integer (negative values are fine). */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    this.init(seed >>> 0, Math.floor(seed / TWO_POW_32) >>> 0);
  }

  private static fromWords(lo: number, hi: number): Prng {
    const p = new Prng(0);
    p.init(lo >>> 0, hi >>> 0);
    return p;
  }

  private init(lo: number, hi: number): void {
    this.lo = lo;
    this.hi = hi;
    let s = lo ^ Math.imul(hi ^ 0x5bd1e995, 0x27d4eb2d);
    let out: number;
    [s, out] = splitmix32(s);
    this.a = out;
    [s, out] = splitmix32(s);
    this.b = out;
    [s, out] = splitmix32(s);
    this.c = out;
    [, out] = splitmix32(s);
    this.d = out;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** An independent generator derived from this one's seed and `label` (not from its current state). */
  fork(label: string): Prng {
    return Prng.fromWords(fnv1a(label, 0x811c9dc5 ^ this.lo), fnv1a(label, 0x050c5d1f ^ this.hi));
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`invalid integer range [${min}, ${max}]`);
    }
    const span = max - min + 1;
    if (span > TWO_POW_32) throw new RangeError('integer range too wide');
    return min + Math.floor(this.next() * span);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An element chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError('weights must be finite and non-negative');
      total += w;
    }
    if (total <= 0) throw new RangeError('weights must not all be zero');
    let r = this.next() * total;
    let last: T | undefined;
    let found = false;
    for (const [item, w] of entries) {
      if (w <= 0) continue;
      last = item;
      found = true;
      if (r < w) return item;
      r -= w;
    }
    // Floating-point leftovers: fall back to the last positively weighted item.
    if (!found) throw new RangeError('weights must not all be zero');
    return last as T;
  }

  /** A shuffled copy (Fisher–Yates); the input is not modified. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `n` distinct elements in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    if (n > items.length) throw new RangeError(`cannot sample ${n} of ${items.length}`);
    return this.shuffle(items).slice(0, n);
  }
}

export function createPrng(seed: number): Prng {
  return new Prng(seed);
}
