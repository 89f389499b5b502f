import { addMonths } from '../eligibility/dates.ts';
import type { PracticeRating } from '../contracts/training-practice.ts';

/**
 * 实战历练 (R-TRN-4): the pure rules of a practice posting — its default end from the pack's months, its
 * status on a day, and the refusals with their problem codes and Chinese messages.
 */

export type PracticeProblem =
  'PRACTICE_END_BEFORE_START' | 'PRACTICE_NOT_ENDED' | 'PRACTICE_ACTIVITY_FUTURE' | 'STATION_PERIOD';

export const PRACTICE_PROBLEM_TEXT: Record<PracticeProblem, string> = {
  PRACTICE_END_BEFORE_START: '历练结束日期不能早于开始日期',
  PRACTICE_NOT_ENDED: '历练期满后才能登记历练成效',
  PRACTICE_ACTIVITY_FUTURE: '活动日期不能晚于今天',
  STATION_PERIOD: '考评期间的结束日期不能早于开始日期',
};

export const PRACTICE_RATING_TEXT: Record<PracticeRating, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

function previousDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/**
 * The default last day of a posting of `months` months from `startedOn`: the day before the same day that
 * many months on (12 months from 2025-03-01 end on 2026-02-28; 6 from 2025-08-31 end on 2026-02-27).
 */
export function defaultPracticeEnd(startedOn: string, months: number): string {
  return previousDay(addMonths(startedOn, months));
}

export function practiceStatus(
  p: { startedOn: string; endsOn: string },
  today: string,
): 'planned' | 'current' | 'ended' {
  if (p.startedOn > today) return 'planned';
  return p.endsOn < today ? 'ended' : 'current';
}

export function checkPracticeDates(startedOn: string, endsOn: string): PracticeProblem | null {
  return endsOn < startedOn ? 'PRACTICE_END_BEFORE_START' : null;
}

/** The outcome is recorded once the posting is over: its last day is today or before. */
export function checkPracticeOutcome(endsOn: string, today: string): PracticeProblem | null {
  return endsOn > today ? 'PRACTICE_NOT_ENDED' : null;
}

/**
 * Has a posting (of one of `kinds`, started within `withinYears` years of `asOf`): started on or before
 * `asOf` and, with withinYears, on or after the same day withinYears years earlier. The judge of the
 * CadreCondition clause `practice`.
 */
export function hasPracticeWithin(
  postings: readonly { kind: string; startedOn: string }[],
  clause: { kinds?: readonly string[]; withinYears?: number },
  asOf: string,
): boolean {
  const from = clause.withinYears !== undefined ? addMonths(asOf, -12 * clause.withinYears) : null;
  return postings.some(
    (p) =>
      p.startedOn <= asOf &&
      (from === null || p.startedOn >= from) &&
      (!clause.kinds || clause.kinds.includes(p.kind)),
  );
}
