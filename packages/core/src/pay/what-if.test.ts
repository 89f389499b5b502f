import { describe, expect, it } from 'vitest';
import { computePay } from './compute.ts';
import type { PayLine, PayPersonInput, PayResult } from './model.ts';
import { grade, noTables, payInputs, person, shippedPack } from './test-fixtures.ts';
import { comparePay } from './what-if.ts';

/**
 * What-if: Fengze's street uplift with the band's lower end raised from 10% to 15%, the same budget.
 * The street of street-uplift.test.ts: four units of ¥680,000 base each (2 × 正科级 ¥100,000, 8 × 科员 ¥60,000),
 * weights 甲 1.44, 乙 1.00, 丙 1.08, 丁 0.90, budget ¥439,960.
 *   before (10%–20%): λ = 0.15 → 甲 20% (capped), 乙 15%, 丙 16.2%, 丁 13.5%.
 *   after (15%–20%): for λ < 0.1389 乙丙丁 sit at the new 15% floor, so 680,000 × (1.44λ + 3 × 15%) = 439,960
 *     → 1.44λ = 19.7%, λ = 0.136806 (丙 1.08λ = 14.78% < 15% indeed) → 甲 19.7%, 乙丙丁 15%.
 * Changes: 丁正科 100,000 × (15 − 13.5)% = +¥1,500; 丙正科 × (15 − 16.2)% = −¥1,200; 丁科员 60,000 × 1.5% = +¥900;
 *   丙科员 −¥720; 甲正科 100,000 × (19.7 − 20)% = −¥300; 甲科员 −¥180; 乙 0. Units: 丁 +¥10,200, 丙 −¥8,160,
 *   甲 −¥2,040, 乙 0; total unchanged.
 */
const fengze = shippedPack('fengze', '2026-12-31');
const tables = { ...noTables, rankBase: { 正科级: 10_000_000, 科员: 6_000_000 } };
const UNITS = [
  ['a', '甲街道', '1.20', 'excellent', '优秀'],
  ['b', '乙街道', '1.00', 'good', '良好'],
  ['c', '丙街道', '1.20', 'fair', '一般'],
  ['d', '丁街道', '1.00', 'fair', '一般'],
] as const;
const street = (): PayPersonInput[] =>
  UNITS.flatMap(([key, name, difficulty, code, gradeName]) =>
    Array.from({ length: 10 }, (_, i) =>
      person({
        cadreId: `${key}-${i}`,
        name: i < 2 ? `${name}正科${i + 1}` : `${name}科员${i - 1}`,
        unitId: `u-${key}`,
        unitName: name,
        unitPath: `d.${key}`,
        difficulty,
        unitGrade: grade(code, gradeName, '2026年度街道绩效考评', 'street-performance'),
        rank: i < 2 ? '正科级' : '科员',
      }),
    ),
  );

describe('comparePay', () => {
  it('shows per person, per unit and in total what a 10% → 15% lower end changes', () => {
    const inputs = payInputs('street-uplift', street(), { tables, budgetFen: 43_996_000 });
    const before = computePay(fengze, inputs);
    const draft = structuredClone(fengze);
    draft.pay!.streetUplift!.band.minPercent = 15;
    const after = computePay(draft, inputs);
    const c = comparePay(before, after);
    expect(c.totals).toEqual({ beforeFen: 43_996_000, afterFen: 43_996_000, deltaFen: 0 });
    expect(c.lines).toHaveLength(40);
    expect(c.lines.slice(0, 3).map((l) => [l.cadreId, l.beforeFen, l.afterFen, l.deltaFen])).toEqual([
      ['d-0', 1_350_000, 1_500_000, 150_000],
      ['d-1', 1_350_000, 1_500_000, 150_000],
      ['c-0', 1_620_000, 1_500_000, -120_000],
    ]);
    const delta = (id: string) => c.lines.find((l) => l.cadreId === id)!.deltaFen;
    expect(delta('d-5')).toBe(90_000);
    expect(delta('c-5')).toBe(-72_000);
    expect(delta('a-0')).toBe(-30_000);
    expect(delta('a-5')).toBe(-18_000);
    expect(delta('b-0')).toBe(0);
    expect(c.units.map((u) => [u.unitName, u.count, u.deltaFen])).toEqual([
      ['丁街道', 10, 1_020_000],
      ['丙街道', 10, -816_000],
      ['甲街道', 10, -204_000],
      ['乙街道', 10, 0],
    ]);
    expect(
      c.lines.find((l) => l.cadreId === 'a-0')!.after.steps.find((s) => s.label === '上浮比例')!.value,
    ).toBe('19.70%');
    expect(c.steps.find((s) => s.label === '分配系数')!.value).toMatch(/^λ = 0\.136806：/);
  });

  it('counts a person missing on one side as ¥0 and says why', () => {
    const line = (cadreId: string, amountFen: number): PayLine => ({
      cadreId,
      name: cadreId,
      unitId: 'u',
      unitName: '甲',
      unitPath: 'd.a',
      amountFen,
      baseFen: null,
      explanation: { summary: cadreId, steps: [], notes: [] },
    });
    const result = (lines: PayLine[], excluded: PayResult['excluded'] = []): PayResult => ({
      lines,
      totalFen: lines.reduce((a, l) => a + l.amountFen, 0),
      budgetFen: null,
      steps: [],
      unitTotals: [],
      excluded,
    });
    const c = comparePay(
      result([line('x', 500), line('y', 300)]),
      result([line('y', 300), line('z', 200)], [{ cadreId: 'x', name: 'x', reason: '未担任补贴岗位' }]),
    );
    expect(c.lines.map((l) => [l.cadreId, l.beforeFen, l.afterFen, l.deltaFen, l.after.summary])).toEqual([
      ['x', 500, 0, -500, '该版本下不发放：未担任补贴岗位'],
      ['z', 0, 200, 200, 'z'],
      ['y', 300, 300, 0, 'y'],
    ]);
    expect(c.totals).toEqual({ beforeFen: 800, afterFen: 500, deltaFen: -300 });
    expect(c.units).toEqual([
      { unitId: 'u', unitName: '甲', count: 3, beforeFen: 800, afterFen: 500, deltaFen: -300 },
    ]);
  });
});
