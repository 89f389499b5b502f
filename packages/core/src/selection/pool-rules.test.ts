import { describe, expect, it } from 'vitest';
import type { ConditionSubject } from './condition-match.ts';
import {
  checkPoolEntry,
  monthsAfter,
  nextReviewCycle,
  poolQuotaStatus,
  reviewsText,
  scheduleReviews,
} from './pool-rules.ts';
import { PoolLevelPolicySchema } from './pools-policy.ts';

const villageLevel = PoolLevelPolicySchema.parse({
  kind: 'reserve',
  level: '村(社区)后备干部',
  unitKinds: ['village', 'community'],
  perUnitMin: 2,
  perUnitMax: 3,
  conditions: { ageMax: 40, politicalStatuses: ['中共党员'] },
  reviews: [
    { name: '小考核', everyMonths: 12 },
    { name: '大考核', everyMonths: 36 },
  ],
});

const subject = (over: Partial<ConditionSubject>): ConditionSubject => ({
  orgKind: 'village',
  orgTags: [],
  category: 'village_community',
  rank: '',
  gender: 'female',
  birthDate: '1990-05-01',
  education: '大专',
  politicalStatus: '中共党员',
  tags: [],
  professionalType: false,
  streetOrTownship: false,
  streetLeadership: false,
  townshipSecretary: false,
  grassrootsMonths: 0,
  currentRoleKind: null,
  currentLeadership: false,
  pools: [],
  ...over,
});

describe('checkPoolEntry', () => {
  it('a nominee meeting every condition is met, with the conditions in words', () => {
    const c = checkPoolEntry(villageLevel, subject({}), '2026-11-02');
    expect(c).toEqual({
      met: true,
      unmet: [],
      conditionsText: '年龄 40 岁及以下（41 岁以下），政治面貌为中共党员',
      asOf: '2026-11-02',
      explanation:
        '按2026-11-02的情况，符合后备干部（村(社区)后备干部）的条件（年龄 40 岁及以下（41 岁以下），政治面貌为中共党员）',
    });
  });

  it('names each clause not met: 41 on the day (born 1985-11-02) and not a party member', () => {
    const c = checkPoolEntry(
      villageLevel,
      subject({ birthDate: '1985-11-02', politicalStatus: '群众' }),
      '2026-11-02',
    );
    expect(c.met).toBe(false);
    expect(c.unmet).toEqual(['年龄 40 岁及以下（41 岁以下）', '政治面貌为中共党员']);
    expect(c.explanation).toContain(
      '不符合后备干部（村(社区)后备干部）的条件：年龄 40 岁及以下（41 岁以下）；政治面貌为中共党员',
    );
  });

  it('a day before the 41st birthday still meets the age rule', () => {
    expect(checkPoolEntry(villageLevel, subject({ birthDate: '1985-11-03' }), '2026-11-02').met).toBe(true);
  });
});

describe('scheduleReviews (一年一小考核，三年一大考核)', () => {
  it('entry 2026-11-02: 小考核 at 12 and 24 months, only the 大考核 at 36', () => {
    const s = nextReviewCycle(villageLevel.reviews, '2026-11-02', 0);
    expect(s.map((r) => [r.name, r.months, r.dueOn])).toEqual([
      ['小考核', 12, '2027-11-02'],
      ['小考核', 24, '2028-11-02'],
      ['大考核', 36, '2029-11-02'],
    ]);
    expect(s[2]!.explanation).toBe(
      '入库（2026-11-02）后第 36 个月到期，每 36 个月一次；同日到期的小考核由本次大考核代替，不另行组织',
    );
  });

  it('the next cycle after the 大考核: 48, 60, 72 months', () => {
    expect(nextReviewCycle(villageLevel.reviews, '2026-11-02', 36).map((r) => [r.name, r.dueOn])).toEqual([
      ['小考核', '2030-11-02'],
      ['小考核', '2031-11-02'],
      ['大考核', '2032-11-02'],
    ]);
  });

  it('a single yearly review: one at a time; an entry on 31 August falls due on the month end', () => {
    expect(nextReviewCycle([{ name: '年度考核', everyMonths: 12 }], '2027-02-28', 0)).toEqual([
      {
        name: '年度考核',
        months: 12,
        dueOn: '2028-02-28',
        explanation: '入库（2027-02-28）后第 12 个月到期，每 12 个月一次',
      },
    ]);
    expect(scheduleReviews([{ name: '半年考核', everyMonths: 6 }], '2026-08-31', 0, 6)[0]!.dueOn).toBe(
      '2027-02-28',
    );
  });

  it('no reviews: nothing scheduled', () => {
    expect(nextReviewCycle([], '2026-11-02', 0)).toEqual([]);
  });

  it('monthsAfter inverts the schedule', () => {
    expect(monthsAfter('2026-11-02', '2029-11-02')).toBe(36);
    expect(monthsAfter('2026-08-31', '2027-02-28')).toBe(6);
    expect(monthsAfter('2026-11-02', '2027-11-01')).toBe(11);
  });

  it('the schedule in words', () => {
    expect(reviewsText(villageLevel.reviews)).toBe(
      '入库后每 12 个月小考核、每 36 个月大考核；同时到期的只进行大考核',
    );
    expect(reviewsText([{ name: '年度考核', everyMonths: 12 }])).toBe('入库后每 12 个月年度考核');
    expect(reviewsText([])).toBe('政策包未规定定期考核');
  });
});

describe('poolQuotaStatus', () => {
  it('a village with one member under ≥ 2 is short by 1', () => {
    expect(poolQuotaStatus(1, { perUnitMin: 2, perUnitMax: null })).toEqual({
      state: 'short',
      count: 1,
      perUnitMin: 2,
      perUnitMax: null,
      short: 1,
      over: 0,
      full: false,
      text: '还差 1 人',
      explanation: '现有 1 人，每单位不少于 2 人：还差 1 人',
    });
  });

  it('two under ≥ 2 and ≤ 3: 达标, not full; three: full; four: over by 1', () => {
    const q = { perUnitMin: 2, perUnitMax: 3 };
    expect([poolQuotaStatus(2, q).text, poolQuotaStatus(2, q).full]).toEqual(['达标', false]);
    expect(poolQuotaStatus(3, q).full).toBe(true);
    expect(poolQuotaStatus(3, q).explanation).toBe('现有 3 人，每单位不少于 2 人、不多于 3 人：达标');
    expect(poolQuotaStatus(4, q).text).toBe('超出 1 人');
  });

  it('no quota: 不设名额', () => {
    expect(poolQuotaStatus(5, { perUnitMin: null, perUnitMax: null }).text).toBe('不设名额');
    expect(poolQuotaStatus(0, { perUnitMin: null, perUnitMax: null }).state).toBe('none');
  });
});
