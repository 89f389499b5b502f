import { describe, expect, it } from 'vitest';
import { computePay } from './compute.ts';
import type { PayPersonInput, PayResult } from './model.ts';
import { grade, noTables, payInputs, person, refusal, shippedPack } from './test-fixtures.ts';

/**
 * Fengze's street uplift (seed 000: 街道干部可享受高于区直机关同职级干部10%-20%的经济待遇), worked by hand.
 *
 * A street of 40 cadres in four units, 10 each (2 正科级 with a base of ¥100,000, 8 科员 with ¥60,000), so
 * every unit's base total is 2 × 100,000 + 8 × 60,000 = ¥680,000 and Σbase = ¥2,720,000.
 * Weights w = difficulty × unit-grade percent (fengze: difficultyPower 1; 优秀 120%, 良好 100%, 一般 90%):
 *   甲 1.20 × 120% = 1.44   乙 1.00 × 100% = 1.00   丙 1.20 × 90% = 1.08   丁 1.00 × 90% = 0.90
 * Band 10%–20%: the budget may lie in [2,720,000 × 10%, 2,720,000 × 20%] = [¥272,000, ¥544,000].
 */
const fengze = shippedPack('fengze', '2026-12-31');
const tables = {
  rankBase: { 正科级: 10_000_000, 科员: 6_000_000 },
  bonusBase: {},
  villageBase: {},
};
const UNITS = [
  {
    key: 'a',
    name: '甲街道',
    difficulty: '1.20',
    grade: grade('excellent', '优秀', '2026年度街道绩效考评', 'street-performance'),
  },
  {
    key: 'b',
    name: '乙街道',
    difficulty: '1.00',
    grade: grade('good', '良好', '2026年度街道绩效考评', 'street-performance'),
  },
  {
    key: 'c',
    name: '丙街道',
    difficulty: '1.20',
    grade: grade('fair', '一般', '2026年度街道绩效考评', 'street-performance'),
  },
  {
    key: 'd',
    name: '丁街道',
    difficulty: '1.00',
    grade: grade('fair', '一般', '2026年度街道绩效考评', 'street-performance'),
  },
];
function street(): PayPersonInput[] {
  return UNITS.flatMap((u) =>
    Array.from({ length: 10 }, (_, i) =>
      person({
        cadreId: `${u.key}-${i}`,
        // code-point order: 正 (U+6B63) before 科 (U+79D1): the two 正科级 first, then 科员 1…8
        name: i < 2 ? `${u.name}正科${i + 1}` : `${u.name}科员${i - 1}`,
        unitId: `u-${u.key}`,
        unitName: u.name,
        unitPath: `d.${u.key}`,
        difficulty: u.difficulty,
        unitGrade: u.grade,
        rank: i < 2 ? '正科级' : '科员',
      }),
    ),
  );
}
const amountOf = (r: PayResult, cadreId: string) => r.lines.find((l) => l.cadreId === cadreId)!.amountFen;
const withinBand = (r: PayResult) =>
  r.lines.every((l) => l.amountFen * 10 >= l.baseFen! && l.amountFen * 5 <= l.baseFen!);

describe('street uplift (fengze)', () => {
  it('spreads ¥439,960 by difficulty and effectiveness: λ = 0.15, 甲 capped at 20%', () => {
    // Try λ = 0.15: 甲 1.44 × 0.15 = 21.6% → capped at 20%; 乙 15%; 丙 16.2%; 丁 13.5%, all inside the band.
    // Σ = 680,000 × (20% + 15% + 16.2% + 13.5%) = 680,000 × 64.7% = ¥439,960 — the budget, so λ = 0.15.
    const r = computePay(fengze, payInputs('street-uplift', street(), { tables, budgetFen: 43_996_000 }));
    expect(r.lines).toHaveLength(40);
    expect(r.totalFen).toBe(43_996_000);
    expect(r.budgetFen).toBe(43_996_000);
    expect(withinBand(r)).toBe(true);
    expect(amountOf(r, 'a-0')).toBe(2_000_000); // 100,000 × 20% = ¥20,000.00 (capped)
    expect(amountOf(r, 'a-5')).toBe(1_200_000); // 60,000 × 20% = ¥12,000.00 (capped)
    expect(amountOf(r, 'b-0')).toBe(1_500_000); // 100,000 × 15% = ¥15,000.00
    expect(amountOf(r, 'c-3')).toBe(972_000); // 60,000 × 16.2% = ¥9,720.00
    expect(amountOf(r, 'd-9')).toBe(810_000); // 60,000 × 13.5% = ¥8,100.00
    expect(r.unitTotals).toEqual([
      { unitId: 'u-a', unitName: '甲街道', count: 10, totalFen: 13_600_000 }, // 680,000 × 20%
      { unitId: 'u-b', unitName: '乙街道', count: 10, totalFen: 10_200_000 }, // × 15%
      { unitId: 'u-c', unitName: '丙街道', count: 10, totalFen: 11_016_000 }, // × 16.2%
      { unitId: 'u-d', unitName: '丁街道', count: 10, totalFen: 9_180_000 }, // × 13.5%
    ]);
    const lambda = r.steps.find((s) => s.label === '分配系数')!;
    expect(lambda.value).toMatch(/^λ = 0\.150000：/);
    expect(lambda.clause).toBe('/pay/streetUplift/difficultyPower');
    expect(r.steps.find((s) => s.label === '上浮区间')!.value).toBe(
      '每人上浮 10%–20%，合计可在 ¥272,000.00–¥544,000.00 之间；总量 ¥439,960.00 在区间内',
    );

    const a0 = r.lines.find((l) => l.cadreId === 'a-0')!.explanation;
    expect(a0.summary).toBe(
      '正科级基数 ¥100,000.00 上浮 20.00% = ¥20,000.00（总量 ¥439,960.00 按难度系数和工作实效分配，每人限 10%–20%）',
    );
    const step = (label: string) => a0.steps.find((s) => s.label === label)!;
    expect(step('基数')).toEqual({
      label: '基数',
      value: '正科级 区直机关同职级基数 ¥100,000.00',
      amountFen: 10_000_000,
    });
    expect(step('上浮区间')).toMatchObject({
      value: '10%–20%：¥10,000.00–¥20,000.00',
      clause: '/pay/streetUplift/band',
      source: { seed: '000' },
    });
    expect(step('难度系数').value).toBe('1.20（甲街道）');
    expect(step('工作实效（单位考评等次）')).toMatchObject({
      value: '优秀（2026年度街道绩效考评） → 120%',
      clause: '/pay/streetUplift/effectiveness/gradePercents/excellent',
      // the nearest covering source: /pay/streetUplift/effectiveness (an assumption)
      source: fengze.sources['/pay/streetUplift/effectiveness'],
    });
    expect(JSON.stringify(fengze.sources['/pay/streetUplift/effectiveness'])).toContain('优秀120%');
    expect(step('分配权重').value).toBe('1.20 × 120% = 1.4400');
    expect(step('测算比例').value).toBe('λ × 权重 = 0.150000 × 1.4400 = 21.60%，高于上限，按 20%');
    expect(step('上浮比例').value).toBe('20.00%');
    expect(step('预算分配')).toMatchObject({
      value: '¥100,000.00 × 20.00% = 20000.0000 元，最大余额法取整到分 → ¥20,000.00',
      amountFen: 2_000_000,
      clause: '/pay/rounding',
    });
    const d9 = r.lines.find((l) => l.cadreId === 'd-9')!.explanation;
    expect(d9.steps.find((s) => s.label === '测算比例')!.value).toBe(
      'λ × 权重 = 0.150000 × 0.9000 = 13.50%，在上浮区间内',
    );
  });

  it('gives the fen left over by the largest remainder: ¥439,960.07 adds 7 fen', () => {
    // 甲 stays capped; the 7 extra fen are spread over 乙丙丁 in proportion to base × weight:
    // Σ base×w there = 680,000 × (1.00 + 1.08 + 0.90) = 2,026,400, so a person's exact extra is 7 × b×w / 2,026,400:
    //   丙正科 7 × 108,000 / 2,026,400 = 0.3731 fen   乙正科 7 × 100,000 / … = 0.3454   丁正科 90,000 → 0.3109
    //   丙科员 64,800 → 0.2238   乙科员 60,000 → 0.2073   丁科员 54,000 → 0.1865
    // The base parts are whole fen (λ = 0.15 above), so the floors are those and the 7 fen go to the largest
    // remainders: the 2 丙正科, the 2 乙正科, the 2 丁正科 and the first 丙科员 (丙街道科员1, cadre c-2).
    const r = computePay(fengze, payInputs('street-uplift', street(), { tables, budgetFen: 43_996_007 }));
    expect(r.totalFen).toBe(43_996_007);
    expect(withinBand(r)).toBe(true);
    expect(amountOf(r, 'c-0')).toBe(1_620_001);
    expect(amountOf(r, 'b-1')).toBe(1_500_001);
    expect(amountOf(r, 'd-0')).toBe(1_350_001);
    expect(amountOf(r, 'c-2')).toBe(972_001);
    expect(amountOf(r, 'c-3')).toBe(972_000);
    expect(amountOf(r, 'a-0')).toBe(2_000_000);
    // the same rank, difficulty and unit grade get the same rate (the fen amounts differ by at most one)
    const c = r.lines.filter((l) => l.unitId === 'u-c' && l.baseFen === 6_000_000);
    expect(new Set(c.map((l) => l.explanation.steps.find((s) => s.label === '上浮比例')!.value)).size).toBe(
      1,
    );
    expect(Math.max(...c.map((l) => l.amountFen)) - Math.min(...c.map((l) => l.amountFen))).toBe(1);
  });

  it('does not depend on the order the people come in', () => {
    const people = street();
    const a = computePay(fengze, payInputs('street-uplift', people, { tables, budgetFen: 43_996_007 }));
    const b = computePay(
      fengze,
      payInputs('street-uplift', [...people].reverse(), { tables, budgetFen: 43_996_007 }),
    );
    expect(b.lines.map((l) => [l.cadreId, l.amountFen])).toEqual(
      a.lines.map((l) => [l.cadreId, l.amountFen]),
    );
  });

  it('takes the pack default budget when the run states none: 15% of Σbase', () => {
    // 2,720,000 × 15% = ¥408,000; λ solves 680,000 × (1.44 + 1 + 1.08 + 0.9) × λ = 408,000 (nobody capped:
    // 1.44 λ = 19.55% ≤ 20%, 0.9 λ = 12.22% ≥ 10%) → λ = 408,000 / 3,005,600 = 30/221 = 0.135747
    const r = computePay(fengze, payInputs('street-uplift', street(), { tables }));
    expect(r.budgetFen).toBe(40_800_000);
    expect(r.totalFen).toBe(40_800_000);
    expect(withinBand(r)).toBe(true);
    expect(r.steps[0]).toMatchObject({
      label: '总量（预算）',
      value: '未录入总量，按基数总额的 15%：¥2,720,000.00 × 15% = ¥408,000.00（按分四舍五入）',
      clause: '/pay/streetUplift/defaultBudgetPercentOfBase',
    });
    expect(r.steps.find((s) => s.label === '分配系数')!.value).toMatch(/^λ = 0\.135747：/);
    // 乙科员: 60,000 × 1.00 × 30/221 = ¥8,144.796… → 814,479 or 814,480 fen
    expect([814_479, 814_480]).toContain(amountOf(r, 'b-5'));
  });

  it('refuses a budget below or above the band, with the bounds', () => {
    expect(
      refusal(() =>
        computePay(fengze, payInputs('street-uplift', street(), { tables, budgetFen: 27_199_999 })),
      ),
    ).toEqual({
      code: 'PAY_BUDGET_BELOW_BAND',
      details: { budgetFen: 27_199_999, minFen: 27_200_000, maxFen: 54_400_000 },
    });
    expect(
      refusal(() =>
        computePay(fengze, payInputs('street-uplift', street(), { tables, budgetFen: 54_400_001 })),
      ),
    ).toEqual({
      code: 'PAY_BUDGET_ABOVE_BAND',
      details: { budgetFen: 54_400_001, minFen: 27_200_000, maxFen: 54_400_000 },
    });
    // the ends themselves are feasible: everybody at 10%, everybody at 20%
    const low = computePay(fengze, payInputs('street-uplift', street(), { tables, budgetFen: 27_200_000 }));
    expect(low.lines.every((l) => l.amountFen * 10 === l.baseFen)).toBe(true);
    const high = computePay(fengze, payInputs('street-uplift', street(), { tables, budgetFen: 54_400_000 }));
    expect(high.lines.every((l) => l.amountFen * 5 === l.baseFen)).toBe(true);
  });

  it('refuses a missing rank base, a missing budget rule, an empty population and a pack without the section', () => {
    const people = [...street(), person({ cadreId: 'x', name: '无职级', rank: '一级主任科员' })];
    expect(refusal(() => computePay(fengze, payInputs('street-uplift', people, { tables })))).toEqual({
      code: 'PAY_BASE_MISSING',
      details: {
        table: 'rank-base',
        keys: ['一级主任科员'],
        count: 1,
        people: [{ cadreId: 'x', name: '无职级', key: '一级主任科员' }],
      },
    });
    const noDefault = structuredClone(fengze);
    noDefault.pay!.streetUplift!.defaultBudgetPercentOfBase = null;
    expect(refusal(() => computePay(noDefault, payInputs('street-uplift', street(), { tables }))).code).toBe(
      'PAY_BUDGET_REQUIRED',
    );
    // departments and village cadres are not the street uplift's population
    const outside = [
      person({ unitKind: 'department' }),
      person({ unitKind: 'street', category: 'village_community' }),
    ];
    expect(refusal(() => computePay(fengze, payInputs('street-uplift', outside, { tables }))).code).toBe(
      'PAY_EMPTY_POPULATION',
    );
    const jinan = shippedPack('jinan', '2026-12-31');
    expect(refusal(() => computePay(jinan, payInputs('street-uplift', street(), { tables })))).toEqual({
      code: 'PAY_KIND_NOT_IN_PACK',
      details: { kind: 'street-uplift' },
    });
  });

  it('lists a record without a 职级 as left out (not paid), and pays the others exactly as without it', () => {
    const withBlank = [...street(), person({ cadreId: 'x-0', name: '欧阳明远', unitId: 'u-a', rank: '' })];
    const r = computePay(fengze, payInputs('street-uplift', withBlank, { tables, budgetFen: 43_996_000 }));
    const without = computePay(
      fengze,
      payInputs('street-uplift', street(), { tables, budgetFen: 43_996_000 }),
    );
    expect(r.excluded).toEqual([
      { cadreId: 'x-0', name: '欧阳明远', reason: '档案未填职级，无法对照区直机关同职级基数' },
    ]);
    expect(r.lines.map((l) => [l.cadreId, l.amountFen])).toEqual(
      without.lines.map((l) => [l.cadreId, l.amountFen]),
    );
    expect(r.totalFen).toBe(43_996_000);
  });

  it('pays a unit without a published grade at the missing percent, with a note', () => {
    const people = street().map((p) => (p.unitId === 'u-b' ? { ...p, unitGrade: null } : p));
    const r = computePay(fengze, payInputs('street-uplift', people, { tables, budgetFen: 43_996_000 }));
    // 乙's grade was 良好 (100%), the missing percent is 100% too: the same amounts as with the grade
    expect(amountOf(r, 'b-0')).toBe(1_500_000);
    const b0 = r.lines.find((l) => l.cadreId === 'b-0')!.explanation;
    expect(b0.notes).toEqual(['单位无已发布的考评结果，按 100% 计']);
    expect(b0.steps.find((s) => s.label === '工作实效（单位考评等次）')!.clause).toBe(
      '/pay/streetUplift/effectiveness/missingPercent',
    );
  });
});

describe('street uplift at scale (odd bases, many weights)', () => {
  // a deterministic spread of 3,000 people: bases not multiples of 10 fen (so base × 10% is not whole fen),
  // 12 difficulty levels, four unit grades and no grade; budgets at both ends of the band and in between
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const ranks: Record<string, number> = {};
  for (let k = 0; k < 40; k++) ranks[`职级${k}`] = 3_000_001 + (next() % 9_000_000);
  const grades = [
    grade('excellent', '优秀', '考评', 'street-performance'),
    grade('good', '良好', '考评', 'street-performance'),
    grade('fair', '一般', '考评', 'street-performance'),
    grade('poor', '较差', '考评', 'street-performance'),
    null,
  ];
  const people = Array.from({ length: 3000 }, (_, i) => {
    const u = next() % 60;
    return person({
      cadreId: `s-${i}`,
      unitId: `u-${u}`,
      unitPath: `d.${u}`,
      unitName: `街道${u}`,
      difficulty: `${1 + (u % 12) / 20}`,
      unitGrade: grades[u % 5]!,
      rank: `职级${next() % 40}`,
    });
  });
  const scaleTables = { ...noTables, rankBase: ranks };
  const rankOf = new Map(people.map((p) => [p.cadreId, p.rank]));
  const base = (id: string) => ranks[rankOf.get(id)!]!;
  const min = people.reduce((a, p) => a + Math.ceil(ranks[p.rank]! / 10), 0);
  const max = people.reduce((a, p) => a + Math.floor(ranks[p.rank]! / 5), 0);

  it.each([
    ['the lower end', min],
    ['a third in', min + Math.floor((max - min) / 3)],
    ['an odd budget', min + Math.floor((max - min) / 2) + 7],
    ['the upper end', max],
  ])('%s: whole fen within each band, adding up to the budget', (_, budgetFen) => {
    const r = computePay(fengze, payInputs('street-uplift', people, { tables: scaleTables, budgetFen }));
    expect(r.totalFen).toBe(budgetFen);
    expect(r.lines).toHaveLength(3000);
    for (const l of r.lines) {
      const b = base(l.cadreId);
      expect(l.amountFen).toBeGreaterThanOrEqual(Math.ceil(b / 10));
      expect(l.amountFen).toBeLessThanOrEqual(Math.floor(b / 5));
    }
  });
});

describe('street uplift edge rules', () => {
  const two = () => [
    person({ cadreId: 'e1', name: '甲', rank: '科员', unitGrade: grade('excellent', '优秀') }),
    person({ cadreId: 'e2', name: '乙', rank: '科员', unitGrade: grade('poor', '较差') }),
  ];
  const t2 = { ...noTables, rankBase: { 科员: 6_000_000 } };

  it('keeps a weight of 0 at the lower end and spreads the rest over the others', () => {
    const pack = structuredClone(fengze);
    pack.pay!.streetUplift!.effectiveness.gradePercents.poor = 0;
    // budget ¥16,000 on two bases of ¥60,000: 乙 (weight 0) stays at 10% = ¥6,000, 甲 gets ¥10,000 (16.67%)
    const r = computePay(pack, payInputs('street-uplift', two(), { tables: t2, budgetFen: 1_600_000 }));
    // (lines in code-point order of the names: 乙 U+4E59 before 甲 U+7532)
    expect(r.lines.map((l) => [l.cadreId, l.amountFen])).toEqual([
      ['e2', 600_000],
      ['e1', 1_000_000],
    ]);
    // every weight 0: one rate for everybody (¥8,000 each), and the run says so
    pack.pay!.streetUplift!.effectiveness.gradePercents.excellent = 0;
    const flat = computePay(pack, payInputs('street-uplift', two(), { tables: t2, budgetFen: 1_600_000 }));
    expect(flat.lines.map((l) => l.amountFen)).toEqual([800_000, 800_000]);
    expect(flat.steps.at(-1)!.value).toBe('所有人员的分配权重均为 0，总量按同一上浮比例分配');
  });

  it('accepts a band of one rate (min = max) only at that budget', () => {
    const pack = structuredClone(fengze);
    pack.pay!.streetUplift!.band = { minPercent: 15, maxPercent: 15 };
    const r = computePay(pack, payInputs('street-uplift', two(), { tables: t2, budgetFen: 1_800_000 }));
    expect(r.lines.map((l) => l.amountFen)).toEqual([900_000, 900_000]);
    expect(
      refusal(() => computePay(pack, payInputs('street-uplift', two(), { tables: t2, budgetFen: 1_800_001 })))
        .code,
    ).toBe('PAY_BUDGET_ABOVE_BAND');
  });
});
