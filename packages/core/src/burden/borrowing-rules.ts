import { UNIT_KIND_LABELS } from '../cadre/import-columns.ts';
import { addMonths } from '../eligibility/dates.ts';
import type { OrgKind } from '../org/org-kinds.ts';
import type { BorrowingPolicy } from './policy.ts';

/**
 * 借调 (R-BUR-1): whether the pack's rule allows a unit to borrow a cadre. Fengze: a district department
 * (区直机关) may borrow a street cadre only for district-level central work, or for a special task the
 * district committee approved (the approval on record), and for at most `maxMonths` months. A pack
 * without the rule records the request unchecked (and says so).
 */

export type BorrowingProblem =
  | 'BORROWING_NOT_LENDER'
  | 'BORROWING_NOT_BORROWER'
  | 'BORROWING_PURPOSE_NOT_ALLOWED'
  | 'BORROWING_APPROVAL_MISSING'
  | 'BORROWING_TOO_LONG'
  | 'BORROWING_PERIOD';

const kindWords = (kinds: readonly OrgKind[], fallback: string) =>
  kinds.map((k) => (k === 'department' ? '区直机关' : (UNIT_KIND_LABELS[k] ?? fallback))).join('、');

/** The pack's rule in one sentence: 丰泽…：除区委、区政府中心工作或经区委批准的专项工作任务外，区直机关不得借用街道干部. */
export function borrowingRuleText(policy: BorrowingPolicy, packName: string): string {
  const purposes = policy.allowedPurposes
    .map((p) => (p.approvalBy ? `经${p.approvalBy.name}的${p.name}` : p.name))
    .join('或');
  return `${packName}：除${purposes}外，${kindWords(policy.borrowerUnitKinds, '单位')}不得借用${kindWords(policy.lenderUnitKinds, '基层单位')}干部；借调期限不超过${policy.maxMonths}个月`;
}

export interface BorrowingRequestFacts {
  packName: string;
  /** the cadre's lending unit (the nearest unit of a lender kind above or at the cadre's unit), null: none */
  lender: { name: string; kind: OrgKind } | null;
  borrower: { name: string; kind: OrgKind };
  cadreName: string;
  purposeId: string;
  approval: { by: string; reference: string; date: string } | null;
  from: string;
  until: string;
}

export type BorrowingJudgement =
  | { ok: true; purposeName: string; approvalByName: string | null; explanation: string }
  | { ok: false; code: BorrowingProblem; explanation: string };

/** Judge a request under the pack's rule (null: no rule). Every answer names what it rests on. */
export function judgeBorrowing(policy: BorrowingPolicy | null, f: BorrowingRequestFacts): BorrowingJudgement {
  if (f.until < f.from)
    return {
      ok: false,
      code: 'BORROWING_PERIOD',
      explanation: `借调截止日期 ${f.until} 早于开始日期 ${f.from}`,
    };
  const period = `${f.from} 至 ${f.until}`;
  if (!policy) {
    const lender = f.lender ? f.lender.name : '所在单位';
    return {
      ok: true,
      purposeName: f.purposeId,
      approvalByName: null,
      explanation: `${f.packName}未规定借调限制：${f.borrower.name}借用${lender}${f.cadreName}（${period}）照常登记，未作规则审查`,
    };
  }
  const rule = borrowingRuleText(policy, f.packName);
  if (!f.lender)
    return {
      ok: false,
      code: 'BORROWING_NOT_LENDER',
      explanation: `${f.cadreName}不在${kindWords(policy.lenderUnitKinds, '基层单位')}工作，不属借调登记的范围（${rule}）`,
    };
  if (!policy.borrowerUnitKinds.includes(f.borrower.kind))
    return {
      ok: false,
      code: 'BORROWING_NOT_BORROWER',
      explanation: `${f.borrower.name}不是${kindWords(policy.borrowerUnitKinds, '单位')}，不属借调登记的范围（${rule}）`,
    };
  const purpose = policy.allowedPurposes.find((p) => p.id === f.purposeId);
  if (!purpose)
    return {
      ok: false,
      code: 'BORROWING_PURPOSE_NOT_ALLOWED',
      explanation: `不予借调：${rule}。本次借调事由不属上述情形`,
    };
  if (purpose.approvalBy && (!f.approval || f.approval.by !== purpose.approvalBy.id))
    return {
      ok: false,
      code: 'BORROWING_APPROVAL_MISSING',
      explanation: `不予借调：${purpose.name}须有${purpose.approvalBy.name}的文件在案（${rule}），本次申请未附批准文号和日期`,
    };
  const latest = addMonths(f.from, policy.maxMonths);
  if (f.until > latest)
    return {
      ok: false,
      code: 'BORROWING_TOO_LONG',
      explanation: `不予借调：借调期限不超过${policy.maxMonths}个月（${f.packName}），自 ${f.from} 起最晚至 ${latest}，申请至 ${f.until}`,
    };
  const approval =
    purpose.approvalBy && f.approval
      ? `，${purpose.approvalBy.name}（${f.approval.reference}，${f.approval.date}）在案`
      : '';
  return {
    ok: true,
    purposeName: purpose.name,
    approvalByName: purpose.approvalBy?.name ?? null,
    explanation: `符合规定：${f.borrower.name}因${purpose.name}借用${f.lender.name}${f.cadreName}（${period}，不超过${policy.maxMonths}个月）${approval}。${rule}`,
  };
}

/** The state of a borrowing: its case's outcome, and once in force whether it is back or overdue. */
export type BorrowingState = 'pending' | 'rejected' | 'withdrawn' | 'in_force' | 'overdue' | 'returned';

export function borrowingState(
  b: { caseStatus: 'open' | 'done' | 'rejected' | 'withdrawn'; until: string; returnedOn: string | null },
  today: string,
): BorrowingState {
  if (b.caseStatus === 'open') return 'pending';
  if (b.caseStatus === 'rejected') return 'rejected';
  if (b.caseStatus === 'withdrawn') return 'withdrawn';
  if (b.returnedOn) return 'returned';
  return b.until < today ? 'overdue' : 'in_force';
}

/** The state in words (the register's explanation of the return). */
export function borrowingStateText(
  state: BorrowingState,
  b: { until: string; returnedOn: string | null; lenderName: string },
): string {
  switch (state) {
    case 'pending':
      return '借调申请正在办理（街道意见、组织部审核）';
    case 'rejected':
      return '借调申请未获同意';
    case 'withdrawn':
      return '借调申请已撤回';
    case 'returned':
      return `已于 ${b.returnedOn} 归还${b.lenderName}${b.returnedOn! > b.until ? `（逾期，应于 ${b.until} 前归还）` : ''}`;
    case 'overdue':
      return `逾期未归还：借调期至 ${b.until}，至今未回${b.lenderName}`;
    case 'in_force':
      return `借调中，应于 ${b.until} 前归还${b.lenderName}`;
  }
}
