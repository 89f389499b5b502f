import { addMonths } from '../eligibility/dates.ts';

/**
 * 结对帮扶的年度评议 (R-CARE-6): a pairing is reviewed every `everyMonths` months (the pack's
 * `care.pairingReviewEveryMonths`) counted from its start, then from its last review. Dates are
 * `YYYY-MM-DD`; a month without the start's day gives its last day (2026-01-31 + 1 month = 2026-02-28).
 */
export type PairingReviewState = 'ok' | 'due' | 'overdue';

export function pairingReviewDue(
  startedOn: string,
  lastReviewOn: string | null,
  everyMonths: number,
): string {
  return addMonths(lastReviewOn ?? startedOn, everyMonths);
}

/**
 * On `today`: overdue after the due day, due from a month before it (the page's reminder window, not a
 * policy figure), otherwise ok. An ended pairing is not reviewed any more (null).
 */
export function pairingReviewState(
  dueOn: string,
  endedOn: string | null,
  today: string,
): PairingReviewState | null {
  if (endedOn !== null && endedOn <= today) return null;
  if (today > dueOn) return 'overdue';
  return addMonths(today, 1) >= dueOn ? 'due' : 'ok';
}

/** 2026-03-01 开始结对，按丰泽政策包每12个月评议一次，应于2027-03-01前评议 */
export function pairingReviewText(p: {
  startedOn: string;
  lastReviewOn: string | null;
  everyMonths: number;
  dueOn: string;
  packName: string;
}): string {
  const from = p.lastReviewOn ? `${p.lastReviewOn} 上次评议` : `${p.startedOn} 开始结对`;
  return `${from}，按${p.packName}每${p.everyMonths}个月评议一次，应于${p.dueOn}前评议`;
}
