import { describe, expect, it } from 'vitest';
import {
  fromDecimal,
  parseFraction,
  ratAdd,
  ratCeil,
  ratCmp,
  ratDiv,
  ratFloor,
  ratMul,
  ratRoundHalfUp,
  ratSum,
  rational,
  toDecimal,
  toFractionString,
  toHundredths,
  toNumber,
} from './exact.ts';

describe('exact arithmetic', () => {
  it('reduces and normalises the sign', () => {
    expect(rational(6, -8)).toEqual({ num: -3n, den: 4n });
    expect(rational(0, 5)).toEqual({ num: 0n, den: 1n });
    expect(() => rational(1, 0)).toThrow(RangeError);
  });

  it('reads decimals exactly, not as binary doubles', () => {
    expect(fromDecimal(33.33)).toEqual(rational(3333, 100));
    expect(fromDecimal('1e-7')).toEqual(rational(1, 10_000_000));
    expect(fromDecimal(-2.5)).toEqual(rational(-5, 2));
    // 0.1 + 0.2 as doubles is 0.30000000000000004; as exact decimals it is 3/10
    expect(ratAdd(fromDecimal(0.1), fromDecimal(0.2))).toEqual(rational(3, 10));
  });

  it('holds entered scores as hundredths and refuses a third decimal', () => {
    expect(toHundredths(87.5)).toBe(8750n);
    expect(toHundredths('92.25')).toBe(9225n);
    expect(toHundredths(100)).toBe(10000n);
    expect(() => toHundredths('1.005')).toThrow(/more than two decimals/);
    expect(() => toHundredths(0.1 + 0.2)).toThrow(/more than two decimals/);
    expect(() => toHundredths('abc')).toThrow(RangeError);
  });

  it('compares exactly', () => {
    // 1/3 < 0.34 and 1/3 > 0.33; 2/6 = 1/3
    expect(ratCmp(rational(1, 3), fromDecimal(0.34))).toBe(-1);
    expect(ratCmp(rational(1, 3), fromDecimal(0.33))).toBe(1);
    expect(ratCmp(rational(2, 6), rational(1, 3))).toBe(0);
    // (1/3 × 3) = 1 exactly
    expect(ratMul(rational(1, 3), rational(3))).toEqual(rational(1));
    expect(ratSum([rational(1, 3), rational(1, 3), rational(1, 3)])).toEqual(rational(1));
    expect(() => ratDiv(rational(1), rational(0))).toThrow(/division by zero/);
  });

  it('floors, ceils and rounds half up (away from zero)', () => {
    expect(ratFloor(rational(23, 5))).toBe(4n); // 4.6
    expect(ratFloor(rational(-7, 2))).toBe(-4n); // −3.5
    expect(ratCeil(rational(7, 2))).toBe(4n);
    expect(ratCeil(rational(-7, 2))).toBe(-3n);
    expect(ratCeil(rational(4))).toBe(4n);
    expect(ratRoundHalfUp(rational(5, 2))).toBe(3n); // 2.5 → 3
    expect(ratRoundHalfUp(rational(69, 20))).toBe(3n); // 3.45 → 3
    expect(ratRoundHalfUp(rational(-5, 2))).toBe(-3n);
  });

  it('formats for display with half-up rounding', () => {
    expect(toDecimal(rational(2, 3), 2)).toBe('0.67');
    expect(toDecimal(rational(1, 8), 2)).toBe('0.13'); // 0.125 → 0.13
    expect(toDecimal(rational(5, 2), 0)).toBe('3');
    expect(toDecimal(rational(-1, 8), 2)).toBe('-0.13');
    expect(toDecimal(rational(400, 7), 6)).toBe('57.142857');
    expect(toDecimal(rational(1, 200), 2)).toBe('0.01');
    expect(toDecimal(rational(90), 2)).toBe('90.00');
    expect(toNumber(rational(3, 4))).toBe(0.75);
  });

  it('serialises losslessly as a fraction string', () => {
    expect(toFractionString(rational(538143, 5950))).toBe('538143/5950');
    expect(toFractionString(rational(90))).toBe('90');
    expect(parseFraction('-4/6')).toEqual(rational(-2, 3));
  });
});
