import { describe, expect, it } from 'vitest';
import { shippedPacks } from '../policy/shipped-packs.ts';
import {
  creditOf,
  judgeCadre,
  judgeRequirement,
  requirementText,
  type TrainingFacts,
} from './programme-rules.ts';

const packs = shippedPacks();
const fengze = packs.find((p) => p.id === 'fengze')!;
const hongdong = packs.filter((p) => p.id === 'hongdong').at(-1)!;
const kindNames = (p: typeof fengze) =>
  Object.fromEntries(p.training!.programmeKinds.map((k) => [k.id, k.name]));
const bit = (...months: number[]) => months.reduce((m, n) => m | (1 << (n - 1)), 0);

describe('credit', () => {
  it('12 学时 at the pack’s 8 hours a day is 1.5 days, explained', () => {
    expect(fengze.training!.hoursPerDay).toBe(8);
    expect(creditOf({ hours: 12 }, 8, fengze.name)).toEqual({
      days: 1.5,
      explanation: '12学时 ÷ 政策包“丰泽区街道干部考核”每天8学时 = 1.5天',
    });
    expect(creditOf({ days: 2.5 }, 8, fengze.name)?.days).toBe(2.5);
    expect(creditOf({}, 8, fengze.name)).toBeNull();
    expect(creditOf({ days: 1, hours: 8 }, 8, fengze.name)).toBeNull();
  });
});

describe('Fengze: street cadres ≥ 12 days, warned from 1 October', () => {
  const section = fengze.training!;
  const days = section.requirements.find((r) => r.measure === 'days')!;
  const special = section.requirements.find((r) => r.measure === 'programmes')!;
  const ctx = (asOf: string) => ({ year: 2026, asOf, packName: fengze.name, kindNames: kindNames(fengze) });
  // 9.5 days: a special programme of 5 days and 4.5 days of party school
  const facts: TrainingFacts = {
    special: { days: 5, programmes: 1, months: bit(4) },
    party_school: { days: 4.5, programmes: 1, months: bit(6) },
  };

  it('9.5 days on 2026-10-01: short by 12 − 9.5 = 2.5 days, warned', () => {
    expect(days.min).toBe(12);
    expect(days.warnFrom).toBe('10-01');
    const j = judgeRequirement(days, facts, ctx('2026-10-01'));
    expect(j).toMatchObject({ actual: 9.5, required: 12, shortfall: 2.5, met: false, warning: true });
    expect(j.explanation).toBe(
      '截至10月1日参训9.5天，政策包“丰泽区街道干部考核”要求街道干部每年不少于12天，还差2.5天',
    );
  });

  it('the day before 1 October the shortfall shows but no warning yet', () => {
    const j = judgeRequirement(days, facts, ctx('2026-09-30'));
    expect(j).toMatchObject({ shortfall: 2.5, met: false, warning: false });
    expect(j.explanation).toContain('（10月1日起提醒）');
  });

  it('the cadre line: days 9.5, required 12, shortfall 2.5; the special programme is met', () => {
    const line = judgeCadre(section.requirements, facts, ctx('2026-10-01'));
    expect(line).toMatchObject({
      days: 9.5,
      required: 12,
      shortfall: 2.5,
      programmes: 2,
      met: false,
      warning: true,
    });
    expect(line.judgements.map((j) => [j.requirementId, j.met])).toEqual([
      ['street_days', false],
      ['street_special', true],
    ]);
  });

  it('no special programme: short by 1 programme', () => {
    const j = judgeRequirement(
      special,
      { party_school: { days: 12, programmes: 2, months: bit(3) } },
      ctx('2026-10-01'),
    );
    expect(j).toMatchObject({ actual: 0, required: 1, shortfall: 1, warning: true });
    expect(j.explanation).toBe(
      '截至10月1日参加专题培训班0个，政策包“丰泽区街道干部考核”要求街道干部每年至少参加1个，还差1个',
    );
  });

  it('requirement texts', () => {
    expect(requirementText(days, kindNames(fengze))).toBe('街道干部每年参加培训不少于12天，10月1日起提醒');
  });
});

describe('Hongdong: township cadres trained every 3 months (special or party school), warned 15 days before', () => {
  const r = hongdong.training!.requirements.find((x) => x.measure === 'everyPeriod')!;
  const ctx = (asOf: string) => ({
    year: 2026,
    asOf,
    packName: hongdong.name,
    kindNames: kindNames(hongdong),
  });

  it('trained in Q1 and Q3 but not Q2: Q2 flagged on 2026-11-02; Q4 still open, not yet in its warning window', () => {
    expect(r).toMatchObject({ periodMonths: 3, warnDaysBefore: 15 });
    const j = judgeRequirement(
      r,
      { special: { days: 2, programmes: 2, months: bit(2, 8) } },
      ctx('2026-11-02'),
    );
    expect(j.periods!.map((p) => p.state)).toEqual(['met', 'missed', 'met', 'open']);
    expect(j).toMatchObject({ required: 4, actual: 2, shortfall: 1, met: false, warning: true });
    expect(j.explanation).toContain('第2季度（4月1日至6月30日）未参训');
  });

  it('trained in every quarter so far: not flagged', () => {
    const j = judgeRequirement(
      r,
      { party_school: { days: 4, programmes: 4, months: bit(1, 5, 9, 10) } },
      ctx('2026-11-02'),
    );
    expect(j).toMatchObject({ actual: 4, shortfall: 0, met: true, warning: false });
  });

  it('Q4 without training is warned from 12-31 − 15 days = 12-16, not on 12-15', () => {
    const facts = { special: { days: 3, programmes: 3, months: bit(1, 4, 7) } };
    expect(judgeRequirement(r, facts, ctx('2026-12-15'))).toMatchObject({ warning: false, met: true });
    const j = judgeRequirement(r, facts, ctx('2026-12-16'));
    expect(j).toMatchObject({ warning: true, met: false, shortfall: 0 });
    expect(j.explanation).toContain('第4季度将于12月31日结束，尚未参训');
  });

  it('a lecture (大讲堂) does not count for the quarterly requirement', () => {
    const j = judgeRequirement(
      r,
      { lecture: { days: 4, programmes: 4, months: bit(1, 4, 7, 10) } },
      ctx('2026-11-02'),
    );
    expect(j.periods!.map((p) => p.state)).toEqual(['missed', 'missed', 'missed', 'open']);
    expect(j.shortfall).toBe(3);
  });
});
