import { describe, expect, it } from 'vitest';
import { shippedPacks } from '../policy/shipped-packs.ts';
import {
  burdenSummaryOf,
  changePercent,
  checkInspection,
  checkRegisterDates,
  overtimeDistributionOf,
  type InspectionCheck,
} from './register-rules.ts';

const fengze = shippedPacks().find((p) => p.id === 'fengze')!;
const inspections = fengze.burden!.inspections;

describe('changePercent (Hongdong: meetings −23.5%, time −10.8%, documents −28.4%, inspections −38%)', () => {
  it('gives the figures from plain counts', () => {
    expect(changePercent(153, 200)).toBe(-23.5); // −47 ÷ 200 = −0.235
    expect(changePercent(10704, 12000)).toBe(-10.8); // −1296 ÷ 12000 = −0.108
    expect(changePercent(68, 95)).toBe(-28.4); // −27 ÷ 95 = −0.28421… → −28.4
    expect(changePercent(31, 50)).toBe(-38); // −19 ÷ 50 = −0.38
  });
  it('rounds half away from zero, keeps increases positive, null when last year had none', () => {
    expect(changePercent(1, 8)).toBe(-87.5);
    expect(changePercent(2001, 2000)).toBe(0.1); // 0.05% → 0.1
    expect(changePercent(1999, 2000)).toBe(-0.1); // −0.05% → −0.1
    expect(changePercent(3, 2)).toBe(50);
    expect(changePercent(5, 5)).toBe(0);
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(0, 4)).toBe(-100);
  });
});

describe('burdenSummaryOf', () => {
  it('explains both years and the formula', () => {
    const s = burdenSummaryOf(
      2026,
      { meetings: 153, meetingMinutes: 10704, documents: 68, inspections: 31 },
      { meetings: 200, meetingMinutes: 12000, documents: 95, inspections: 50 },
      '全区',
    );
    expect(s).toEqual({
      year: 2026,
      meetings: 153,
      meetingMinutes: 10704,
      documents: 68,
      inspections: 31,
      changeVsLastYear: { meetings: -23.5, meetingMinutes: -10.8, documents: -28.4, inspections: -38 },
      explanation:
        '全区2026 年登记簿：会议 153 次（2025 年 200 次，−23.5%）、会议时长 10704 分钟（2025 年 12000 分钟，−10.8%）、文件 68 件（2025 年 95 件，−28.4%）、督查检查考核 31 项（2025 年 50 项，−38.0%）。增减率 =（本年 − 上年）÷ 上年 × 100%，保留一位小数（四舍五入），负数为减少；计入组织或发文单位在本范围内、或对象单位在本范围内的登记事项',
    });
  });
  it('has no change where last year had nothing', () => {
    const s = burdenSummaryOf(
      2026,
      { meetings: 2, meetingMinutes: 90, documents: 0, inspections: 0 },
      { meetings: 0, meetingMinutes: 0, documents: 0, inspections: 0 },
      '',
    );
    expect(s.changeVsLastYear).toEqual({
      meetings: null,
      meetingMinutes: null,
      documents: null,
      inspections: null,
    });
    expect(s.explanation).toContain('会议 2 次（2025 年 0 次，上年无，不计增减）');
  });
});

describe('checkInspection (Fengze: 30 a year, 2 per organiser per unit, veto on streets needs 省委、省政府批准)', () => {
  const base: InspectionCheck = {
    packName: fengze.name,
    section: inspections,
    year: 2026,
    yearCount: 10,
    organiserName: '区农业农村局',
    targets: [{ name: '东海街道', kind: 'street', fromOrganiser: 0 }],
    veto: false,
    hasVetoApproval: false,
    hasOverPlanApproval: false,
  };
  it('accepts an item within the plan', () => {
    expect(checkInspection(base)).toEqual({
      problem: null,
      explanation: '年度计划总量 30 项，本项为第 11 项',
    });
  });
  it('refuses a veto item on a street without the provincial approval', () => {
    const v = checkInspection({ ...base, veto: true });
    expect(v.problem).toBe('INSPECTION_VETO_NOT_APPROVED');
    expect(v.explanation).toBe(
      `该事项设一票否决，对象含东海街道；按${fengze.name}，对街道的一票否决事项须经省委、省政府批准并登记批准文号和日期，未登记批准的不予登记`,
    );
    expect(checkInspection({ ...base, veto: true, hasVetoApproval: true }).problem).toBeNull();
    // a veto item on a department (not a street) needs no approval
    expect(
      checkInspection({
        ...base,
        veto: true,
        targets: [{ name: '区财政局', kind: 'department', fromOrganiser: 0 }],
      }).problem,
    ).toBeNull();
  });
  it('refuses the 31st item of the year without the over-plan approval, accepts it with one', () => {
    const v = checkInspection({ ...base, yearCount: 30 });
    expect(v).toEqual({
      problem: 'INSPECTION_OVER_PLAN',
      explanation: `全区2026年度已登记 30 项，已达计划总量 30 项（${fengze.name}），超出计划的事项须经区委统筹批准并登记批准文号和日期`,
    });
    const ok = checkInspection({ ...base, yearCount: 30, hasOverPlanApproval: true });
    expect(ok.problem).toBeNull();
    expect(ok.explanation).toBe(
      `年度计划总量 30 项，本项为第 31 项；全区2026年度已登记 30 项，已达计划总量 30 项（${fengze.name}），超出计划，已登记区委统筹批准`,
    );
    expect(checkInspection({ ...base, yearCount: 29 }).problem).toBeNull();
  });
  it('refuses a third item from one organiser on one unit', () => {
    const v = checkInspection({ ...base, targets: [{ name: '东海街道', kind: 'street', fromOrganiser: 2 }] });
    expect(v).toEqual({
      problem: 'INSPECTION_TOO_FREQUENT',
      explanation: `区农业农村局2026年度已对东海街道开展 2 项，已达同一单位对同一对象每年 2 项的上限（${fengze.name}），再开展须经区委统筹批准并登记批准文号和日期`,
    });
    expect(
      checkInspection({ ...base, targets: [{ name: '东海街道', kind: 'street', fromOrganiser: 1 }] }).problem,
    ).toBeNull();
  });
  it('sets no total and no veto rule where the pack has none (Jinan)', () => {
    const jinan = shippedPacks().find((p) => p.id === 'jinan')!;
    const v = checkInspection({ ...base, section: jinan.burden!.inspections, yearCount: 500, veto: true });
    expect(v).toEqual({ problem: null, explanation: '未设年度总量' });
  });
});

describe('overtimeDistributionOf (Fengze bands 5/10/20/40/60, 3 months)', () => {
  it('counts per band, mean and max from plain values', () => {
    // 10 cadres: 2+4+7+9+12+15+18+25+45+92 = 229 → mean 22.9, max 92
    const d = overtimeDistributionOf(
      [2, 4, 7, 9, 12, 15, 18, 25, 45, 92],
      [5, 10, 20, 40, 60],
      3,
      '2026-08-02',
      '2026-11-02',
      '丰泽',
    );
    expect(d.cadres).toBe(10);
    expect(d.totalTimes).toBe(229);
    expect(d.mean).toBe(22.9);
    expect(d.max).toBe(92);
    expect(d.bands.map((b) => [b.label, b.count])).toEqual([
      ['5次及以下', 2],
      ['6–10次', 2],
      ['11–20次', 3],
      ['21–40次', 1],
      ['41–60次', 1],
      ['60次以上', 1],
    ]);
    expect(d.explanation).toBe(
      '2026-08-02 至 2026-11-02（3个月，丰泽规定的统计期）加班登记涉及 10 人，共 229 次；3个月内平均加班22.9次（229 ÷ 10，保留一位小数），最高92次',
    );
  });
  it('reproduces Jinan’s 16.1 mean and 92 max', () => {
    // 7 cadres: 92 + 5 × 3 + 6 = 113 → 113 ÷ 7 = 16.14… → 16.1
    const d = overtimeDistributionOf(
      [92, 3, 3, 3, 3, 3, 6],
      [5, 10, 20, 40, 60],
      3,
      '2026-08-02',
      '2026-11-02',
      '',
    );
    expect(d.mean).toBe(16.1);
    expect(d.max).toBe(92);
  });
  it('is empty without entries', () => {
    const d = overtimeDistributionOf([], [5], 3, '2026-08-02', '2026-11-02', 'P');
    expect(d).toMatchObject({ cadres: 0, mean: null, max: null });
    expect(d.bands.map((b) => b.count)).toEqual([0, 0]);
  });
});

describe('checkRegisterDates', () => {
  it('refuses a future date and an end before the start', () => {
    expect(checkRegisterDates('2026-11-02', null, '2026-11-02')).toBeNull();
    expect(checkRegisterDates('2026-11-03', null, '2026-11-02')).toBe('BURDEN_REGISTER_DATE');
    expect(checkRegisterDates('2026-10-02', '2026-10-01', '2026-11-02')).toBe('BURDEN_REGISTER_DATE');
    expect(checkRegisterDates('2026-10-02', '2026-10-05', '2026-11-02')).toBeNull();
  });
});
