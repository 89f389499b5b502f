import {
  borrowingRuleText,
  borrowingState,
  borrowingStateText,
  chinaToday,
  judgeBorrowing,
  type Borrowing,
  type BorrowingInput,
  type BorrowingList,
  type BorrowingListQuery,
  type BorrowingReturn,
  type Pack,
} from '@ganbu/core';
import type { BorrowingPolicy } from '@ganbu/core/burden/policy';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { actOnCase, openCase, postNotice, resolveNotices } from '../../workflow/service.ts';
import { BORROWING_OVERDUE_NOTICE } from './cases.ts';
import * as repo from './repository.ts';

/**
 * 借调 (R-BUR-1): a unit asks to borrow a cadre of a street; the pack's rule (`burden.borrowing`) judges the
 * request — refused with its reason code and the rule in Chinese (the refusal changes nothing; the request
 * layer audits it), or opened as a case of the rule's kind (街道意见 → 组织部审核) with the borrowing row; once
 * the case is done the borrowing is in force until it is returned. An overdue return is posted to the
 * street's and 组织部's inbox when a reader who may post it sees it (no daily run), and resolved on return.
 *
 * A department does not see the streets' cadres: when the caller's unit is one of the rule's borrower kinds,
 * the cadre picker and the request read the few facts they need (name, post, lending street) of cadres of
 * lender-kind units through the reviewed queries of ./repository.ts in the system scope, restored right
 * after. Anyone else reads in their own scope.
 */

const READER_ROLES = ['orgdept', 'unit_admin', 'leader'];

export const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

export async function packInForce(ctx: Pick<RequestContext, 'client' | 'now'>): Promise<Pack> {
  return packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
}

const policyOf = (pack: Pack): BorrowingPolicy | null => pack.burden?.borrowing ?? null;

async function asSystem<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  await setSystemScope(ctx.client);
  try {
    return await fn();
  } finally {
    if (ctx.actor) await setScope(ctx.client, ctx.actor);
  }
}

/** Whether the caller asks for a borrower unit (their own unit is of a borrower kind). */
async function asksForBorrower(ctx: RequestContext, policy: BorrowingPolicy | null): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor || !policy) return false;
  const own = await repo.findOrg(ctx.client, actor.orgId);
  return own !== null && policy.borrowerUnitKinds.includes(own.kind);
}

export function ruleView(pack: Pack): BorrowingList['rule'] {
  const policy = policyOf(pack);
  if (!policy) return null;
  return {
    text: borrowingRuleText(policy, pack.name),
    purposes: policy.allowedPurposes.map((p) => ({ id: p.id, name: p.name, approvalBy: p.approvalBy })),
    maxMonths: policy.maxMonths,
  };
}

/** The request form's cadre picker: cadres of lender units by name (a department reads them as above). */
export async function candidates(ctx: RequestContext, q: string) {
  const pack = await packInForce(ctx);
  const policy = policyOf(pack);
  const kinds = policy?.lenderUnitKinds ?? ['street', 'township'];
  const read = () => repo.lendableCadres(ctx.client, q.trim(), kinds, 20);
  const rows = (await asksForBorrower(ctx, policy)) ? await asSystem(ctx, read) : await read();
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, postTitle: r.post_title, lenderName: r.lender_name })),
  };
}

function present(r: repo.BorrowingRow, today: string): Borrowing {
  const state = borrowingState(
    { caseStatus: r.case_status, until: r.until_on, returnedOn: r.returned_on },
    today,
  );
  return {
    id: r.id,
    caseId: r.case_id,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    lenderOrgId: r.lender_org_id,
    lenderName: r.lender_name,
    borrowerOrgId: r.borrower_org_id,
    borrowerName: r.borrower_name,
    purposeId: r.purpose_id,
    purposeName: r.purpose_name,
    task: r.task,
    from: r.from_on,
    until: r.until_on,
    approval: r.approval ? { ...r.approval, fileId: r.approval.fileId ?? null } : null,
    requestedOn: chinaToday(r.created_at),
    state,
    returnedOn: r.returned_on,
    explanation: r.explanation,
    stateText: borrowingStateText(state, {
      until: r.until_on,
      returnedOn: r.returned_on,
      lenderName: r.lender_name,
    }),
  };
}

/** Whether the caller passes the inbox notice's row rule (a recipient role in scope, or the applicant). */
function mayPostOverdue(ctx: RequestContext, r: repo.BorrowingRow): boolean {
  const actor = ctx.actor;
  if (!actor) return false;
  return actor.userId === r.created_by || actor.roles.some((x) => x === 'orgdept' || x === 'unit_admin');
}

/** 逾期未归还: the street's unit administrators, 组织部 and the applicant are reminded (idempotent by key). */
async function postOverdue(ctx: RequestContext, r: repo.BorrowingRow): Promise<void> {
  await postNotice(ctx, {
    kind: 'burden.borrowing_overdue',
    kindName: '借调逾期未归还',
    title: `借调逾期未归还：${r.lender_name}${r.cadre_name}借调至${r.borrower_name}，应于 ${r.until_on} 前归还`,
    link: '/burden/borrowings?state=overdue',
    orgId: r.lender_org_id,
    recipientRoles: ['unit_admin', 'orgdept'],
    recipientUserIds: [r.created_by],
    dueOn: r.until_on,
    sourceKey: BORROWING_OVERDUE_NOTICE(r.id),
  });
}

export async function listBorrowings(ctx: RequestContext, q: BorrowingListQuery): Promise<BorrowingList> {
  const pack = await packInForce(ctx);
  const today = todayOf(ctx);
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await repo.findOrg(ctx.client, q.orgId);
    if (!org) throw notFound('单位');
    orgPath = org.path;
  }
  const res = await repo.listBorrowings(ctx.client, {
    orgId: q.orgId,
    orgPath,
    state: q.state,
    today,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const items = res.rows.map((r) => present(r, today));
  // overdue returns seen here reach the inbox (no daily run needed)
  for (const [i, b] of items.entries())
    if (b.state === 'overdue' && mayPostOverdue(ctx, res.rows[i]!)) await postOverdue(ctx, res.rows[i]!);
  return { items, total: res.total, overdue: res.overdue, rule: ruleView(pack) };
}

export async function getBorrowing(ctx: RequestContext, id: string): Promise<Borrowing> {
  const today = todayOf(ctx);
  const { rows } = await repo.listBorrowings(ctx.client, { id, today, limit: 1, offset: 0 });
  const row = rows[0];
  if (!row) throw notFound('借调');
  const b = present(row, today);
  if (b.state === 'overdue' && mayPostOverdue(ctx, row)) await postOverdue(ctx, row);
  return b;
}

/** 借调申请: judged by the rule; refused (nothing stored) or opened as a case and submitted. */
export async function requestBorrowing(ctx: RequestContext, input: BorrowingInput): Promise<Borrowing> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const pack = await packInForce(ctx);
  const policy = policyOf(pack);
  const borrower = await repo.findOrg(ctx.client, input.borrowerOrgId);
  if (!borrower) throw notFound('借用单位');
  const lenderKinds = policy?.lenderUnitKinds ?? ['street', 'township'];
  const read = () => repo.cadreFacts(ctx.client, input.cadreId, lenderKinds);
  const cadre = (await asksForBorrower(ctx, policy)) ? await asSystem(ctx, read) : await read();
  if (!cadre) throw notFound('干部');
  const purposeOf = policy?.allowedPurposes.find((p) => p.id === input.purposeId);
  const approval = input.approval ?? null;
  const verdict = judgeBorrowing(policy, {
    packName: pack.name,
    lender: cadre.lender ? { name: cadre.lender.name, kind: cadre.lender.kind } : null,
    borrower: { name: borrower.name, kind: borrower.kind },
    cadreName: cadre.name,
    purposeId: input.purposeId,
    approval,
    from: input.from,
    until: input.until,
  });
  if (!verdict.ok)
    throw new AppError(verdict.code === 'BORROWING_PERIOD' ? 400 : 422, verdict.code, verdict.explanation, {
      explanation: verdict.explanation,
    });
  // without a rule the cadre's own unit lends
  const lender = cadre.lender;
  if (!lender)
    throw new AppError(422, 'BORROWING_NOT_LENDER', `${cadre.name}不在街道（乡镇）工作，不属借调登记范围`);
  // without a rule there is nothing to decide: recorded in force at once
  let caseId: string | null = null;
  if (policy) {
    const opened = await openCase(ctx, {
      kind: policy.caseKind,
      orgId: lender.id,
      subjectCadreId: null,
      title: `${borrower.name}借调${lender.name}${cadre.name}（${verdict.purposeName}）`,
      readerRoles: [],
    });
    await actOnCase(ctx, opened.id, { action: 'submit', comment: input.task.trim() });
    caseId = opened.id;
  }
  const id = await repo.insertBorrowing(ctx.client, {
    cadreId: cadre.id,
    cadreName: cadre.name,
    lenderName: lender.name,
    borrowerName: borrower.name,
    lenderOrgId: lender.id,
    orgPath: lender.path,
    borrowerOrgId: borrower.id,
    purposeId: input.purposeId,
    purposeName: verdict.purposeName,
    task: input.task.trim(),
    from: input.from,
    until: input.until,
    approval:
      approval && purposeOf?.approvalBy
        ? {
            by: approval.by,
            byName: purposeOf.approvalBy.name,
            reference: approval.reference.trim(),
            date: approval.date,
            fileId: approval.fileId ?? null,
          }
        : null,
    packId: pack.id,
    explanation: verdict.explanation,
    caseId,
    caseStatus: caseId ? 'open' : 'done',
    readerRoles: READER_ROLES,
    partyIds: [actor.userId],
    createdBy: actor.userId,
    createdAt: ctx.now.toISOString(),
  });
  await ctx.audit({
    action: 'burden.borrowing.request',
    objectType: 'burden_borrowing',
    objectId: id,
    after: {
      caseId,
      cadreId: cadre.id,
      borrowerOrgId: borrower.id,
      purposeId: input.purposeId,
      from: input.from,
      until: input.until,
    },
  });
  return getBorrowing(ctx, id);
}

/** 归还: the date the cadre went back (not before the start, not after today); resolves the overdue notice. */
export async function returnBorrowing(
  ctx: RequestContext,
  id: string,
  input: BorrowingReturn,
): Promise<Borrowing> {
  const before = await getBorrowing(ctx, id);
  if (before.state !== 'in_force' && before.state !== 'overdue')
    throw new AppError(409, 'BORROWING_NOT_IN_FORCE', '只有已批准且尚未归还的借调可以登记归还');
  if (input.returnedOn > todayOf(ctx) || input.returnedOn < before.from)
    throw new AppError(400, 'VALIDATION', '归还日期不能晚于今天，也不能早于借调开始日期', {
      field: 'returnedOn',
    });
  if (!(await repo.setReturned(ctx.client, id, input.returnedOn))) throw notFound('借调');
  await resolveNotices(ctx, BORROWING_OVERDUE_NOTICE(id));
  await ctx.audit({
    action: 'burden.borrowing.return',
    objectType: 'burden_borrowing',
    objectId: id,
    before: { state: before.state },
    after: { returnedOn: input.returnedOn },
  });
  return getBorrowing(ctx, id);
}
