import { describe, expect, it } from 'vitest';
import { shareText, yuanToFen } from './money-text.ts';

describe('yuanToFen', () => {
  it('reads yuan with up to two decimals exactly', () => {
    expect(yuanToFen('12345.67')).toBe(1234567);
    expect(yuanToFen('12,345.6')).toBe(1234560);
    expect(yuanToFen(' ¥ 800 ')).toBe(80000);
    expect(yuanToFen('0.01')).toBe(1);
    // 0.1 + 0.2 style float traps do not arise: 1.15 is 115 fen, not 114.99…
    expect(yuanToFen('1.15')).toBe(115);
    expect(yuanToFen('99999999999.99')).toBe(9999999999999);
  });
  it('refuses what is not an amount', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('1e5')).toBeNull();
    expect(yuanToFen('十元')).toBeNull();
  });
});

describe('shareText', () => {
  it('is a percentage with two decimals, half-up', () => {
    expect(shareText(1234, 5000)).toBe('24.68%');
    expect(shareText(1, 3)).toBe('33.33%');
    expect(shareText(2, 3)).toBe('66.67%');
    expect(shareText(1, 8)).toBe('12.50%');
    expect(shareText(5000, 5000)).toBe('100.00%');
    expect(shareText(0, 5000)).toBe('0.00%');
    expect(shareText(5, 0)).toBe('—');
  });
});
