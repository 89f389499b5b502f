import { describe, expect, it } from 'vitest';
import { conditionText, matchCondition, type ConditionSubject } from '../selection/condition-match.ts';
import { CadreConditionSchema } from '../selection/condition.ts';
import {
  checkPracticeDates,
  checkPracticeOutcome,
  defaultPracticeEnd,
  hasPracticeWithin,
  practiceStatus,
} from './practice-rules.ts';

describe('practice postings (实战历练)', () => {
  it("ends the day before the same day the kind's months later", () => {
    // 巡察 6 months (fengze) from 2026-03-01; 攻坚一线 12 months from 2025-03-01; a month without the day
    expect(defaultPracticeEnd('2026-03-01', 6)).toBe('2026-08-31');
    expect(defaultPracticeEnd('2025-03-01', 12)).toBe('2026-02-28');
    expect(defaultPracticeEnd('2025-08-31', 6)).toBe('2026-02-27');
    expect(defaultPracticeEnd('2024-02-29', 12)).toBe('2025-02-27');
  });

  it('is planned before its start, current through its last day, ended after', () => {
    const p = { startedOn: '2026-03-01', endsOn: '2026-11-02' };
    expect(practiceStatus(p, '2026-02-28')).toBe('planned');
    expect(practiceStatus(p, '2026-03-01')).toBe('current');
    expect(practiceStatus(p, '2026-11-02')).toBe('current');
    expect(practiceStatus(p, '2026-11-03')).toBe('ended');
  });

  it('refuses an end before the start and an outcome before the last day', () => {
    expect(checkPracticeDates('2026-03-01', '2026-02-28')).toBe('PRACTICE_END_BEFORE_START');
    expect(checkPracticeDates('2026-03-01', '2026-03-01')).toBeNull();
    expect(checkPracticeOutcome('2026-11-03', '2026-11-02')).toBe('PRACTICE_NOT_ENDED');
    expect(checkPracticeOutcome('2026-11-02', '2026-11-02')).toBeNull();
  });

  it('counts a posting started on or before the day, within the years (the edge day included)', () => {
    const ps = [{ kind: 'inspection_tour', startedOn: '2023-11-02' }];
    expect(hasPracticeWithin(ps, { withinYears: 3 }, '2026-11-02')).toBe(true);
    expect(hasPracticeWithin(ps, { withinYears: 3 }, '2026-11-03')).toBe(false);
    expect(hasPracticeWithin(ps, { kinds: ['frontline'] }, '2026-11-02')).toBe(false);
    expect(hasPracticeWithin(ps, {}, '2023-11-01')).toBe(false);
    expect(hasPracticeWithin([], {}, '2026-11-02')).toBe(false);
  });
});

describe('the CadreCondition clause `practice`', () => {
  const base: ConditionSubject = {
    orgKind: 'department',
    orgTags: [],
    category: null,
    rank: '',
    gender: 'male',
    birthDate: '1990-01',
    education: '',
    politicalStatus: '',
    tags: [],
    professionalType: false,
    streetOrTownship: false,
    streetLeadership: false,
    townshipSecretary: false,
    grassrootsMonths: 0,
    currentRoleKind: null,
    currentLeadership: false,
    pools: [],
  };

  it('is judged from the postings, a subject without any not meeting it', () => {
    const c = CadreConditionSchema.parse({
      practice: { kinds: ['frontline', 'inspection_tour'], withinYears: 2 },
    });
    expect(matchCondition(base, c, '2026-11-02')).toBe(false);
    expect(
      matchCondition(
        { ...base, practices: [{ kind: 'frontline', startedOn: '2024-11-02' }] },
        c,
        '2026-11-02',
      ),
    ).toBe(true);
    expect(
      matchCondition(
        { ...base, practices: [{ kind: 'stability', startedOn: '2025-01-01' }] },
        c,
        '2026-11-02',
      ),
    ).toBe(false);
  });

  it('is put into words with the kinds named', () => {
    expect(conditionText({ practice: {} })).toBe('有实战历练经历');
    expect(
      conditionText({
        orgKinds: ['department'],
        practice: { kinds: ['frontline', 'inspection_tour'], withinYears: 2 },
      }),
    ).toBe('所在单位为区直部门，近 2 年内有实战历练经历（攻坚一线或巡察）');
  });

  it('refuses an unknown field or a zero year count', () => {
    expect(CadreConditionSchema.safeParse({ practice: { years: 2 } }).success).toBe(false);
    expect(CadreConditionSchema.safeParse({ practice: { withinYears: 0 } }).success).toBe(false);
  });
});
