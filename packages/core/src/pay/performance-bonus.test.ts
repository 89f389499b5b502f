import { describe, expect, it } from 'vitest';
import { computePay } from './compute.ts';
import type { PayResult } from './model.ts';
import { grade, noTables, payInputs, person, refusal, shippedPack } from './test-fixtures.ts';

/**
 * Fengze's performance bonus (seed 000: 绩效奖金在区直机关同等次绩效奖的基础上各增加20%): the district-department
 * bonus of the grade (district table), +20% for street units; an ineligible cadre gets nothing (effect none).
 */
const fengze = shippedPack('fengze', '2026-12-31');
const tables = {
  ...noTables,
  bonusBase: { excellent: 2_000_000, competent: 1_500_000, basic: 1_000_000 },
};
const eligible = { eligible: true, reasons: [] };
const people = () => [
  person({ cadreId: 'a', name: '甲', grade: grade('excellent', '优秀'), eligibility: eligible }),
  person({
    cadreId: 'b',
    name: '乙',
    unitId: 'u-dept',
    unitName: '区财政局',
    unitKind: 'department',
    unitPath: 'd.f',
    grade: grade('excellent', '优秀', '2026年度考核', 'department-annual'),
    eligibility: eligible,
  }),
  person({
    cadreId: 'c',
    name: '丙',
    grade: grade('competent', '称职'),
    eligibility: { eligible: false, reasons: ['受到诫勉（2026-03-02），影响期内不得发放绩效奖金'] },
  }),
  person({ cadreId: 'd', name: '丁', grade: null, eligibility: eligible }),
  person({ cadreId: 'v', name: '村干部', category: 'village_community', grade: grade('excellent', '优秀') }),
];
const line = (r: PayResult, id: string) => r.lines.find((l) => l.cadreId === id)!;

describe('performance bonus (fengze)', () => {
  it('raises a street cadre by 20%, pays a department cadre the district bonus, nothing to the ineligible', () => {
    const r = computePay(fengze, payInputs('performance-bonus', people(), { tables }));
    // the village cadre is outside the population (excludeCategories: village_community)
    expect(r.lines.map((l) => l.cadreId).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(line(r, 'a').amountFen).toBe(2_400_000); // ¥20,000 × 120% = ¥24,000.00
    expect(line(r, 'b').amountFen).toBe(2_000_000); // department: ¥20,000.00, no uplift
    expect(line(r, 'c').amountFen).toBe(0); // ineligible, effect none
    expect(line(r, 'd').amountFen).toBe(0); // no grade: missingGradePercent 0%
    expect(r.totalFen).toBe(4_400_000);
    expect(r.budgetFen).toBeNull();

    const a = line(r, 'a').explanation;
    expect(a.summary).toBe('优秀等次：区直机关同等次绩效奖 ¥20,000.00（上浮 20%） → ¥24,000.00');
    expect(a.steps.find((s) => s.label === '单位上浮')).toMatchObject({
      value: '甲街道：在区直机关同等次基础上增加 20%（× 120%）',
      clause: '/pay/performanceBonus/upliftPercent',
      source: { seed: '000' },
    });
    expect(a.steps.at(-1)).toMatchObject({
      label: '绩效奖金',
      value: '¥20,000.00 × 120% = 24000.0000 元，按分四舍五入 → ¥24,000.00',
      amountFen: 2_400_000,
    });
    expect(line(r, 'b').explanation.steps.find((s) => s.label === '单位上浮')!.value).toBe(
      '区财政局：不在上浮范围，按区直机关同等次标准',
    );
    const c = line(r, 'c').explanation;
    expect(c.steps.find((s) => s.label === '发放资格')).toMatchObject({
      value: '不符合：受到诫勉（2026-03-02），影响期内不得发放绩效奖金 → 不发放',
      clause: '/pay/performanceBonus/ineligible',
    });
    expect(c.summary).toBe(
      '称职等次：区直机关同等次绩效奖 ¥15,000.00（上浮 20%，不符合发放资格，不发放） → ¥0.00',
    );
    const d = line(r, 'd').explanation;
    expect(d.notes).toEqual(['无已发布的年度考核等次，按 0% 发放']);
    expect(d.steps[0]).toMatchObject({
      clause: '/pay/performanceBonus/missingGradePercent',
      source: fengze.sources['/pay/performanceBonus/missingGradePercent'],
    });
    expect(r.steps.find((s) => s.label === '不符合发放资格')!.value).toBe('1 人；不发放');
  });

  it('pays an ineligible cadre a reduced share when the pack says reduce', () => {
    const pack = structuredClone(fengze);
    pack.pay!.performanceBonus!.ineligible = { effect: 'reduce', paidPercent: 50 };
    const r = computePay(pack, payInputs('performance-bonus', people(), { tables }));
    // ¥15,000 × 120% × 50% = ¥9,000.00
    expect(line(r, 'c').amountFen).toBe(900_000);
    expect(line(r, 'c').explanation.steps.find((s) => s.label === '发放资格')!.value).toBe(
      '不符合：受到诫勉（2026-03-02），影响期内不得发放绩效奖金 → 按 50% 发放',
    );
  });

  it('pays a missing grade its percent of the missingGradeAs grade (称职) when the pack sets one', () => {
    const pack = structuredClone(fengze);
    pack.pay!.performanceBonus!.missingGradePercent = 50;
    const r = computePay(pack, payInputs('performance-bonus', people(), { tables }));
    // missingGradeAs: competent (称职): ¥15,000 × 50% × 120% (street) = ¥9,000.00
    expect(line(r, 'd').amountFen).toBe(900_000);
    expect(line(r, 'd').baseFen).toBe(1_500_000);
    expect(line(r, 'd').explanation.steps[0]!.value).toBe(
      '无已发布的年度考核等次，按 50% 发放（以称职等次的绩效奖为准）',
    );
  });

  it('rounds by the pack rule and refuses a grade missing from the bonus table', () => {
    const odd = { ...noTables, bonusBase: { excellent: 1_234_567, competent: 1_500_000 } };
    const pack = structuredClone(fengze);
    pack.pay!.rounding = { unitFen: 100, mode: 'down' };
    // ¥12,345.67 × 120% = ¥14,814.804 → to the yuan, down: ¥14,814.00
    const r = computePay(pack, payInputs('performance-bonus', people(), { tables: odd }));
    expect(line(r, 'a').amountFen).toBe(1_481_400);
    const withGood = [...people(), person({ cadreId: 'g', name: '戊', grade: grade('good', '良好') })];
    expect(refusal(() => computePay(fengze, payInputs('performance-bonus', withGood, { tables })))).toEqual({
      code: 'PAY_BASE_MISSING',
      details: {
        table: 'bonus-base',
        keys: ['good'],
        count: 1,
        people: [{ cadreId: 'g', name: '戊', key: 'good' }],
      },
    });
  });

  it('wenzhou raises township and street units by 10%', () => {
    const wenzhou = shippedPack('wenzhou', '2026-12-31');
    const r = computePay(
      wenzhou,
      payInputs(
        'performance-bonus',
        [
          person({
            cadreId: 't',
            unitKind: 'township',
            grade: grade('competent', '称职', '2026年度', 'regular-differentiated'),
          }),
        ],
        { tables },
      ),
    );
    // ¥15,000 × 110% = ¥16,500.00
    expect(r.lines[0]!.amountFen).toBe(1_650_000);
  });
});
