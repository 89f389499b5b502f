import { describe, expect, it } from 'vitest';
import { fenToYuanText, yuanTextToFen } from './yuan.ts';

describe('pay tables: 元 ↔ fen', () => {
  it('joins the digits, never a float × 100', () => {
    expect(yuanTextToFen('12345.67')).toBe(1234567);
    expect(yuanTextToFen('0.29')).toBe(29); // 0.29 × 100 = 28.999999999999996 as floats
    expect(yuanTextToFen('1.1')).toBe(110);
    expect(yuanTextToFen('800')).toBe(80000);
    expect(yuanTextToFen('800.')).toBe(80000);
    expect(yuanTextToFen('1.234')).toBe(null);
    expect(yuanTextToFen('-1')).toBe(null);
    expect(yuanTextToFen('abc')).toBe(null);
    expect(yuanTextToFen('123456789012')).toBe(null);
  });
  it('shows fen as 元 with two decimals', () => {
    expect(fenToYuanText(1234567)).toBe('12345.67');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(0)).toBe('0.00');
  });
});
