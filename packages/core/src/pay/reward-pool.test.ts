import { describe, expect, it } from 'vitest';
import { computePay } from './compute.ts';
import type { PayPersonInput, PayResult } from './model.ts';
import { payInputs, person, refusal, shippedPack } from './test-fixtures.ts';

/**
 * Jinan's reward pool (seed 002: 奖金重点向基层一线和业绩突出人员倾斜; 不搞普惠奖励或平衡照顾): shares are
 * regular-assessment score × post weight (基层一线岗位 130%), the pool split by the largest remainder; the
 * highest amount must be at least 1.3 × the lowest.
 */
const jinan = shippedPack('jinan', '2026-12-31');
const town = { unitId: 'u-t', unitName: '柳埠镇', unitKind: 'township' as const, unitPath: 'd.t' };
const scored = (cadreId: string, value: string, tags: PayPersonInput['tags'] = []) =>
  person({
    ...town,
    cadreId,
    name: cadreId,
    tags,
    score: {
      value,
      rounds: [
        { roundId: 'q1', roundName: '第一季度', total: value },
        { roundId: 'q2', roundName: '第二季度', total: value },
      ],
    },
  });
const line = (r: PayResult, id: string) => r.lines.find((l) => l.cadreId === id)!;

describe('reward pool (jinan)', () => {
  it('splits ¥100,000 by score × post weight and the parts add up to the pool', () => {
    // shares: a 90 × 130% = 117, b 80 × 130% = 104, c 80, d 70 → Σ 371
    // exact: a 10,000,000 × 117/371 = 3,153,638.814 fen, b × 104/371 = 2,803,234.501, c × 80/371 = 2,156,334.232,
    //        d × 70/371 = 1,886,792.453; floors add up to 9,999,998: the 2 fen left go to a (.814) and b (.501)
    const people = [
      scored('a', '90', ['front_line']),
      scored('b', '80', ['front_line']),
      scored('c', '80'),
      scored('d', '70'),
      person({ ...town, cadreId: 'e', name: 'e', score: null }),
    ];
    const r = computePay(jinan, payInputs('reward-pool', people, { budgetFen: 10_000_000 }));
    expect(r.lines.map((l) => [l.cadreId, l.amountFen])).toEqual([
      ['a', 3_153_639],
      ['b', 2_803_235],
      ['c', 2_156_334],
      ['d', 1_886_792],
    ]);
    expect(r.totalFen).toBe(10_000_000);
    expect(r.budgetFen).toBe(10_000_000);
    expect(r.excluded).toEqual([{ cadreId: 'e', name: 'e', reason: '本期无已发布的平时考核得分' }]);
    // 3,153,639 / 1,886,792 = 1.67 ≥ 1.3
    expect(r.steps.find((s) => s.label === '拉开差距')).toMatchObject({
      value: '最高 ¥31,536.39 ÷ 最低 ¥18,867.92 = 1.67，不低于 1.3',
      clause: '/pay/rewardPool/minSpreadRatio',
      source: { seed: '002' },
    });
    const a = line(r, 'a').explanation;
    expect(a.summary).toBe('平时考核得分 90 × 岗位权重 130%，占全部份额 31.54% → ¥31,536.39');
    expect(a.steps.map((s) => s.value)).toEqual([
      '90.00（第一季度 90、第二季度 90 的平均）',
      '基层一线岗位 130%',
      '90.00 × 130% = 117.0000，占全部份额 371.0000 的 31.54%',
      '¥100,000.00 × 117.0000 / 371.0000，最大余额法取整到分 → ¥31,536.39',
    ]);
    expect(a.steps[1]!.clause).toBe('/pay/rewardPool/postWeights/0/weightPercent');
    expect(line(r, 'c').explanation.steps[1]!.value).toBe('不属倾斜岗位，100%');
  });

  it('refuses an equal split, and a spread below 1.3', () => {
    const equal = ['a', 'b', 'c', 'd'].map((id) => scored(id, '85'));
    expect(
      refusal(() => computePay(jinan, payInputs('reward-pool', equal, { budgetFen: 10_000_000 }))),
    ).toEqual({
      code: 'PAY_EQUAL_SPLIT_REFUSED',
      details: { ratio: '1.00', required: 1.3, maxFen: 2_500_000, minFen: 2_500_000 },
    });
    // 90 / 75 = 1.2 < 1.3: Σ shares 330, highest 10,000,000 × 90/330 = 2,727,272.73 fen, lowest × 75/330 =
    // 2,272,727.27 fen; in whole fen 2,727,273 / 2,272,727 = 1.2000… → '1.20'
    const narrow = [scored('a', '90'), scored('b', '85'), scored('c', '80'), scored('d', '75')];
    const refused = refusal(() =>
      computePay(jinan, payInputs('reward-pool', narrow, { budgetFen: 10_000_000 })),
    );
    expect(refused.code).toBe('PAY_EQUAL_SPLIT_REFUSED');
    expect(refused.details).toMatchObject({ ratio: '1.20', required: 1.3 });
  });

  it('needs a pool: the jinan pack sets no default', () => {
    expect(refusal(() => computePay(jinan, payInputs('reward-pool', [scored('a', '90')]))).code).toBe(
      'PAY_BUDGET_REQUIRED',
    );
    expect(
      refusal(() =>
        computePay(jinan, payInputs('reward-pool', [person({ ...town, score: null })], { budgetFen: 100 })),
      ).code,
    ).toBe('PAY_EMPTY_POPULATION');
  });
});
