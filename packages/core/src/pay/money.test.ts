import { describe, expect, it } from 'vitest';
import {
  dec,
  formatYuan,
  percent,
  ratio,
  ratioText,
  roundFen,
  splitExactWithin,
  splitLargestRemainder,
} from './money.ts';

describe('money', () => {
  it('reads decimal text and percents exactly', () => {
    expect(dec('1.20')).toEqual({ n: 6n, d: 5n });
    expect(dec(14.5)).toEqual({ n: 29n, d: 2n });
    expect(percent(14.5)).toEqual({ n: 29n, d: 200n });
    expect(dec('-0.05')).toEqual({ n: -1n, d: 20n });
    expect(() => dec('1e3')).toThrow('not a decimal');
  });

  it('rounds by unit and mode', () => {
    const v = ratio(164_197_81n, 100n); // 164,197.81 fen
    expect(roundFen(v, { unitFen: 1, mode: 'half-up' })).toBe(164_198);
    expect(roundFen(v, { unitFen: 1, mode: 'down' })).toBe(164_197);
    expect(roundFen(v, { unitFen: 10, mode: 'down' })).toBe(164_190);
    expect(roundFen(v, { unitFen: 10, mode: 'up' })).toBe(164_200);
    expect(roundFen(v, { unitFen: 100, mode: 'half-up' })).toBe(164_200); // 1,641.9781 yuan → 1,642
    expect(roundFen(v, { unitFen: 1000, mode: 'half-up' })).toBe(164_000); // 164.19781 × 10 yuan → 164
    // exactly half: 0.5 fen up, 1.5 → 2, 2.5 → 3 (half-up, not to even)
    expect(roundFen(ratio(1n, 2n), { unitFen: 1, mode: 'half-up' })).toBe(1);
    expect(roundFen(ratio(5n, 2n), { unitFen: 1, mode: 'half-up' })).toBe(3);
    expect(roundFen(ratio(500n), { unitFen: 1000, mode: 'half-up' })).toBe(1000);
    expect(roundFen(ratio(499n), { unitFen: 1000, mode: 'half-up' })).toBe(0);
    // a whole amount stays as it is in every mode
    expect(roundFen(ratio(2_235_600n), { unitFen: 100, mode: 'up' })).toBe(2_235_600);
  });

  it('splits by the largest remainder; ties go to the earlier index', () => {
    // 100 fen in thirds: 33.33 each, 1 fen left → the first
    expect(splitLargestRemainder(100, [ratio(1n), ratio(1n), ratio(1n)])).toEqual([34, 33, 33]);
    // 200 fen in thirds: 66.67 each, 2 fen left → the first two
    expect(splitLargestRemainder(200, [ratio(1n), ratio(1n), ratio(1n)])).toEqual([67, 67, 66]);
    // 10 fen by 1 : 2 : 3.5 (Σ 6.5): 1.538, 3.077, 5.385 → floors 1, 3, 5 (9), 1 fen left → largest .538 (the first)
    expect(splitLargestRemainder(10, [ratio(1n), ratio(2n), ratio(7n, 2n)])).toEqual([2, 3, 5]);
    // a cap moves the remainder on: the first may not exceed 33
    expect(splitLargestRemainder(100, [ratio(1n), ratio(1n), ratio(1n)], [33, 40, 40])).toEqual([33, 34, 33]);
    expect(splitLargestRemainder(0, [ratio(1n), ratio(3n)])).toEqual([0, 0]);
    expect(() => splitLargestRemainder(5, [ratio(0n)])).toThrow('every share is zero');
    expect(() => splitLargestRemainder(100, [ratio(1n), ratio(1n)], [40, 40])).toThrow('no room');
  });

  it('keeps every part within its bounds, taking back from the smallest remainders when lower bounds lift parts', () => {
    // exact amounts over denominator 10: 1.2, 1.2, 7.6 (Σ 10); lower bounds 2, 2, 0 lift the first two to 2 →
    // 2 + 2 + 7 = 11: one fen back from the smallest remainder among parts above their lower bound: the third (.6)
    expect(splitExactWithin(10, [12n, 12n, 76n], 10n, [2n, 2n, 0n], null)).toEqual([2, 2, 6]);
    // giving: 3.5 + 3.5 + 3 = 10 with an upper bound 3 on the first → 3, 4, 3
    expect(splitExactWithin(10, [35n, 35n, 30n], 10n, null, [3n, 10n, 10n])).toEqual([3, 4, 3]);
    // a part lifted to its lower bound does not take a remainder fen too
    expect(splitExactWithin(3, [5n, 5n, 20n], 10n, [1n, 0n, 0n], null)).toEqual([1, 0, 2]);
  });

  it('formats yuan and decimals', () => {
    expect(formatYuan(2_235_600)).toBe('¥22,356.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-123_456_789)).toBe('-¥1,234,567.89');
    expect(ratioText(ratio(30n, 221n), 6)).toBe('0.135747');
    expect(ratioText(ratio(1534n, 10000n), 2)).toBe('0.15');
    expect(ratioText(ratio(-1n, 8n), 2)).toBe('-0.12'); // -0.125 half-up → -0.12
  });
});
