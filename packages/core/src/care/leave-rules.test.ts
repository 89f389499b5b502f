import { describe, expect, it } from 'vitest';
import { shippedPack } from '../pay/test-fixtures.ts';
import { annualEntitlement, checkLeave, citeSource, leaveBalance } from './leave-rules.ts';

const jinan = shippedPack('jinan', '2026-11-02');
const fengze = shippedPack('fengze', '2026-11-02');
const leave = jinan.care!.leave;
const cite = citeSource(jinan.sources['/care/leave/annual']);

describe('annual leave entitlement (《职工带薪年休假条例》第三条 as pack steps 1/10/20 years → 5/10/15 days)', () => {
  it('12 years of service on 1 January 2026 (started 2013-07, 满12年 on 2025-07-01) → 10 days', () => {
    // 2013-07 → 2026-01-01: 12 whole years; step ≥ 10 years gives 10 days
    expect(annualEntitlement('2013-07', 2026, leave, cite)).toEqual({
      years: 12,
      days: 10,
      explanation: '参加工作12年，满10年不满20年，年休假10天（《职工带薪年休假条例》第三条）',
    });
  });

  it('steps at their edges: 0 years none, 1 → 5, 9 → 5, 20 → 15; the anniversary counts on its day', () => {
    expect(annualEntitlement('2025-03-01', 2026, leave, cite).days).toBe(0);
    expect(annualEntitlement('2025-03-01', 2026, leave, cite).explanation).toBe(
      '截至 2026-01-01 参加工作0年，不满1年，无年休假（《职工带薪年休假条例》第三条）',
    );
    expect(annualEntitlement('2025-01-01', 2026, leave, cite).days).toBe(5);
    expect(annualEntitlement('2016-01-02', 2026, leave, cite).days).toBe(5); // 9 years on 2026-01-01
    expect(annualEntitlement('2016-01-01', 2026, leave, cite).days).toBe(10); // 10 years that day
    expect(annualEntitlement('2006-01', 2026, leave, cite)).toMatchObject({ years: 20, days: 15 });
    expect(annualEntitlement('2006-01', 2026, leave, cite).explanation).toBe(
      '参加工作20年，已满20年，年休假15天（《职工带薪年休假条例》第三条）',
    );
  });

  it('without 参加工作时间 it says so and computes nothing', () => {
    expect(annualEntitlement(null, 2026, leave, cite)).toEqual({
      years: null,
      days: null,
      explanation: '未填写参加工作时间，无法计算年休假天数，请在干部档案中补充',
    });
  });
});

describe('leave records against the pack', () => {
  const base = { entitled: 10, takenAnnual: 0, workingDays: 0 };

  it('Jinan: a 6-day recuperation (5–7 days) does not count against annual leave: balance stays 10', () => {
    // 2026-05-11 (Mon) … 2026-05-16 (Sat): 6 calendar days
    const r = checkLeave(
      { ...base, kind: 'recuperation', startOn: '2026-05-11', endOn: '2026-05-16' },
      leave,
      jinan.name,
    );
    expect(r).toMatchObject({ problem: null, days: 6, countsAgainstAnnual: false });
    expect(r.explanation).toBe(`2026-05-11 至 2026-05-16 疗休养6天（${jinan.name}规定5至7天），不计入年休假`);
    const ent = annualEntitlement('2013-07', 2026, leave, cite);
    expect(leaveBalance(ent, 0, r.days, r.countsAgainstAnnual).balance).toBe(10);
  });

  it('Jinan: a 4-day recuperation is refused (below 5), an 8-day one too (above 7)', () => {
    const four = checkLeave(
      { ...base, kind: 'recuperation', startOn: '2026-05-11', endOn: '2026-05-14' },
      leave,
      jinan.name,
    );
    expect(four.problem).toBe('CARE_LEAVE_RECUPERATION_LENGTH');
    expect(four.explanation).toBe(`疗休养4天，${jinan.name}规定为5至7天`);
    const eight = checkLeave(
      { ...base, kind: 'recuperation', startOn: '2026-05-11', endOn: '2026-05-18' },
      leave,
      jinan.name,
    );
    expect(eight.problem).toBe('CARE_LEAVE_RECUPERATION_LENGTH');
  });

  it('a pack without recuperation (Fengze) refuses the kind with a code', () => {
    expect(fengze.care!.leave.recuperation).toBeNull();
    const r = checkLeave(
      { ...base, kind: 'recuperation', startOn: '2026-05-11', endOn: '2026-05-16' },
      fengze.care!.leave,
      fengze.name,
    );
    expect(r.problem).toBe('CARE_LEAVE_NO_RECUPERATION');
  });

  it('annual leave counts working days and stops at the balance', () => {
    const ok = checkLeave(
      { ...base, takenAnnual: 7, kind: 'annual', startOn: '2026-06-01', endOn: '2026-06-05', workingDays: 3 },
      leave,
      jinan.name,
    );
    expect(ok).toMatchObject({ problem: null, days: 3, countsAgainstAnnual: true });
    const over = checkLeave(
      { ...base, takenAnnual: 8, kind: 'annual', startOn: '2026-06-01', endOn: '2026-06-05', workingDays: 3 },
      leave,
      jinan.name,
    );
    expect(over.problem).toBe('CARE_LEAVE_OVER_BALANCE');
    expect(over.explanation).toBe('年休假3个工作日，超过本年度剩余2天（应休10天，已休8天）');
    const wrong = checkLeave(
      { ...base, kind: 'annual', startOn: '2026-06-05', endOn: '2026-06-01', workingDays: 0 },
      leave,
      jinan.name,
    );
    expect(wrong.problem).toBe('CARE_LEAVE_DATES');
    const acrossYears = checkLeave(
      { ...base, kind: 'other', startOn: '2026-12-30', endOn: '2027-01-02' },
      leave,
      jinan.name,
    );
    expect(acrossYears.problem).toBe('CARE_LEAVE_DATES');
  });
});
