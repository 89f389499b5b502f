import { addMonths } from '../eligibility/dates.ts';

/**
 * 困难帮扶 and 因公殉职家属 (R-CARE-3): while a case is open a visit or follow-up is due the pack's
 * `followUpEveryMonths` after the last one (after the opening when there is none yet).
 */

export type AidProblem =
  'CARE_AID_KIND_UNKNOWN' | 'CARE_AID_ITEM_UNKNOWN' | 'CARE_AID_CLOSED' | 'CARE_AID_DATE';

export const AID_PROBLEM_TEXT: Record<AidProblem, string> = {
  CARE_AID_KIND_UNKNOWN: '政策包中没有这一帮扶类别',
  CARE_AID_ITEM_UNKNOWN: '该帮扶类别的事项清单中没有这一项',
  CARE_AID_CLOSED: '该帮扶事项已结束，不能再修改',
  CARE_AID_DATE: '日期有误：不能晚于今天，也不能早于立案日期',
};

/** The date of the next follow-up and its explanation. */
export function nextFollowUp(
  openedOn: string,
  lastVisitOn: string | null,
  everyMonths: number,
  kindName: string,
  packName: string,
): { dueOn: string; explanation: string } {
  const from = lastVisitOn ?? openedOn;
  const dueOn = addMonths(from, everyMonths);
  return {
    dueOn,
    explanation: `${lastVisitOn ? `上次走访回访 ${lastVisitOn}` : `${openedOn} 立案`}，${packName}规定${kindName}每${everyMonths}个月走访回访一次，下次应于 ${dueOn} 前`,
  };
}

/** A date in the past (not after today) and not before the case opened. */
export function checkAidDate(date: string, today: string, openedOn?: string): AidProblem | null {
  if (date > today) return 'CARE_AID_DATE';
  if (openedOn && date < openedOn) return 'CARE_AID_DATE';
  return null;
}
