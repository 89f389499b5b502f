import { describe, expect, it } from 'vitest';
import { fromDecimal, rational } from './exact.ts';
import { competitionRanks, rankTargets } from './rank.ts';
import { ballots, group, scheme, split, target } from './test-fixtures.ts';

describe('competitionRanks', () => {
  it('1,2,2,4: ties share a rank, the next rank skips', () => {
    expect(competitionRanks([rational(90), rational(85), rational(85), rational(80)])).toEqual([1, 2, 2, 4]);
    // input order does not matter; exact values: 1/3 ≠ 0.33
    expect(competitionRanks([rational(1, 3), fromDecimal(0.33), rational(2, 6), rational(1)])).toEqual([
      2, 4, 2, 1,
    ]);
    expect(competitionRanks([])).toEqual([]);
  });
});

describe('rankTargets', () => {
  // one group, weight 100, one ballot each: the total is the ballot's score
  const s = scheme([group('all', 100, 1, 50)]);
  const t = (id: string, unit: string, score: number | null) =>
    target(s, id, unit, 'town', score === null ? [] : ballots('all', [split(score)]));

  it('ranks over the round and within each unit; insufficient targets are not ranked', () => {
    const r = rankTargets([
      t('a', 'u1', 90),
      t('c', 'u2', 85),
      t('b', 'u1', 85),
      t('e', 'u2', null), // no ballot → insufficient
      t('d', 'u2', 80),
      t('f', 'u1', 85),
    ]);
    expect(r.ranked.map((x) => [x.targetId, x.populationRank, x.unitRank])).toEqual([
      ['a', 1, 1],
      ['c', 2, 1], // population: 85 shared by c, b, f → 2,2,2, then d is 5
      ['b', 2, 2], // u1: a 90 → 1; b, f 85 → 2, 2
      ['f', 2, 2],
      ['d', 5, 2], // u2: c 85 → 1, d 80 → 2
    ]);
    expect(r.ranked[0]).toMatchObject({ populationSize: 5, unitSize: 3 });
    expect(r.ranked.find((x) => x.targetId === 'd')).toMatchObject({ unitSize: 2 });
    expect(r.unranked).toEqual([{ targetId: 'e', unitId: 'u2', reason: 'insufficient' }]);
  });
});

describe('competitionRanks: exact where doubles cannot tell', () => {
  it('orders values whose quotients round to the same double, and values beyond the safe integers', () => {
    // 9 × 10^7 + 10^-8 and 9 × 10^7 + 2 × 10^-8: both quotients are the double next above 9 × 10^7 (whose
    // spacing is 2^-26 ≈ 1.49 × 10^-8); 9 × 10^7 + 1.5 × 10^-15 has a numerator beyond 2^53
    const e15 = 9n * 10n ** 15n;
    const one = rational(90_000_000n);
    const a = rational(e15 + 1n, 10n ** 8n);
    const b = rational(e15 + 2n, 10n ** 8n);
    const c = rational(9n * 10n ** 23n + 15n, 10n ** 16n);
    const quotient = (r: typeof a) => Number(r.num) / Number(r.den);
    expect(quotient(a)).toBe(quotient(b));
    expect(quotient(a)).toBeGreaterThan(90_000_000);
    expect(competitionRanks([one, a, b, c, rational(90_000_000n)])).toEqual([4, 2, 1, 3, 4]);
  });
});
