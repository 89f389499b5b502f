import { describe, expect, it } from 'vitest';
import { shippedPacks } from '../policy/shipped-packs.ts';
import { batchRulesOf, proposalExplanation, proposalYears, unitQuota } from './rules.ts';

const fengze = shippedPacks().find((p) => p.id === 'fengze')!;
const rulesOf = (kindId: string) => batchRulesOf(fengze.honours!, kindId, fengze.name, fengze.sources)!;

describe('honour quotas (fengze: streets 15%, departments 10%, floor, at least 1)', () => {
  it('a street of 23 active cadres: 23 × 15% = 3.45, floor 3', () => {
    const q = unitQuota(rulesOf('commendation'), { name: '甲街道', kind: 'street' }, 23);
    expect(q).toMatchObject({ sharePercent: 15, quota: 3 });
    expect(q.explanation).toContain('甲街道：在册干部 23 人 × 15% = 3.45，向下取整 3 名');
    expect(q.explanation).toContain('丰泽');
  });

  it('a department of 23 active cadres: 23 × 10% = 2.3, floor 2 (fewer than a street of the same size)', () => {
    const q = unitQuota(rulesOf('commendation'), { name: '区财政局', kind: 'department' }, 23);
    expect(q).toMatchObject({ sharePercent: 10, quota: 2 });
    expect(q.explanation).toContain('在册干部 23 人 × 10% = 2.3，向下取整 2 名');
  });

  it('a department of 7: 0.7 floors to 0, lifted to the pack minimum of 1', () => {
    const q = unitQuota(rulesOf('excellence'), { name: '区档案馆', kind: 'department' }, 7);
    expect(q.quota).toBe(1);
    expect(q.explanation).toContain('7 人 × 10% = 0.7，向下取整 0 名，不足 1 名按每单位至少 1 名计');
  });

  it('a unit with no cadres of its own gets no place: the minimum never exceeds the people there', () => {
    const q = unitQuota(rulesOf('commendation'), { name: '清源区', kind: 'district' }, 0);
    expect(q.quota).toBe(0);
    expect(q.explanation).toContain('在册干部 0 人 × 10% = 0，向下取整 0 名，“通报表扬”名额 0 名');
  });

  it('20 street cadres: exactly 3 (no floating-point loss)', () => {
    expect(unitQuota(rulesOf('commendation'), { name: '乙街道', kind: 'street' }, 20).quota).toBe(3);
  });

  it('a kind without quota rows (嘉奖) has no quota for any unit', () => {
    const q = unitQuota(rulesOf('citation'), { name: '甲街道', kind: 'street' }, 23);
    expect(q).toMatchObject({ sharePercent: null, quota: null });
    expect(q.explanation).toContain('名额不限');
  });

  it('an unknown kind has no rules', () => {
    expect(batchRulesOf(fengze.honours!, 'nope', fengze.name, fengze.sources)).toBeNull();
  });
});

describe('proposals from published annual grades', () => {
  const merit3 = rulesOf('merit3');
  const rule = merit3.proposalRules[0]!;

  it('优秀 in 2023, 2024, 2025 proposes 记三等功 in a 2026 batch (the year before ends the run)', () => {
    const years = proposalYears(
      rule,
      [
        { year: 2023, gradeName: '优秀' },
        { year: 2024, gradeName: '优秀' },
        { year: 2025, gradeName: '优秀' },
      ],
      2026,
    );
    expect(years).toEqual([2023, 2024, 2025]);
    expect(proposalExplanation(rule, merit3, years!)).toContain(
      '2023、2024、2025 年度考核均为优秀，按“年度考核连续 3 年为优秀的，提名记三等功”',
    );
  });

  it('a gap (2024 称职) breaks the run', () => {
    expect(
      proposalYears(
        rule,
        [
          { year: 2023, gradeName: '优秀' },
          { year: 2024, gradeName: '称职' },
          { year: 2025, gradeName: '优秀' },
        ],
        2026,
      ),
    ).toBeNull();
  });

  it('two years are not three', () => {
    expect(
      proposalYears(
        rule,
        [
          { year: 2024, gradeName: '优秀' },
          { year: 2025, gradeName: '优秀' },
        ],
        2026,
      ),
    ).toBeNull();
  });

  it('a run ending two years before the batch does not count', () => {
    expect(
      proposalYears(
        rule,
        [
          { year: 2022, gradeName: '优秀' },
          { year: 2023, gradeName: '优秀' },
          { year: 2024, gradeName: '优秀' },
        ],
        2026,
      ),
    ).toBeNull();
  });
});
