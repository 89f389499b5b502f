import { describe, expect, it } from 'vitest';
import { shippedPacks } from '../policy/shipped-packs.ts';
import { IndicatorSchema, type Indicator } from './indicator.ts';
import {
  indicatorSourceText,
  indicatorValue,
  judgeCounts,
  judgeIndicator,
  shareTenths,
  targetText,
} from './indicator-value.ts';

const share = (op: 'gte' | 'lte', percent: number) => ({ measure: 'share' as const, op, percent });
const count = (op: 'gte' | 'lte', n: number) => ({ measure: 'count' as const, op, count: n });

describe('an indicator judged from its counts', () => {
  it('rounds a share half up to one decimal in integers', () => {
    expect(shareTenths(3, 8)).toBe(375); // 37.5
    expect(shareTenths(1, 3)).toBe(333); // 33.33…
    expect(shareTenths(2, 3)).toBe(667); // 66.66…
    expect(shareTenths(1, 16)).toBe(63); // 6.25 → 6.3
    expect(shareTenths(1, 32)).toBe(31); // 3.125 → 3.1
    expect(shareTenths(0, 5)).toBe(0);
    expect(shareTenths(5, 5)).toBe(1000);
  });

  it('judges a share at least the target and counts the people still missing with the population fixed', () => {
    expect(judgeCounts(share('gte', 30), { population: 8, numerator: 3 })).toEqual({
      value: 37.5,
      valueText: '37.5%（3/8）',
      met: true,
      gap: 0,
    });
    // ⌈30% × 10⌉ = 3 needed, 2 have it
    expect(judgeCounts(share('gte', 30), { population: 10, numerator: 2 })).toEqual({
      value: 20,
      valueText: '20.0%（2/10）',
      met: false,
      gap: 1,
    });
    // ⌈50% × 7⌉ = 4 needed, 3/7 = 42.857… → 42.9
    expect(judgeCounts(share('gte', 50), { population: 7, numerator: 3 })).toMatchObject({
      value: 42.9,
      met: false,
      gap: 1,
    });
  });

  it('judges on the exact fraction, not the rounded value', () => {
    // 2999/10000 = 29.99% shows as 30.0% yet is short of 30% by one person
    expect(judgeCounts(share('gte', 30), { population: 10000, numerator: 2999 })).toEqual({
      value: 30,
      valueText: '30.0%（2999/10000）',
      met: false,
      gap: 1,
    });
    expect(judgeCounts(share('gte', 12.5), { population: 8, numerator: 1 })).toMatchObject({
      met: true,
      gap: 0,
    });
  });

  it('counts how many too many for an upper bound', () => {
    // ⌊20% × 10⌋ = 2 allowed, 3 have it
    expect(judgeCounts(share('lte', 20), { population: 10, numerator: 3 })).toMatchObject({
      met: false,
      gap: 1,
    });
    expect(judgeCounts(share('lte', 20), { population: 10, numerator: 2 })).toMatchObject({
      met: true,
      gap: 0,
    });
    expect(judgeCounts(count('lte', 2), { population: 9, numerator: 4 })).toEqual({
      value: 4,
      valueText: '4 人',
      met: false,
      gap: 2,
    });
  });

  it('does not judge a share of an empty population, but does judge a count of nobody', () => {
    expect(judgeCounts(share('gte', 30), { population: 0, numerator: 0 })).toEqual({
      value: null,
      valueText: '无统计对象（0/0）',
      met: null,
      gap: 0,
    });
    expect(judgeCounts(count('gte', 5), { population: 0, numerator: 0 })).toEqual({
      value: 0,
      valueText: '0 人',
      met: false,
      gap: 5,
    });
  });

  it('judges per unit: met when every unit meets it, the gap summed over the units short of it', () => {
    const units = [1, 2, 0, 3].map((n) => ({ population: n, numerator: n }));
    // short: 1 (needs 1 more) and 0 (needs 2 more)
    expect(judgeIndicator(count('gte', 2), { population: 6, numerator: 6 }, units)).toEqual({
      value: 6,
      valueText: '6 人',
      met: false,
      gap: 3,
      units: { judged: 4, meeting: 2 },
    });
    expect(judgeIndicator(count('gte', 2), { population: 0, numerator: 0 }, [])).toMatchObject({
      met: null,
      gap: 0,
      units: { judged: 0, meeting: 0 },
    });
    // a unit whose share has an empty population is not judged
    expect(
      judgeIndicator(share('gte', 50), { population: 4, numerator: 2 }, [
        { population: 0, numerator: 0 },
        { population: 4, numerator: 2 },
      ]),
    ).toMatchObject({ met: true, units: { judged: 1, meeting: 1 } });
  });

  it('writes the target', () => {
    expect(targetText({ target: share('gte', 50), judgedPer: null })).toBe('≥ 50%');
    expect(targetText({ target: count('gte', 5), judgedPer: null })).toBe('≥ 5 人');
    expect(targetText({ target: count('gte', 2), judgedPer: ['village', 'community'] })).toBe(
      '每个村、社区 ≥ 2 人',
    );
    expect(targetText({ target: share('lte', 12.5), judgedPer: null })).toBe('≤ 12.5%');
  });
});

describe('an indicator in words', () => {
  const packOf = (id: string) => {
    const p = shippedPacks().find((x) => x.id === id);
    if (!p?.selection) throw new Error(id);
    return p as typeof p & { selection: NonNullable<typeof p.selection> };
  };

  it('cites the pack source nearest above the target', () => {
    const fengze = packOf('fengze');
    const f0 = fengze.selection.indicators[0] as Indicator;
    expect(indicatorSourceText(fengze.sources, 0, f0.target)).toBe(
      '假设：丰泽（000）只写“提出了比例要求”，未写比例；取30%，按实际文件修改',
    );
    // Jinwan sources the whole indicator (/selection/indicators/0)
    const jinwan = packOf('jinwan');
    const j0 = jinwan.selection.indicators[0] as Indicator;
    expect(indicatorSourceText(jinwan.sources, 0, j0.target)).toBe(
      '种子 004：“区内每村配备2名后备干部，也在每个社区配备2名后备干部，全区将选聘农村、社区后备干部共42名”',
    );
    expect(indicatorSourceText({}, 0, j0.target)).toBe('政策包未注明出处');
  });

  it('explains a share: population, numerator, the arithmetic and the judgment', () => {
    const fengze = packOf('fengze');
    const ind = fengze.selection.indicators[0] as Indicator;
    const v = indicatorValue(ind, {
      scopeName: '丰泽区',
      asOf: '2026-11-02',
      sourceText: 'x',
      total: { population: 10, numerator: 2 },
      units: null,
    });
    expect(v).toMatchObject({
      id: 'reserve-street-leadership',
      targetText: '≥ 30%',
      population: 10,
      numerator: 2,
      value: 20,
      valueText: '20.0%（2/10）',
      met: false,
      gap: 1,
      units: null,
      populationText: '在后备干部（副处级）中',
      numeratorText: '有街道领导工作经历',
    });
    expect(v.explanation).toBe(
      '截至 2026-11-02，在丰泽区，统计对象为“在后备干部（副处级）中”的在职干部共 10 人，其中“有街道领导工作经历”的 2 人，' +
        '占 20.0%（2 ÷ 10，保留一位小数，四舍五入）；按统计对象人数不变计至少需 3 人（30% × 10 向上取整），' +
        '未达到目标 ≥ 30%，还差 1 人。',
    );
  });

  it('explains a per-unit count (Jinwan: ≥ 2 reserve cadres in every village and community)', () => {
    const jinwan = packOf('jinwan');
    const ind = jinwan.selection.indicators[0] as Indicator;
    const v = indicatorValue(ind, {
      scopeName: '金湾区',
      asOf: '2026-11-02',
      sourceText: 'x',
      total: { population: 5, numerator: 5 },
      units: [
        { population: 2, numerator: 2 },
        { population: 1, numerator: 1 },
        { population: 2, numerator: 2 },
        { population: 0, numerator: 0 },
      ],
    });
    expect(v).toMatchObject({
      value: 5,
      valueText: '5 人',
      met: false,
      gap: 3,
      units: { judged: 4, meeting: 2 },
    });
    expect(v.explanation).toBe(
      '截至 2026-11-02，在金湾区，统计对象为“在后备干部中”的在职干部共 5 人；' +
        '按每个村、社区分别判断统计对象的人数（每个单位含其下属单位）是否 ≥ 2 人：' +
        '共 4 个村、社区，达到 2 个，未达到 2 个，合计还差 3 人。',
    );
  });

  it('explains a count over the scope (Hongdong: township heads under 35 ≥ 5)', () => {
    const ind = IndicatorSchema.parse({
      id: 'young-township-heads',
      name: '35岁以下乡镇长人数',
      population: { orgKinds: ['township'], currentRoleKinds: ['government_head'] },
      numerator: { ageMax: 34 },
      target: count('gte', 5),
    });
    const v = indicatorValue(ind, {
      scopeName: '洪洞县',
      asOf: '2026-11-02',
      sourceText: 'x',
      total: { population: 16, numerator: 3 },
      units: null,
    });
    expect(v.explanation).toBe(
      '截至 2026-11-02，在洪洞县，统计对象为“所在单位为乡镇，现任职务类别为行政主要负责人”的在职干部共 16 人，' +
        '其中“年龄 34 岁及以下（35 岁以下）”的 3 人；未达到目标 ≥ 5 人，还差 2 人。',
    );
  });
});
