import type { PartialDate } from '../cadre/model.ts';
import { yearsOfWork } from '../cadre/derived-facts.ts';
import type { LeavePolicy } from './policy.ts';

/**
 * 休假 (R-CARE-2): paid annual leave by years of service from the pack's steps (《职工带薪年休假条例》第三条 as
 * pack data), recuperation leave (疗休养) within the pack's length and, where the pack says so (Jinan), not
 * counted against annual leave; the balance is the entitlement less the annual days taken in the year.
 */

export const LEAVE_KINDS = ['annual', 'recuperation', 'other'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

export const LEAVE_KIND_TEXT: Record<LeaveKind, string> = {
  annual: '年休假',
  recuperation: '疗休养',
  other: '其他假',
};

/** A source of the pack as cited in an explanation: 《职工带薪年休假条例》第三条 (the year in brackets left off). */
export function citeSource(source: unknown): string {
  if (!source || typeof source !== 'object') return '';
  const s = source as Record<string, unknown>;
  if (typeof s.regulation === 'string')
    return `${s.regulation.replace(/（\d{4}）$/, '')}${typeof s.article === 'string' ? s.article : ''}`;
  if (typeof s.seed === 'string') return `种子${s.seed}`;
  if (typeof s.assumed === 'string') return '假设';
  return '';
}

export interface Entitlement {
  /** whole years of service on 1 January of the year; null without 参加工作时间 */
  years: number | null;
  /** days of paid annual leave; null when it cannot be computed */
  days: number | null;
  explanation: string;
}

/**
 * Days of paid annual leave for the year: years of service counted on 1 January of the year (the step
 * reached then applies the whole year), the highest step of the pack reached.
 */
export function annualEntitlement(
  workStartDate: PartialDate | null,
  year: number,
  policy: LeavePolicy,
  cite: string,
): Entitlement {
  const ref = cite ? `（${cite}）` : '';
  if (workStartDate === null)
    return {
      years: null,
      days: null,
      explanation: '未填写参加工作时间，无法计算年休假天数，请在干部档案中补充',
    };
  const asOf = `${year}-01-01`;
  const years = yearsOfWork(workStartDate, asOf);
  const steps = policy.annual;
  let index = -1;
  steps.forEach((s, i) => {
    if (years >= s.minYears) index = i;
  });
  if (index < 0) {
    const first = steps[0]!;
    return {
      years,
      days: 0,
      explanation: `截至 ${asOf} 参加工作${years}年，不满${first.minYears}年，无年休假${ref}`,
    };
  }
  const step = steps[index]!;
  const next = steps[index + 1];
  const range = next ? `满${step.minYears}年不满${next.minYears}年` : `已满${step.minYears}年`;
  return {
    years,
    days: step.days,
    explanation: `参加工作${years}年，${range}，年休假${step.days}天${ref}`,
  };
}

export type LeaveProblem =
  | 'CARE_LEAVE_DATES'
  | 'CARE_LEAVE_NO_RECUPERATION'
  | 'CARE_LEAVE_RECUPERATION_LENGTH'
  | 'CARE_LEAVE_OVER_BALANCE'
  | 'CARE_LEAVE_NO_ENTITLEMENT'
  | 'CARE_LEAVE_OVERLAP';

export const LEAVE_PROBLEM_TEXT: Record<LeaveProblem, string> = {
  CARE_LEAVE_DATES: '休假日期有误：结束日期不能早于开始日期，且须在同一年度内',
  CARE_LEAVE_NO_RECUPERATION: '本地政策包未规定疗休养，不能登记疗休养',
  CARE_LEAVE_RECUPERATION_LENGTH: '疗休养天数不在政策包规定的范围内',
  CARE_LEAVE_OVER_BALANCE: '年休假天数超过本年度剩余天数',
  CARE_LEAVE_NO_ENTITLEMENT: '无法确定该干部的年休假天数（未填写参加工作时间）',
  CARE_LEAVE_OVERLAP: '该期间与已登记的休假重叠',
};

/** Calendar days from start to end, both counted. */
export function calendarDays(startOn: string, endOn: string): number {
  return Math.round((Date.parse(`${endOn}T00:00:00Z`) - Date.parse(`${startOn}T00:00:00Z`)) / 86_400_000) + 1;
}

export interface LeaveCheckInput {
  kind: LeaveKind;
  startOn: string;
  endOn: string;
  /** working days in the period (the calendar's), for annual leave */
  workingDays: number;
  /** the year's entitlement and the annual days already taken (without this record) */
  entitled: number | null;
  takenAnnual: number;
}

export interface LeaveCheck {
  problem: LeaveProblem | null;
  /** days the record counts: working days for annual leave, calendar days otherwise */
  days: number;
  /** whether its days come off the annual leave balance */
  countsAgainstAnnual: boolean;
  explanation: string;
  details: Record<string, unknown>;
}

/**
 * A leave record against the pack: its days (annual leave in working days of the calendar; recuperation and
 * other leave in calendar days), recuperation within minDays..maxDays and only where the pack has it, annual
 * days within the balance.
 */
export function checkLeave(input: LeaveCheckInput, policy: LeavePolicy, packName: string): LeaveCheck {
  const none = (problem: LeaveProblem, details: Record<string, unknown> = {}): LeaveCheck => ({
    problem,
    days: 0,
    countsAgainstAnnual: false,
    explanation: LEAVE_PROBLEM_TEXT[problem],
    details,
  });
  if (input.endOn < input.startOn || input.startOn.slice(0, 4) !== input.endOn.slice(0, 4))
    return none('CARE_LEAVE_DATES');
  const span = `${input.startOn} 至 ${input.endOn}`;
  if (input.kind === 'recuperation') {
    const rec = policy.recuperation;
    if (!rec) return none('CARE_LEAVE_NO_RECUPERATION', { packName });
    const days = calendarDays(input.startOn, input.endOn);
    if (days < rec.minDays || days > rec.maxDays)
      return {
        ...none('CARE_LEAVE_RECUPERATION_LENGTH', { days, minDays: rec.minDays, maxDays: rec.maxDays }),
        explanation: `疗休养${days}天，${packName}规定为${rec.minDays}至${rec.maxDays}天`,
      };
    return {
      problem: null,
      days,
      countsAgainstAnnual: rec.countsAgainstAnnual,
      explanation: `${span} 疗休养${days}天（${packName}规定${rec.minDays}至${rec.maxDays}天），${
        rec.countsAgainstAnnual ? '计入年休假' : '不计入年休假'
      }`,
      details: {},
    };
  }
  if (input.kind === 'other') {
    const days = calendarDays(input.startOn, input.endOn);
    return {
      problem: null,
      days,
      countsAgainstAnnual: false,
      explanation: `${span} 其他假${days}天，不计入年休假`,
      details: {},
    };
  }
  if (input.workingDays < 1) return none('CARE_LEAVE_DATES');
  if (input.entitled === null) return none('CARE_LEAVE_NO_ENTITLEMENT');
  const left = input.entitled - input.takenAnnual;
  if (input.workingDays > left)
    return {
      ...none('CARE_LEAVE_OVER_BALANCE', { days: input.workingDays, balance: left }),
      explanation: `年休假${input.workingDays}个工作日，超过本年度剩余${left}天（应休${input.entitled}天，已休${input.takenAnnual}天）`,
    };
  return {
    problem: null,
    days: input.workingDays,
    countsAgainstAnnual: true,
    explanation: `${span} 年休假${input.workingDays}个工作日（按工作日历计，节假日和休息日不计）`,
    details: {},
  };
}

/** The balance (entitled − annual days taken), explained. */
export function leaveBalance(
  ent: Entitlement,
  takenAnnual: number,
  recuperationDays: number,
  recuperationCounts: boolean,
): { balance: number | null; explanation: string } {
  if (ent.days === null) return { balance: null, explanation: ent.explanation };
  const balance = ent.days - takenAnnual;
  const rec =
    recuperationDays > 0
      ? `；疗休养${recuperationDays}天${recuperationCounts ? '已计入年休假' : '不计入年休假'}`
      : '';
  return {
    balance,
    explanation: `${ent.explanation}；已休年休假${takenAnnual}天，剩余${balance}天${rec}`,
  };
}
