import {
  checkDecision,
  checkFollowup,
  checkMeasure,
  checkNewToleranceCase,
  filedFirst,
  investigationComplete,
  type ToleranceCase,
  type ToleranceCaseCreateInput,
  type ToleranceCaseDetail,
  type ToleranceCaseListQuery,
  type ToleranceCaseUpdate,
  type ToleranceCommitteeInput,
  type ToleranceDecisionInput,
  type ToleranceFollowupInput,
  type ToleranceMeasureInput,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { findFiling } from '../repository/filings.ts';
import { findCadre, findRecords, listRecords as listRecordRows } from '../repository/records.ts';
import * as repo from '../repository/tolerance.ts';
import { actAt, addCommittee, openToleranceCase } from './cases.ts';
import { refuse, todayOf } from './common.ts';

/** 容错纠错: application, investigation, the joint committee's decision, measures and follow-ups. */

async function mustFind(ctx: RequestContext, id: string): Promise<ToleranceCase> {
  const c = await repo.findCase(ctx.client, id);
  if (!c) throw notFound('容错申请');
  return c;
}

/** A user holding no officer role applies as the cadre, for themself only. */
function applicantCadreId(ctx: RequestContext): string | null {
  const roles = ctx.actor?.roles ?? [];
  const officer = roles.some((r) => r === 'orgdept' || r === 'discipline' || r === 'unit_admin');
  return officer ? null : (ctx.actor?.cadreId ?? '');
}

export async function listCases(ctx: RequestContext, q: ToleranceCaseListQuery) {
  const page = await repo.listCases(ctx.client, {
    cadreId: q.cadreId,
    state: q.state,
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  await ctx.audit({
    action: 'tolerance.cases.list',
    objectType: 'tolerance_case',
    after: { query: { ...q }, ids: page.items.map((c) => c.id) },
  });
  return page;
}

/** The case as its detail page shows it (not audited: callers audit the read or the change). */
async function detail(ctx: RequestContext, id: string): Promise<ToleranceCaseDetail> {
  const c = await mustFind(ctx, id);
  const extra = await repo.findCaseExtra(ctx.client, id);
  if (!extra) throw notFound('容错申请');
  const filing = extra.riskFilingId ? await findFiling(ctx.client, extra.riskFilingId) : null;
  const committee = await repo.listCommittee(ctx.client, id);
  const userId = ctx.actor?.userId ?? '';
  return {
    ...c,
    riskFiling: filing,
    filedFirst: filing ? filedFirst(filing, c.factsOn) : false,
    records: await findRecords(ctx.client, await repo.linkedRecordIds(ctx.client, id)),
    checklist: extra.checklist,
    investigation: extra.investigation,
    committee,
    decisionReason: extra.decisionReason,
    decisionDocumentNo: extra.decisionDocumentNo,
    decidedByCommittee: extra.committeeNames,
    measures: await repo.listMeasures(ctx.client, id),
    followups: await repo.listFollowups(ctx.client, id),
    canDecide: c.outcome === null && c.investigatedOn !== null && committee.some((m) => m.userId === userId),
  };
}

export async function getCase(ctx: RequestContext, id: string): Promise<ToleranceCaseDetail> {
  const d = await detail(ctx, id);
  await ctx.audit({ action: 'tolerance.case.read', objectType: 'tolerance_case', objectId: id });
  return d;
}

/** Apply (by the cadre, the unit or ex officio): records of that cadre, a filing the applicant can see. */
export async function createCase(
  ctx: RequestContext,
  input: ToleranceCaseCreateInput,
): Promise<ToleranceCaseDetail> {
  const recordIds = [...new Set(input.recordIds ?? [])];
  const records = await findRecords(ctx.client, recordIds);
  // a record the applicant cannot see is not one of the cadre's for this purpose
  const seen = recordIds.map((rid) => records.find((r) => r.id === rid) ?? { cadreId: '' });
  refuse(checkNewToleranceCase(input, seen, todayOf(ctx), applicantCadreId(ctx)));
  const cadre = await findCadre(ctx.client, input.cadreId);
  if (!cadre) throw notFound('干部');
  if (input.riskFilingId && !(await findFiling(ctx.client, input.riskFilingId))) refuse('FILING_NOT_FOUND');
  const id = await repo.insertCase(ctx.client, {
    cadreId: cadre.id,
    appliedBy: input.appliedBy,
    appliedOn: todayOf(ctx),
    factsOn: input.factsOn,
    facts: input.facts.trim(),
    riskFilingId: input.riskFilingId ?? null,
    createdBy: ctx.actor?.userId ?? null,
  });
  await repo.linkRecords(ctx.client, id, recordIds);
  await openToleranceCase(ctx, { id, orgId: cadre.orgId, cadreId: cadre.id, cadreName: cadre.name });
  const created = await detail(ctx, id);
  await ctx.audit({
    action: 'tolerance.case.create',
    objectType: 'tolerance_case',
    objectId: id,
    after: created,
  });
  return created;
}

/** The checklist and the investigation notes; `completeInvestigation` closes 调查核实 (dated today). */
export async function updateCase(
  ctx: RequestContext,
  id: string,
  patch: ToleranceCaseUpdate,
): Promise<ToleranceCaseDetail> {
  const before = await detail(ctx, id);
  if (before.outcome !== null) refuse('CASE_DECIDED');
  const checklist = patch.checklist ?? before.checklist;
  const investigation = patch.investigation ?? before.investigation;
  if (patch.completeInvestigation && !investigationComplete(checklist, investigation))
    refuse('INVESTIGATION_INCOMPLETE');
  await repo.updateInvestigation(ctx.client, id, { checklist: patch.checklist, investigation });
  if (patch.completeInvestigation) {
    if (before.caseId) {
      // 受理 if still at it, then 调查核实 → 联席会议研究 (the transition dates the investigation)
      await actAt(ctx, before.caseId, 'accept', 'approve', '受理');
      await actAt(ctx, before.caseId, 'investigate', 'approve', '调查核实完成');
    } else {
      await repo.updateInvestigation(ctx.client, id, { investigatedOn: todayOf(ctx) });
    }
  }
  const after = await detail(ctx, id);
  await ctx.audit({
    action: 'tolerance.case.update',
    objectType: 'tolerance_case',
    objectId: id,
    before: {
      checklist: before.checklist,
      investigation: before.investigation,
      investigatedOn: before.investigatedOn,
    },
    after: {
      checklist: after.checklist,
      investigation: after.investigation,
      investigatedOn: after.investigatedOn,
    },
  });
  return after;
}

/** Accounts that may sit on the case's committee (组织部, 纪检联络 in the user's scope). */
export async function committeeCandidates(ctx: RequestContext, id: string) {
  await mustFind(ctx, id);
  return { items: await repo.committeeCandidates(ctx.client) };
}

export async function setCommittee(
  ctx: RequestContext,
  id: string,
  input: ToleranceCommitteeInput,
): Promise<ToleranceCaseDetail> {
  const before = await detail(ctx, id);
  if (before.outcome !== null) refuse('CASE_DECIDED');
  const userIds = [...new Set(input.userIds)];
  const members = await repo.committeeCandidates(ctx.client, userIds);
  if (members.length !== userIds.length) refuse('COMMITTEE_MEMBER_INVALID');
  await repo.replaceCommittee(
    ctx.client,
    id,
    members.map((m) => ({ userId: m.userId, name: m.name })),
  );
  await addCommittee(ctx, before.caseId, userIds);
  const after = await detail(ctx, id);
  await ctx.audit({
    action: 'tolerance.case.committee',
    objectType: 'tolerance_case',
    objectId: id,
    before: before.committee,
    after: after.committee,
  });
  return after;
}

/** The joint committee's decision (免责 / 从轻 / 减轻 / 不予容错), dated today, by a member of it. */
export async function decideCase(
  ctx: RequestContext,
  id: string,
  input: ToleranceDecisionInput,
): Promise<ToleranceCaseDetail> {
  const before = await detail(ctx, id);
  const cadreRecords = await listRecordRows(ctx.client, { cadreId: before.cadreId, limit: 1000, offset: 0 });
  const recordIds = [...new Set(input.recordIds)];
  refuse(
    checkDecision(
      {
        decided: before.outcome !== null,
        investigated: before.investigatedOn !== null,
        committee: before.committee.map((m) => m.userId),
        recordIds: cadreRecords.items.map((r) => r.id),
      },
      { outcome: input.outcome, recordIds },
      ctx.actor?.userId ?? '',
    ),
  );
  await repo.keepRecords(ctx.client, id, recordIds);
  await repo.linkRecords(ctx.client, id, recordIds);
  const decided = await repo.decide(ctx.client, id, {
    outcome: input.outcome,
    decidedOn: todayOf(ctx),
    reason: input.reason.trim(),
    documentNo: input.documentNo.trim(),
    committee: before.committee.map((m) => m.name),
  });
  if (!decided) throw new AppError(409, 'CONFLICT', '该容错申请已作出决定');
  // the case's 联席会议研究 step closes with the decision (the engine checks the member again)
  if (before.caseId && !(await actAt(ctx, before.caseId, 'committee', 'decide', input.reason.trim())))
    refuse('NOT_INVESTIGATED');
  const after = await detail(ctx, id);
  await ctx.audit({
    action: 'tolerance.case.decide',
    objectType: 'tolerance_case',
    objectId: id,
    before: { outcome: null, records: before.records.map((r) => r.id) },
    after: {
      outcome: after.outcome,
      decidedOn: after.decidedOn,
      documentNo: after.decisionDocumentNo,
      records: after.records.map((r) => r.id),
    },
  });
  return after;
}

export async function addMeasure(
  ctx: RequestContext,
  id: string,
  input: ToleranceMeasureInput,
): Promise<ToleranceCaseDetail> {
  const c = await mustFind(ctx, id);
  refuse(checkMeasure(c.decidedOn, input.dueOn));
  const measureId = await repo.insertMeasure(ctx.client, id, {
    measure: input.measure.trim(),
    dueOn: input.dueOn,
  });
  await ctx.audit({
    action: 'tolerance.case.measure',
    objectType: 'tolerance_case',
    objectId: id,
    after: { measureId, dueOn: input.dueOn },
  });
  return detail(ctx, id);
}

export async function completeMeasure(
  ctx: RequestContext,
  id: string,
  measureId: string,
): Promise<ToleranceCaseDetail> {
  await mustFind(ctx, id);
  const done = await repo.completeMeasure(ctx.client, id, measureId, todayOf(ctx));
  if (done === null) throw notFound('纠错措施');
  if (!done) refuse('MEASURE_DONE');
  await ctx.audit({
    action: 'tolerance.case.measure_done',
    objectType: 'tolerance_case',
    objectId: id,
    after: { measureId, doneOn: todayOf(ctx) },
  });
  return detail(ctx, id);
}

export async function addFollowup(
  ctx: RequestContext,
  id: string,
  input: ToleranceFollowupInput,
): Promise<ToleranceCaseDetail> {
  const c = await mustFind(ctx, id);
  refuse(checkFollowup(c.decidedOn, input.visitedOn, todayOf(ctx)));
  const followupId = await repo.insertFollowup(ctx.client, id, {
    visitedOn: input.visitedOn,
    notes: input.notes.trim(),
    writtenBy: ctx.actor?.userId ?? null,
    writtenByName: await repo.displayNameOf(ctx.client, ctx.actor?.userId ?? null, ctx.actor?.username ?? ''),
  });
  await ctx.audit({
    action: 'tolerance.case.followup',
    objectType: 'tolerance_case',
    objectId: id,
    after: { followupId, visitedOn: input.visitedOn },
  });
  return detail(ctx, id);
}
