import type { Rational } from './exact.ts';
import type { AggregateTallyInput, GroupScoreAggregate } from './tally-aggregates.ts';
import { check, prepare, type PreparedScheme, spreadOf } from './tally-aggregates-prep.ts';
import { groupStanding, waiversOf } from './tally-common.ts';
import { FastSum, MAX_SAFE } from './tally-fast.ts';
import type { InsufficientGroup, TargetTally, Waiver } from './tally.ts';

/**
 * The plain-number path of `tallyFromAggregates`: status, insufficient groups, counts and the exact total
 * (`FastSum`, proved exact in tally-fast.ts) now; the per-group figures and the explanation (`groups`,
 * `explanation`) only when read, by the fraction path (`exact`) — a compute ranks and grades 100,000
 * targets by their totals and stores what the tally came from, and the explanation is rebuilt when a
 * result is read. When read, the fraction path's status and total must be the ones given here, or the
 * read throws. Returns null — the caller takes the fraction path for the whole target — when criterion
 * data is given (criterion means are computed there), when a figure is not a safe integer, or when a
 * step would pass 2^53.
 */

const EMPTY_WAIVERS: ReadonlyMap<string, Waiver> = new Map();

/** Effective weights per set of empty groups, as plain-number fractions (null: not safe integers). */
type NumericWeights = { num: number[]; den: number[] } | null;
const numericSpreads = new WeakMap<PreparedScheme, Map<number, NumericWeights>>();

function numericSpread(p: PreparedScheme, emptyMask: number): NumericWeights {
  let byMask = numericSpreads.get(p);
  if (!byMask) numericSpreads.set(p, (byMask = new Map<number, NumericWeights>()));
  let w = byMask.get(emptyMask);
  if (w === undefined) {
    const spread = spreadOf(p, emptyMask);
    const anyEmpty = emptyMask !== 0;
    const renormalise = p.scheme.emptyGroup === 'renormalise';
    // finishTally: spread weights when renormalising empty groups over a non-zero counted weight
    const spreadApplies = renormalise && anyEmpty && spread.countedWeight.num !== 0n;
    const rats: Rational[] = spreadApplies ? spread.effective : p.weights;
    const fits = rats.every((r) => r.num >= 0n && r.num <= BigInt(MAX_SAFE) && r.den <= BigInt(MAX_SAFE));
    w = fits ? { num: rats.map((r) => Number(r.num)), den: rats.map((r) => Number(r.den)) } : null;
    byMask.set(emptyMask, w);
  }
  return w;
}

/** Per-group working arrays of `fastTallyFromAggregates`, grown to the largest scheme seen. */
const scratch = {
  byGroup: [] as (GroupScoreAggregate | undefined)[],
  sums: [] as number[],
  used: [] as number[],
  counted: [] as boolean[],
};

function growScratch(k: number): void {
  scratch.byGroup = new Array<GroupScoreAggregate | undefined>(k).fill(undefined);
  scratch.sums = new Array<number>(k).fill(0);
  scratch.used = new Array<number>(k).fill(0);
  scratch.counted = new Array<boolean>(k).fill(false);
}

export function fastTallyFromAggregates(
  input: AggregateTallyInput,
  exact: (input: AggregateTallyInput) => TargetTally,
): TargetTally | null {
  const { scheme, targetId } = input;
  const p = prepare(scheme);
  const groups = scheme.raterGroups;
  const k = groups.length;
  if (k > 30) return null;
  const maxTotal = Number(p.maxTotal);
  if (!Number.isSafeInteger(maxTotal)) return null;

  // per group (scheme order): count, Σ, highest, lowest as numbers; validated as `check` does. The
  // working arrays are the module's, reused target after target (a tally runs synchronously to its end).
  if (scratch.byGroup.length < k) growScratch(k);
  const { byGroup, sums, used, counted } = scratch;
  byGroup.fill(undefined, 0, k);
  for (const a of input.groups) {
    const i = p.groupIndex.get(a.groupId);
    if (i === undefined || byGroup[i]) return null; // the fraction path throws the error
    if (a.criterionSums || a.trimmedPoints || a.trimmedBallotIds) return null;
    byGroup[i] = a;
  }
  const waivers = input.waivers?.length ? waiversOf(targetId, input.waivers) : EMPTY_WAIVERS;
  const renormalise = scheme.emptyGroup === 'renormalise';
  const insufficientGroups: InsufficientGroup[] = [];
  const aboveMaximum: TargetTally['aboveMaximum'] = [];
  let emptyMask = 0;
  let ballotCount = 0;
  let usedCount = 0;
  for (let gi = 0; gi < k; gi++) {
    const g = groups[gi]!;
    const a = byGroup[gi];
    const n = a ? a.ballotCount : 0;
    let sum = 0;
    let u = n;
    if (a) {
      if (!Number.isSafeInteger(n) || n < 0) return null;
      sum = Number(a.sumHundredths);
      const hi = Number(a.maxHundredths);
      const lo = Number(a.minHundredths);
      // a number must be a safe integer (`check` refuses any other); a bigint beyond them takes the fraction path
      if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(hi) || !Number.isSafeInteger(lo)) {
        check(p, targetId, a);
        return null;
      }
      // n × maxTotal ≤ 2^53 − 1 bounds every product below; a Σ outside it is refused by `check`
      const valid =
        n === 0
          ? sum === 0
          : n <= MAX_SAFE / Math.max(1, maxTotal) &&
            lo >= 0 &&
            hi <= maxTotal &&
            lo <= hi &&
            sum >= hi + lo * (n - 1) &&
            sum <= hi * (n - 1) + lo &&
            (n !== 1 || hi === lo);
      if (!valid) {
        check(p, targetId, a); // throws the fraction path's error
        return null;
      }
      const agg = g.aggregation;
      if (agg.method === 'trimmedMean' && n >= agg.minBallots && n >= 3) {
        sum -= hi + lo;
        u = n - 2;
      }
    }
    const standing = groupStanding(g, n, waivers.get(g.id), renormalise, insufficientGroups, aboveMaximum);
    if (standing.empty) emptyMask |= 1 << gi;
    sums[gi] = sum;
    used[gi] = u;
    counted[gi] = !standing.empty && (!standing.belowMinimum || standing.waiver?.applied === true);
    ballotCount += n;
    usedCount += u;
  }

  const spread = spreadOf(p, emptyMask);
  if (renormalise && spread.countedWeight.num === 0n)
    for (let gi = 0; gi < k; gi++)
      if (emptyMask & (1 << gi))
        insufficientGroups.push({
          groupId: groups[gi]!.id,
          reason: 'empty',
          ballotCount: 0,
          minRaters: groups[gi]!.minRaters,
        });
  const status: TargetTally['status'] = insufficientGroups.length > 0 ? 'insufficient' : 'sufficient';

  let total: Rational | null = null;
  if (status === 'sufficient') {
    const w = numericSpread(p, emptyMask);
    if (!w) return null;
    // Σ effectiveWeight × value / 100 with value = Σ / (100 × used): Σ_g wNum × Σ_g / (wDen × used × 10^4)
    const acc = new FastSum();
    for (let gi = 0; gi < k; gi++) {
      if (!counted[gi] || used[gi] === 0) continue;
      const den = w.den[gi]! * used[gi]! * 10_000;
      if (den > MAX_SAFE) return null;
      acc.addProduct(w.num[gi]!, sums[gi]!, den);
    }
    if (!acc.ok) return null;
    total = { num: BigInt(acc.n), den: BigInt(acc.d) };
  }

  return new AggregateTally(
    input,
    exact,
    status,
    insufficientGroups,
    aboveMaximum,
    total,
    ballotCount,
    usedCount,
  );
}

/**
 * A tally whose per-group figures and explanation are built when read (`groups`, `explanation`:
 * accessors, so a spread or `Object.keys` of it leaves them out — read them by name, as `expandResult`
 * and the results page do through the fraction path). The fraction path's tally must have the status and
 * total given here, or the read throws.
 */
class AggregateTally implements TargetTally {
  readonly targetId: string;
  readonly criterionMeans: Record<string, Rational> = {};
  readonly #input: AggregateTallyInput;
  readonly #exact: (input: AggregateTallyInput) => TargetTally;
  #full: TargetTally | undefined;

  constructor(
    input: AggregateTallyInput,
    exact: (input: AggregateTallyInput) => TargetTally,
    readonly status: TargetTally['status'],
    readonly insufficientGroups: InsufficientGroup[],
    readonly aboveMaximum: TargetTally['aboveMaximum'],
    readonly total: Rational | null,
    readonly ballotCount: number,
    readonly usedCount: number,
  ) {
    this.targetId = input.targetId;
    this.#input = input;
    this.#exact = exact;
  }

  get groups(): TargetTally['groups'] {
    return this.#expand().groups;
  }

  get explanation(): TargetTally['explanation'] {
    return this.#expand().explanation;
  }

  #expand(): TargetTally {
    if (this.#full) return this.#full;
    const t = this.#exact(this.#input);
    const total = this.total;
    const same =
      t.status === this.status &&
      (t.total === null
        ? total === null
        : total !== null && t.total.num === total.num && t.total.den === total.den);
    if (!same) throw new Error(`target ${this.targetId}: the plain-number tally differs from the exact one`);
    return (this.#full = t);
  }
}
