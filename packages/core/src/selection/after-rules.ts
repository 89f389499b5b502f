import { addMonths } from '../eligibility/dates.ts';
import type { AfterDueState } from '../contracts/selection/after.ts';
import type { ExchangeKindSchema, PostReviewPolicySchema, UnfitMeasureSchema } from './after-policy.ts';
import type { z } from 'zod';

/**
 * After appointment (R-SEL-3) and exchanges (R-SEL-6), pure: the dates the pack sets (a review the pack's
 * months after the appointment, a measure's result its term after its start, a posting's usual end), each
 * with the sentence that explains it, where a dated item stands today, and the problems that refuse a write.
 */

type PostReviewPolicy = z.infer<typeof PostReviewPolicySchema>;
type UnfitMeasure = z.infer<typeof UnfitMeasureSchema>;
type ExchangeKind = z.infer<typeof ExchangeKindSchema>;

export interface ExplainedDate {
  date: string;
  explanation: string;
}

/** The calendar day before `date` (`YYYY-MM-DD`). */
export function dayBefore(date: string): string {
  const t = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) - 1),
  );
  return t.toISOString().slice(0, 10);
}

/** 任后评估: due `afterMonths` after the appointment (2026-01-15 + 12 months = 2027-01-15). */
export function postReviewDue(
  appointedOn: string,
  policy: PostReviewPolicy,
  packName: string,
): ExplainedDate {
  const date = addMonths(appointedOn, policy.afterMonths);
  return {
    date,
    explanation: `${appointedOn} 任职，按政策包“${packName}”任职满 ${policy.afterMonths} 个月开展任后评估，应于 ${date} 前完成`,
  };
}

/** 不胜任措施: its result due `termMonths` after the start (回炉锻造 6 months from 2026-06-01 = 2026-12-01). */
export function unfitMeasureDue(startOn: string, measure: UnfitMeasure, packName: string): ExplainedDate {
  const date = addMonths(startOn, measure.termMonths);
  return {
    date,
    explanation: `${startOn} 起${measure.name}，按政策包“${packName}”期限 ${measure.termMonths} 个月，应于 ${date} 作出结果`,
  };
}

/** 交流挂职: the usual last day, `defaultMonths` from the start (挂职 12 months from 2026-03-01 = 2027-02-28). */
export function exchangeDefaultEnd(startOn: string, kind: ExchangeKind, packName: string): ExplainedDate {
  const date = dayBefore(addMonths(startOn, kind.defaultMonths));
  return {
    date,
    explanation: `${startOn} 起${kind.name}，按政策包“${packName}”一般为 ${kind.defaultMonths} 个月，至 ${date}`,
  };
}

/** The last day of the month after `today`'s: what falls due by then is 即将到期. */
export function dueSoonLimit(today: string): string {
  return dayBefore(addMonths(`${today.slice(0, 7)}-01`, 2));
}

/** Where an item due on `dueOn` stands today: done, overdue (due before today), due soon (by the end of next month), scheduled. */
export function dueStateOf(dueOn: string, done: boolean, today: string): AfterDueState {
  if (done) return 'done';
  if (dueOn < today) return 'overdue';
  if (dueOn <= dueSoonLimit(today)) return 'due_soon';
  return 'scheduled';
}

/** The problems that refuse a write of `after/`, each with its Chinese message. */
export const AFTER_PROBLEMS = [
  'AFTER_NO_POLICY',
  'AFTER_DATE_FUTURE',
  'AFTER_DATE_BEFORE_START',
  'AFTER_UNKNOWN_MEASURE',
  'AFTER_UNKNOWN_EXCHANGE_KIND',
  'AFTER_MEASURE_REQUIRED',
  'AFTER_MEASURE_NOT_UNFIT',
  'AFTER_ALREADY_DONE',
  'AFTER_NO_SCHEME',
  'AFTER_HOST_IS_HOME',
  'AFTER_CADRE_TWICE',
] as const;
export type AfterProblem = (typeof AFTER_PROBLEMS)[number];

export const AFTER_PROBLEM_TEXT: Record<AfterProblem, string> = {
  AFTER_NO_POLICY: '政策包没有任后评估、不胜任措施或交流挂职的规定',
  AFTER_DATE_FUTURE: '日期不能晚于今天',
  AFTER_DATE_BEFORE_START: '日期不能早于开始（任职）日期',
  AFTER_UNKNOWN_MEASURE: '政策包没有该项不胜任干部措施',
  AFTER_UNKNOWN_EXCHANGE_KIND: '政策包没有该类交流挂职',
  AFTER_MEASURE_REQUIRED: '评估结论为“不胜任”时须同时确定调整措施',
  AFTER_MEASURE_NOT_UNFIT: '只有评估结论为“不胜任”时才确定调整措施',
  AFTER_ALREADY_DONE: '该事项已办结，不能再修改',
  AFTER_NO_SCHEME: '政策包未规定任后评估方案，请填写已建立的考核轮次',
  AFTER_HOST_IS_HOME: '接收单位与派出单位相同',
  AFTER_CADRE_TWICE: '同一批次中同一干部只能派出一次',
};

/** A date the user gives for something that happened (appointed, started, decided, closed): not after today, not before `notBefore`. */
export function checkPastDate(date: string, today: string, notBefore?: string): AfterProblem | null {
  if (date > today) return 'AFTER_DATE_FUTURE';
  if (notBefore && date < notBefore) return 'AFTER_DATE_BEFORE_START';
  return null;
}

/** 评估结论: a measure exactly when the outcome is 不胜任. */
export function checkOutcome(outcome: string, hasMeasure: boolean): AfterProblem | null {
  if (outcome === 'unfit' && !hasMeasure) return 'AFTER_MEASURE_REQUIRED';
  if (outcome !== 'unfit' && hasMeasure) return 'AFTER_MEASURE_NOT_UNFIT';
  return null;
}

/** A batch: each cadre once, never hosted by the unit that sends them. */
export function checkBatch(
  postings: readonly { cadreId: string; hostOrgId: string; homeOrgId: string }[],
): AfterProblem | null {
  const seen = new Set<string>();
  for (const p of postings) {
    if (seen.has(p.cadreId)) return 'AFTER_CADRE_TWICE';
    seen.add(p.cadreId);
    if (p.hostOrgId === p.homeOrgId) return 'AFTER_HOST_IS_HOME';
  }
  return null;
}
