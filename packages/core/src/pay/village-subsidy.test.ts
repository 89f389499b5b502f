import { describe, expect, it } from 'vitest';
import { computePay } from './compute.ts';
import type { PayResult } from './model.ts';
import { grade, noTables, payInputs, person, refusal, shippedPack } from './test-fixtures.ts';

const line = (r: PayResult, id: string) => r.lines.find((l) => l.cadreId === id)!;
const village = {
  unitId: 'u-v',
  unitName: '红旗村',
  unitKind: 'village' as const,
  unitPath: 'd.t.v',
  category: 'village_community',
};
const g = (code: string, name: string) => grade(code, name, '2026年度村干部考评', 'two-committees-dual');

describe('village subsidy (jinwan): raises by role, linked to the grade', () => {
  // seed 004: 工作补贴标准将增长14%到33%不等; 考评、评议结果与其岗位补贴挂钩 (percents in the pack)
  const jinwan = shippedPack('jinwan', '2026-12-31');
  const tables = {
    ...noTables,
    villageBase: {
      principal: 3_000_000,
      member: 2_000_000,
      reserve: 1_000_000,
      'party-group-leader': 300_000,
      'villager-group-leader': 300_000,
      'station-manager': 480_000,
    },
  };
  const people = [
    person({
      ...village,
      cadreId: 'p',
      name: '书记',
      roleKinds: ['village_principal'],
      grade: g('excellent', '优秀'),
    }),
    person({
      ...village,
      cadreId: 'm',
      name: '委员',
      tags: ['two_committees'],
      grade: g('basic', '基本称职'),
    }),
    person({ ...village, cadreId: 'r', name: '后备', tags: ['reserve'], grade: g('incompetent', '不称职') }),
    person({
      ...village,
      cadreId: 'l',
      name: '组长',
      tags: ['party_group_leader', 'villager_group_leader'],
      grade: g('competent', '称职'),
    }),
    person({ ...village, cadreId: 's', name: '管理员', tags: ['station_manager'], grade: null }),
    person({ ...village, cadreId: 'x', name: '村民代表', tags: [], roleKinds: ['other'] }),
  ];

  it('computes each role before and after the raise, then the grade percent', () => {
    const r = computePay(jinwan, payInputs('village-subsidy', people, { tables }));
    // 主干 ¥30,000 × 114% = ¥34,200 → 优秀 110% → ¥37,620.00
    expect(line(r, 'p').amountFen).toBe(3_762_000);
    // 成员 ¥20,000 × 120% = ¥24,000 → 基本称职 80% → ¥19,200.00
    expect(line(r, 'm').amountFen).toBe(1_920_000);
    // 后备 ¥10,000 × 125% = ¥12,500 → 不称职 0% → ¥0.00
    expect(line(r, 'r').amountFen).toBe(0);
    // 党小组长 ¥3,000 × 133% = ¥3,990 and 民小组长 ¥3,000 × 133% = ¥3,990: jinwan pays the highest (the
    // earlier role on a tie, 党小组长) → ¥3,990 → 称职 100%
    expect(line(r, 'l').amountFen).toBe(399_000);
    expect(line(r, 'l').baseFen).toBe(300_000);
    // 站点管理员 ¥4,800 × 125% = ¥6,000 → no published grade: missingPercent 100% → ¥6,000.00
    expect(line(r, 's').amountFen).toBe(600_000);
    expect(r.totalFen).toBe(3_762_000 + 1_920_000 + 0 + 399_000 + 600_000);
    expect(r.excluded).toEqual([
      {
        cadreId: 'x',
        name: '村民代表',
        reason:
          '未担任补贴岗位（村（社区）“两委”主干、村（社区）“两委”成员、后备干部、党小组长、民小组长、远程教育站点管理员）',
      },
    ]);

    const p = line(r, 'p').explanation;
    expect(p.steps[0]).toMatchObject({
      label: '村（社区）“两委”主干',
      value: '提高前 ¥30,000.00，提高 14% → ¥34,200.00（按分四舍五入）',
      amountFen: 3_420_000,
      clause: '/pay/villageSubsidy/roles/0/raisePercent',
      source: { seed: '004' },
    });
    expect(p.steps[1]).toMatchObject({
      label: '考评结果挂钩',
      value: '优秀（2026年度村干部考评） → 110%：¥34,200.00 × 110% = ¥37,620.00（按分四舍五入）',
      clause: '/pay/villageSubsidy/grade/gradePercents/excellent',
    });
    expect(p.summary).toBe('村（社区）“两委”主干：岗位补贴 ¥34,200.00，考评挂钩后 ¥37,620.00 → ¥37,620.00');
    const l = line(r, 'l').explanation;
    expect(l.steps.map((s) => s.value)).toEqual([
      '提高前 ¥3,000.00，提高 33% → ¥3,990.00（按分四舍五入）',
      '提高前 ¥3,000.00，提高 33% → ¥3,990.00（按分四舍五入）',
      '按最高的“党小组长” ¥3,990.00',
      '称职（2026年度村干部考评） → 100%：¥3,990.00 × 100% = ¥3,990.00（按分四舍五入）',
    ]);
    expect(line(r, 's').explanation.notes).toEqual(['无已发布的考评结果，按 100% 发放']);
  });

  it('adds the roles up under combine: sum', () => {
    const sum = structuredClone(jinwan);
    sum.pay!.villageSubsidy!.combine = 'sum';
    const r = computePay(sum, payInputs('village-subsidy', people, { tables }));
    // ¥3,990 + ¥3,990 = ¥7,980 → 称职 100%
    expect(line(r, 'l').amountFen).toBe(798_000);
    expect(line(r, 'l').baseFen).toBe(600_000);
    expect(line(r, 'l').explanation.steps[2]).toMatchObject({
      label: '多岗位合计',
      value: '¥3,990.00 + ¥3,990.00 = ¥7,980.00',
      clause: '/pay/villageSubsidy/combine',
    });
    // a single role is the same under either rule
    expect(line(r, 'p').amountFen).toBe(3_762_000);
  });

  it('rounds each raised amount by the pack rule', () => {
    // ¥1,234.57 × 133% = ¥1,641.9781 → half-up to the fen ¥1,641.98
    const odd = { ...noTables, villageBase: { ...tables.villageBase, 'party-group-leader': 123_457 } };
    const sum = structuredClone(jinwan);
    sum.pay!.villageSubsidy!.combine = 'sum';
    const r = computePay(sum, payInputs('village-subsidy', people, { tables: odd }));
    // ¥1,641.98 + ¥3,990.00 = ¥5,631.98 at 称职 100%
    expect(line(r, 'l').amountFen).toBe(563_198);
    // highest: 民小组长 ¥3,990.00 now beats 党小组长 ¥1,641.98
    expect(
      line(computePay(jinwan, payInputs('village-subsidy', people, { tables: odd })), 'l').amountFen,
    ).toBe(399_000);
    const down = structuredClone(sum);
    down.pay!.rounding = { unitFen: 10, mode: 'down' };
    // to the jiao, down: ¥1,641.90 + ¥3,990.00 = ¥5,631.90
    expect(line(computePay(down, payInputs('village-subsidy', people, { tables: odd })), 'l').amountFen).toBe(
      563_190,
    );
  });

  it('refuses a role without a pre-raise amount in the table', () => {
    const { reserve: _, ...rest } = tables.villageBase;
    expect(
      refusal(() =>
        computePay(
          jinwan,
          payInputs('village-subsidy', people, { tables: { ...noTables, villageBase: rest } }),
        ),
      ),
    ).toEqual({
      code: 'PAY_BASE_MISSING',
      details: {
        table: 'village-base',
        keys: ['reserve'],
        count: 1,
        people: [{ cadreId: 'r', name: '后备', key: 'reserve' }],
      },
    });
  });
});

describe('village subsidy (hongdong): the principal floor', () => {
  // seed 003: 不低于上年度农民人均可支配收入两倍的标准 … 2018年达到了22356元 (= 2 × 11,178)
  const hongdong = shippedPack('hongdong', '2018-12-31');
  const tables = { ...noTables, villageBase: { principal: 1_800_000, member: 1_200_000 } };
  const statistics = { 'rural-income-per-capita': { '2017': 1_117_800 } };
  const run = (more: Parameters<typeof payInputs>[2] = {}) =>
    payInputs(
      'village-subsidy',
      [
        person({
          ...village,
          cadreId: 'p',
          name: '主干',
          roleKinds: ['village_principal'],
          tags: ['two_committees'],
        }),
        person({ ...village, cadreId: 'm', name: '成员', tags: ['two_committees'] }),
      ],
      { period: '2018', asOf: '2018-12-31', tables, statistics, ...more },
    );

  it('lifts a principal to 2 × 11,178 = 22,356 yuan; a member is not', () => {
    expect(hongdong.version.effectiveFrom).toBe('2018-01-01');
    const r = computePay(hongdong, run());
    // 主干: highest of 主干 ¥18,000 and 成员 ¥12,000 = ¥18,000 < 2 × ¥11,178 = ¥22,356 → ¥22,356.00
    expect(line(r, 'p').amountFen).toBe(2_235_600);
    expect(line(r, 'p').baseFen).toBe(1_800_000);
    const floor = line(r, 'p').explanation.steps.find((s) => s.label === '保底')!;
    expect(floor).toMatchObject({
      value:
        '村（社区）“两委”主干不低于 2 × 上年度（2017年）农民人均可支配收入 ¥11,178.00 = ¥22,356.00，高于按岗位计算的 ¥18,000.00，按保底发放',
      amountFen: 2_235_600,
      clause: '/pay/villageSubsidy/floor',
      source: { seed: '003' },
    });
    expect(line(r, 'p').explanation.summary).toBe(
      '村（社区）“两委”主干、村（社区）“两委”成员：岗位补贴 ¥18,000.00，低于保底，提高到 ¥22,356.00 → ¥22,356.00',
    );
    // 成员: ¥12,000, holds no principal post: no floor
    expect(line(r, 'm').amountFen).toBe(1_200_000);
    expect(line(r, 'm').explanation.steps.some((s) => s.label === '保底')).toBe(false);
    expect(r.totalFen).toBe(2_235_600 + 1_200_000);
  });

  it('keeps a principal above the floor as computed, and refuses a missing statistic', () => {
    const high = { ...noTables, villageBase: { principal: 2_500_000, member: 1_200_000 } };
    const r = computePay(hongdong, run({ tables: high }));
    expect(line(r, 'p').amountFen).toBe(2_500_000);
    expect(line(r, 'p').explanation.steps.find((s) => s.label === '保底')!.value).toContain('不低于保底');
    expect(refusal(() => computePay(hongdong, run({ statistics: {} })))).toEqual({
      code: 'PAY_STATISTIC_MISSING',
      details: { statistic: 'rural-income-per-capita', year: 2017 },
    });
    // without a principal in the population the floor's statistic is not needed
    const membersOnly = run({ statistics: {} });
    membersOnly.people = membersOnly.people.filter((p) => p.cadreId === 'm');
    expect(computePay(hongdong, membersOnly).totalFen).toBe(1_200_000);
  });
});
