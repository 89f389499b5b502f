import { describe, expect, it } from 'vitest';
import { rational } from './exact.ts';
import {
  type GroupScoreAggregate,
  tallyFromAggregates,
  tallyFromAggregatesExact,
} from './tally-aggregates.ts';
import { FastSum } from './tally-fast.ts';
import type { TargetTally } from './tally.ts';
import { group, scheme } from './test-fixtures.ts';

/** Jinan's 平时考核 shape: leadership 70 % mean, colleagues 30 % trimmed mean from 7 ballots. */
const jinan = scheme([
  group('leaders', 70, 3, 9),
  group('colleagues', 30, 3, 30, { method: 'trimmedMean', minBallots: 7 }),
]);

const agg = (groupId: string, n: number, sum: number, max: number, min: number): GroupScoreAggregate => ({
  groupId,
  ballotCount: n,
  sumHundredths: BigInt(sum),
  maxHundredths: BigInt(max),
  minHundredths: BigInt(min),
});

/** Whether the tally took the plain-number path: its explanation is built when read (an accessor). */
const lazy = (t: TargetTally) => !Object.keys(t).includes('explanation');

/** Every field of a tally, read by name (the lazy ones are accessors). */
const whole = (t: TargetTally) => ({
  targetId: t.targetId,
  status: t.status,
  insufficientGroups: t.insufficientGroups,
  aboveMaximum: t.aboveMaximum,
  total: t.total,
  groups: t.groups,
  ballotCount: t.ballotCount,
  usedCount: t.usedCount,
  criterionMeans: t.criterionMeans,
  explanation: t.explanation,
});

describe('FastSum: exact or not at all', () => {
  it('adds products exactly and reduces: 70 × 35450 / 40,000 + 30 × 48950 / 60,000 = 6921/80', () => {
    const s = new FastSum();
    s.addProduct(70, 35450, 4 * 10_000);
    s.addProduct(30, 48950, 6 * 10_000);
    expect([s.ok, s.n, s.d]).toEqual([true, 6921, 80]);
  });

  it('at the bound: 94,906,265² = 9,007,199,136,250,225 ≤ 2^53 − 1 passes, 94,906,266² does not', () => {
    const at = new FastSum();
    at.addProduct(94_906_265, 94_906_265, 1);
    expect([at.ok, at.n, at.d]).toEqual([true, 9_007_199_136_250_225, 1]);
    const past = new FastSum();
    past.addProduct(94_906_266, 94_906_266, 1);
    expect(past.ok).toBe(false);
  });

  it('a sum past the bound is refused, not rounded', () => {
    const s = new FastSum();
    s.addProduct(Number.MAX_SAFE_INTEGER, 1, 1);
    expect(s.ok).toBe(true);
    s.addProduct(1, 1, 1);
    expect(s.ok).toBe(false);
  });
});

describe('tallyFromAggregates: the plain-number path equals the fraction path', () => {
  // leaders 90, 85.5, 88, 91 → Σ 354.5, mean 88.625; colleagues 80, 82.5, 79, 95, 70, 84, 83, 81 →
  // Σ 654.5, trimmed (654.5 − 95 − 70) / 6 = 979/12; total 0.7 × 88.625 + 0.3 × 979/12 = 86.5125 = 6921/80
  const groups = [agg('leaders', 4, 35450, 9100, 8550), agg('colleagues', 8, 65450, 9500, 7000)];

  it('a trimmed mean by hand: total 6921/80, every field as the fraction path gives it', () => {
    const fast = tallyFromAggregates({ scheme: jinan, targetId: 't', groups });
    const exact = tallyFromAggregatesExact({ scheme: jinan, targetId: 't', groups });
    expect(lazy(fast)).toBe(true);
    expect(lazy(exact)).toBe(false);
    expect(fast.total).toEqual(rational(6921n, 80n));
    expect(fast.status).toBe('sufficient');
    expect([fast.ballotCount, fast.usedCount]).toEqual([12, 10]);
    // the explanation, read after the compute, is the one the fraction path builds at once
    expect(fast.explanation).toStrictEqual(exact.explanation);
    expect(fast.groups).toStrictEqual(exact.groups);
    expect(fast.groups[1]!.value).toEqual(rational(979n, 12n));
    expect(whole(fast)).toStrictEqual(whole(exact));
    expect(whole(exact)).toStrictEqual({ ...exact }); // `whole` reads every field there is
  });

  it('below minBallots, insufficient and renormalised targets: the same as the fraction path', () => {
    const renorm = scheme(jinan.raterGroups, 'renormalise');
    const cases: [typeof jinan, GroupScoreAggregate[]][] = [
      // 5 colleagues: the plain mean (fallback), (80 + 82.5 + 79 + 95 + 70) / 5
      [jinan, [agg('leaders', 4, 35450, 9100, 8550), agg('colleagues', 5, 40650, 9500, 7000)]],
      // 2 leaders: below the minimum of 3 → insufficient, no total
      [jinan, [agg('leaders', 2, 17600, 9000, 8600), agg('colleagues', 8, 65450, 9500, 7000)]],
      // no colleague: insufficient, or renormalised to leaders 100 %
      [jinan, [agg('leaders', 4, 35450, 9100, 8550)]],
      [renorm, [agg('leaders', 4, 35450, 9100, 8550)]],
      // no ballot at all
      [renorm, []],
    ];
    for (const [s, g] of cases) {
      const fast = tallyFromAggregates({ scheme: s, targetId: 't', groups: g });
      const exact = tallyFromAggregatesExact({ scheme: s, targetId: 't', groups: g });
      expect(lazy(fast)).toBe(true);
      expect(whole(fast)).toStrictEqual(whole(exact));
    }
    const renormalised = tallyFromAggregates({ scheme: renorm, targetId: 't', groups: cases[3]![1] });
    expect(renormalised.total).toEqual(rational(709n, 8n)); // 88.625
  });

  it('near the bound: a term whose denominator passes 2^53 takes the fraction path, exactly', () => {
    const s = scheme([group('a', 33.33, 1, 100_000), group('b', 66.67, 1, 100_000)]);
    // 3333/100 % × Σ / (used × 100) / 100 with 10^10 ballots of 90 points: the numerator 3333 × 9 × 10^13
    // and the denominator 100 × 10^10 × 10^4 = 10^16 both pass 2^53
    const n = 10 ** 10;
    const big = [agg('a', n, n * 9000, 9000, 9000), agg('b', 3, 27000, 9000, 9000)];
    const t = tallyFromAggregates({ scheme: s, targetId: 't', groups: big });
    expect(lazy(t)).toBe(false);
    expect(t.total).toEqual(rational(90n)); // every ballot 90 points
    // 10^8 ballots fit: 3333 × 9 × 10^11 ≈ 3.0 × 10^15 and 100 × 10^8 × 10^4 = 10^14, both below 2^53 ≈ 9.007 × 10^15
    const fits = [agg('a', n / 100, (n / 100) * 9000, 9000, 9000), agg('b', 3, 27000, 9000, 9000)];
    const f = tallyFromAggregates({ scheme: s, targetId: 't', groups: fits });
    expect(lazy(f)).toBe(true);
    expect(f.total).toEqual(rational(90n));
    expect(whole(f)).toStrictEqual(
      whole(tallyFromAggregatesExact({ scheme: s, targetId: 't', groups: fits })),
    );
  });

  it('malformed aggregates are refused with the fraction path’s error', () => {
    const bad = [agg('leaders', 4, 99999, 9100, 8550)];
    expect(() => tallyFromAggregates({ scheme: jinan, targetId: 't', groups: bad })).toThrow(
      'target t, group leaders: Σ 99999 does not fit 4 ballots between 8550 and 9100',
    );
  });

  it('figures given as plain numbers (as the server reads them) tally as the same bigints, both paths', () => {
    const asNumbers = (g: GroupScoreAggregate): GroupScoreAggregate => ({
      ...g,
      sumHundredths: Number(g.sumHundredths),
      maxHundredths: Number(g.maxHundredths),
      minHundredths: Number(g.minHundredths),
    });
    const numbers = groups.map(asNumbers);
    const fast = tallyFromAggregates({ scheme: jinan, targetId: 't', groups: numbers });
    expect(lazy(fast)).toBe(true);
    expect(fast.total).toEqual(rational(6921n, 80n));
    const exact = tallyFromAggregatesExact({ scheme: jinan, targetId: 't', groups: numbers });
    // the explanation carries bigints whatever the input was
    expect(exact.groups[1]!.aggregate.sumHundredths).toBe(48950n);
    expect(exact.groups[1]!.aggregate.trimmed!.highest.hundredths).toBe(9500n);
    expect(whole(fast)).toStrictEqual(
      whole(tallyFromAggregatesExact({ scheme: jinan, targetId: 't', groups })),
    );
    expect(whole(exact)).toStrictEqual(
      whole(tallyFromAggregatesExact({ scheme: jinan, targetId: 't', groups })),
    );
    // a number that is not a safe integer is refused, not rounded into a total
    const unsafe = [{ ...numbers[0]!, sumHundredths: 2 ** 53 + 2 }, numbers[1]!];
    for (const tally of [tallyFromAggregates, tallyFromAggregatesExact])
      expect(() => tally({ scheme: jinan, targetId: 't', groups: unsafe })).toThrow(
        'target t, group leaders: 9007199254740994 is not a safe integer number of hundredths',
      );
    const fraction = [{ ...numbers[0]!, maxHundredths: 9100.5 }, numbers[1]!];
    expect(() => tallyFromAggregates({ scheme: jinan, targetId: 't', groups: fraction })).toThrow(
      'target t, group leaders: 9100.5 is not a safe integer number of hundredths',
    );
  });
});
