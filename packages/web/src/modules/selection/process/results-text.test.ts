import { describe, expect, it } from 'vitest';
import { approvalRate } from './results-text.ts';

describe('赞成率: 赞成 ÷ (赞成 + 反对 + 弃权), to one decimal', () => {
  it('counts abstentions among the votes cast', () => {
    expect(approvalRate(18, 1, 1)).toBe(90);
    expect(approvalRate(12, 5, 3)).toBe(60);
  });

  it('rounds to one decimal, half up', () => {
    // 2 ÷ 3 = 66.66…%
    expect(approvalRate(2, 1, 0)).toBe(66.7);
    // 1 ÷ 8 = 12.5% exactly; 1 ÷ 16 = 6.25% → 6.3
    expect(approvalRate(1, 7, 0)).toBe(12.5);
    expect(approvalRate(1, 15, 0)).toBe(6.3);
  });

  it('has no rate when no vote was cast', () => {
    expect(approvalRate(0, 0, 0)).toBeNull();
    expect(approvalRate(0, 3, 0)).toBe(0);
  });
});
