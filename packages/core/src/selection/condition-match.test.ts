import { describe, expect, it } from 'vitest';
import { conditionText, matchCondition, unmetClauses, type ConditionSubject } from './condition-match.ts';

const base: ConditionSubject = {
  orgKind: 'township',
  orgTags: [],
  category: 'comprehensive',
  rank: '正科级',
  gender: 'male',
  birthDate: '1992-03',
  education: '大学',
  politicalStatus: '中共党员',
  tags: [],
  professionalType: false,
  streetOrTownship: true,
  streetLeadership: false,
  townshipSecretary: false,
  grassrootsMonths: 40,
  currentRoleKind: 'government_head',
  currentLeadership: true,
  pools: [],
};

describe('a condition judged on one person', () => {
  it('counts a township head born 1992-03 as under 35 until the month of his 35th birthday', () => {
    const under35 = {
      orgKinds: ['township' as const],
      currentRoleKinds: ['government_head' as const],
      ageMax: 34,
    };
    expect(matchCondition(base, under35, '2027-02-28')).toBe(true); // 34 years 11 months
    expect(matchCondition(base, under35, '2027-03-01')).toBe(false); // 35 on 2027-03-01
    expect(unmetClauses(base, under35, '2027-03-01')).toEqual(['年龄 34 岁及以下（35 岁以下）']);
  });

  it('holds for everyone when empty, and says so', () => {
    expect(matchCondition(base, {}, '2026-11-02')).toBe(true);
    expect(conditionText({})).toBe('全部在职干部');
  });

  it('needs an active membership of the pool at one of the levels', () => {
    const c = { pool: { kind: 'reserve' as const, levels: ['副处级'] } };
    expect(matchCondition(base, c, '2026-11-02')).toBe(false);
    expect(matchCondition({ ...base, pools: [{ kind: 'reserve', level: '正科级' }] }, c, '2026-11-02')).toBe(
      false,
    );
    expect(matchCondition({ ...base, pools: [{ kind: 'reserve', level: '副处级' }] }, c, '2026-11-02')).toBe(
      true,
    );
    expect(conditionText(c)).toBe('在后备干部（副处级）中');
  });

  it('puts the clauses into words in a fixed order', () => {
    expect(
      conditionText({
        orgKinds: ['department'],
        currentLeadership: true,
        streetOrTownship: true,
        grassrootsYearsMin: 2,
      }),
    ).toBe('所在单位为区直部门，有街道或乡镇工作经历，基层工作满 2 年，现任领导职务');
    expect(matchCondition(base, { grassrootsYearsMin: 3.4 }, '2026-11-02')).toBe(false); // 40 < 41 months
    expect(matchCondition(base, { grassrootsYearsMin: 3.3 }, '2026-11-02')).toBe(true); // 40 ≥ 40 months
  });
});
