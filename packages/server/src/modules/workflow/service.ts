import { randomUUID } from 'node:crypto';
import {
  allowedActions,
  applyAction,
  CASE_PROBLEM_TEXT,
  caseReaderRoles,
  chinaToday,
  isOverdue,
  isPendingFor,
  pendingRecipients,
  startCase,
  type CaseActionInput,
  type CaseActor,
  type CaseDetail,
  type CaseEvent,
  type CaseKind,
  type CaseProblem,
  type CaseState,
  type CaseSummary,
  type Inbox,
  type InboxCount,
  type InboxItem,
  type Role,
} from '@ganbu/core';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { packOn, selectedPackId } from '../assessment/service/packs.ts';
import { workingDayCounter } from './deadlines.ts';
import { notificationSink } from './notifications.ts';
import * as repo from './repository.ts';

/**
 * The case workflow service other modules build on (容错申请, 澄清正名, 考核等次申诉 now; borrowing, selection,
 * pay approvals and talk requests later):
 *   openCase(ctx, {kind, orgId, subjectCadreId?, title, members?, readerRoles, link?})
 *   actOnCase(ctx, caseId, {action, comment}) → {case, event}
 *   getCase(ctx, caseId) → {case, timeline, allowedActions}
 *   onCaseTransition(kind, handler)           the owning module reacts (writes its decision …)
 *   postNotice(ctx, notice) / resolveNotices(ctx, sourceKey)
 * Each takes the request's context (its transaction, actor, clock and audit recorder). Every transition is
 * audited. The kind's steps come from the pack in force on the day the case opens and are copied onto the
 * case. The opening module checks that its actor may open a case about the unit and subject it names.
 */

/** Today in China (deadlines and overdue marks follow the Beijing date, not the server's UTC one). */
const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

/** The context the workflow service needs: the request's, or a module's own with the same parts. */
export type WorkflowContext = Pick<RequestContext, 'client' | 'actor' | 'now' | 'audit'>;

function actorOf(ctx: WorkflowContext): Actor {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

function engineActor(a: Actor): CaseActor {
  return {
    userId: a.userId,
    roles: a.roles,
    scope: { mode: a.scopeMode, orgPath: a.orgPath, cadreId: a.cadreId },
  };
}

function stateOf(c: repo.CaseRecord): CaseState {
  return {
    orgPath: c.orgPath,
    openedBy: c.openedBy,
    subjectCadreId: c.subjectCadreId,
    members: c.members,
    status: c.status,
    currentStep: c.currentStep,
    trail: c.trail,
    since: c.stepSince,
    dueOn: c.dueOn,
  };
}

const stepName = (kind: CaseKind, id: string | null) =>
  id === null ? null : (kind.steps.find((s) => s.id === id)?.name ?? id);

const linkOf = (c: Pick<repo.CaseRecord, 'id' | 'link'>) => c.link ?? `/inbox/cases/${c.id}`;

function present(c: repo.CaseRecord, today: string): CaseSummary {
  return {
    id: c.id,
    kind: c.kind,
    kindName: c.definition.name,
    title: c.title,
    orgId: c.orgId,
    orgName: c.orgName,
    subjectCadreId: c.subjectCadreId,
    status: c.status,
    currentStep: c.currentStep,
    currentStepName: stepName(c.definition, c.currentStep),
    dueOn: c.dueOn,
    overdue: isOverdue(c, today),
    openedByName: c.openedByName,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    link: linkOf(c),
    steps: c.definition.steps.map((s) => ({ id: s.id, name: s.name })),
  };
}

// ---------------------------------------------------------------- transition handlers

export interface CaseTransition {
  case: CaseSummary;
  event: CaseEvent;
}
export type CaseTransitionHandler = (ctx: WorkflowContext, t: CaseTransition) => Promise<void>;

const handlers = new Map<string, CaseTransitionHandler[]>();

/**
 * Register what the module owning a kind does on each of its cases' transitions (the opening included), in
 * the same transaction: a handler that throws undoes the action.
 */
export function onCaseTransition(kind: string, handler: CaseTransitionHandler): void {
  handlers.set(kind, [...(handlers.get(kind) ?? []), handler]);
}

async function transitioned(ctx: WorkflowContext, c: repo.CaseRecord, t: CaseTransition): Promise<void> {
  for (const h of handlers.get(t.case.kind) ?? []) await h(ctx, t);
  // a step now waits for someone (a comment that stays on the step announces nothing new)
  if (c.status === 'open' && t.event.action !== 'comment')
    await notificationSink().send({
      source: 'case',
      kind: c.kind,
      title: c.title,
      link: t.case.link,
      dueOn: c.dueOn,
      ...pendingRecipients(c.definition, stateOf(c)),
      orgPath: c.orgPath,
    });
}

// ---------------------------------------------------------------- open, act, read

export interface OpenCaseInput {
  /** a kind of the pack's `workflow` section: `tolerance`, `clarification`, `grade_appeal` … */
  kind: string;
  /** the case unit: role-based steps act, and reader roles read, within its subtree */
  orgId: string;
  subjectCadreId?: string | null;
  title: string;
  /** named persons by group (e.g. `{group: 'committee', userIds}` for 联席会议成员) */
  members?: { group: string; userIds: string[] }[];
  /** roles that read the case besides the kind's readers and actors */
  readerRoles: Role[];
  /** the owning module's page of the case; default the generic case page `/inbox/cases/:id` */
  link?: string;
}

/** Open a case of `kind` under the pack in force today, at its first step; the actor is its opener. */
export async function openCase(ctx: WorkflowContext, input: OpenCaseInput): Promise<CaseSummary> {
  const actor = actorOf(ctx);
  const today = todayOf(ctx);
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), today);
  const kind = pack.workflow?.caseKinds[input.kind];
  if (!kind)
    throw new AppError(400, 'CASE_KIND_UNKNOWN', `当前政策包没有定义“${input.kind}”事项的办理流程`, {
      kind: input.kind,
    });
  const org = await repo.orgForCase(ctx.client, input.orgId);
  if (!org) throw notFound('单位');
  const members = (input.members ?? []).map((m) => ({ group: m.group, userIds: [...new Set(m.userIds)] }));
  const at = ctx.now.toISOString();
  const { state, event } = startCase(
    kind,
    { orgPath: org.path, openedBy: actor.userId, subjectCadreId: input.subjectCadreId ?? null, members },
    at,
    await workingDayCounter(ctx.client),
  );
  const id = randomUUID();
  await repo.insertCase(ctx.client, {
    id,
    kind: input.kind,
    packId: pack.id,
    packEffectiveFrom: pack.version.effectiveFrom,
    definition: kind,
    orgId: org.id,
    orgPath: org.path,
    subjectCadreId: state.subjectCadreId,
    title: input.title.trim(),
    status: state.status,
    currentStep: state.currentStep,
    trail: state.trail,
    stepSince: state.since,
    dueOn: state.dueOn,
    link: input.link ?? null,
    openedBy: actor.userId,
    openedAt: at,
    readerRoles: caseReaderRoles(kind, input.readerRoles),
    partyIds: [...new Set([actor.userId, ...members.flatMap((m) => m.userIds)])],
    members,
  });
  await repo.appendEvent(ctx.client, id, {
    ...event,
    actorId: actor.userId,
    actorName: await repo.displayNameOf(ctx.client, actor.userId, actor.username),
  });
  const opened = await mustFind(ctx, id);
  const summary = present(opened, today);
  await ctx.audit({
    action: 'case.open',
    objectType: 'case',
    objectId: id,
    after: {
      kind: input.kind,
      title: summary.title,
      orgId: org.id,
      step: state.currentStep,
      dueOn: state.dueOn,
    },
  });
  await transitioned(ctx, opened, { case: summary, event });
  return summary;
}

async function mustFind(ctx: WorkflowContext, id: string, forUpdate = false): Promise<repo.CaseRecord> {
  const c = await repo.findCase(ctx.client, id, forUpdate);
  if (!c) throw notFound('事项');
  return c;
}

const PROBLEM_STATUS: Record<CaseProblem, number> = {
  CASE_ACTION_NOT_ALLOWED: 409,
  CASE_NOT_YOUR_STEP: 403,
  CASE_CLOSED: 409,
  CASE_COMMENT_REQUIRED: 400,
};

/**
 * Take an action at the case's current step as the engine allows it (refused with its problem code, and
 * nothing changes); the case moves, the timeline gains the event, the owning module's handlers run.
 */
export async function actOnCase(
  ctx: WorkflowContext,
  caseId: string,
  input: CaseActionInput,
): Promise<{ case: CaseSummary; event: CaseEvent }> {
  const actor = actorOf(ctx);
  const before = await mustFind(ctx, caseId, true);
  const at = ctx.now.toISOString();
  const result = applyAction(
    before.definition,
    stateOf(before),
    { action: input.action, actor: engineActor(actor), at, comment: input.comment ?? '' },
    await workingDayCounter(ctx.client),
  );
  if (!result.ok)
    throw new AppError(PROBLEM_STATUS[result.problem], result.problem, CASE_PROBLEM_TEXT[result.problem]);
  const { state, event } = result;
  await repo.updateCaseState(ctx.client, caseId, {
    status: state.status,
    currentStep: state.currentStep,
    trail: state.trail,
    stepSince: state.since,
    dueOn: state.dueOn,
    closedAt: state.status === 'open' ? null : at,
  });
  await repo.appendEvent(ctx.client, caseId, {
    ...event,
    actorName: await repo.displayNameOf(ctx.client, actor.userId, actor.username),
  });
  const after = await mustFind(ctx, caseId);
  const summary = present(after, todayOf(ctx));
  await ctx.audit({
    action: 'case.act',
    objectType: 'case',
    objectId: caseId,
    before: { kind: before.kind, step: before.currentStep, status: before.status, dueOn: before.dueOn },
    after: {
      action: input.action,
      comment: event.comment,
      step: state.currentStep,
      status: state.status,
      dueOn: state.dueOn,
    },
  });
  await transitioned(ctx, after, { case: summary, event });
  return { case: summary, event };
}

/**
 * Name more persons in a group of an open case (the owning module chose them after opening, e.g. the joint
 * committee of a 容错 case); audited. Members only grow: the owning module keeps who currently sits.
 */
export async function addCaseMembers(
  ctx: WorkflowContext,
  caseId: string,
  group: string,
  userIds: readonly string[],
): Promise<void> {
  const before = await mustFind(ctx, caseId, true);
  const known = new Set(before.members.find((m) => m.group === group)?.userIds ?? []);
  const added = [...new Set(userIds)].filter((id) => !known.has(id));
  if (added.length === 0) return;
  await repo.addCaseMembers(ctx.client, caseId, group, added);
  await ctx.audit({ action: 'case.members', objectType: 'case', objectId: caseId, after: { group, added } });
}

/** A case with its timeline and what the caller may do now; reading a confidential case is audited. */
export async function getCase(ctx: WorkflowContext, caseId: string): Promise<CaseDetail> {
  const detail = await caseDetail(ctx, caseId);
  if (detail.confidential)
    await ctx.audit({
      action: 'case.read',
      objectType: 'case',
      objectId: caseId,
      after: { kind: detail.case.kind },
    });
  return detail;
}

/** The route of an action: act, then answer with the case as the caller now sees it. */
export async function actAndShow(
  ctx: WorkflowContext,
  caseId: string,
  input: CaseActionInput,
): Promise<CaseDetail> {
  await actOnCase(ctx, caseId, input);
  const { confidential: _confidential, ...detail } = await caseDetail(ctx, caseId);
  return detail;
}

async function caseDetail(
  ctx: WorkflowContext,
  caseId: string,
): Promise<CaseDetail & { confidential: boolean }> {
  const actor = actorOf(ctx);
  const c = await mustFind(ctx, caseId);
  const kind = c.definition;
  const timeline = (await repo.listEvents(ctx.client, caseId)).map((e) => ({
    seq: e.seq,
    step: e.step,
    stepName: stepName(kind, e.step) ?? e.step,
    action: e.action as CaseDetail['timeline'][number]['action'],
    actorName: e.actorName,
    at: e.at,
    comment: e.comment,
    toStep: e.toStep,
    toStepName: stepName(kind, e.toStep),
    toStatus: e.toStatus,
  }));
  return {
    confidential: kind.confidential,
    case: present(c, todayOf(ctx)),
    timeline,
    allowedActions: allowedActions(kind, stateOf(c), engineActor(actor)).map((a) => ({
      action: a.action,
      commentRequired: a.commentRequired,
    })),
  };
}

// ---------------------------------------------------------------- inbox

function caseItem(c: repo.OpenCaseHead, today: string): InboxItem {
  return {
    id: c.id,
    source: 'case',
    kind: c.kind,
    kindName: c.kindName,
    title: c.title,
    link: linkOf(c),
    step: c.currentStep.name,
    dueOn: c.dueOn,
    overdue: isOverdue({ status: 'open', dueOn: c.dueOn }, today),
    since: c.stepSince,
    openedAt: c.openedAt,
    status: 'open',
  };
}

/** The engine's view of an open case from its inbox head (the current step is the one it looks at). */
function headState(c: repo.OpenCaseHead): { kind: CaseKind; state: CaseState } {
  return {
    kind: { name: c.kindName, confidential: true, readerRoles: [], steps: [c.currentStep] },
    state: {
      orgPath: c.orgPath,
      openedBy: c.openedBy,
      subjectCadreId: c.subjectCadreId,
      members: c.members,
      status: 'open',
      currentStep: c.currentStep.id,
      trail: [c.currentStep.id],
      since: c.stepSince,
      dueOn: c.dueOn,
    },
  };
}

function noticeItem(n: repo.NoticeRecord, today: string): InboxItem {
  return {
    id: n.id,
    source: 'notice',
    kind: n.kind,
    kindName: n.kindName,
    title: n.title,
    link: n.link,
    step: null,
    dueOn: n.dueOn,
    overdue: n.dueOn !== null && today > n.dueOn,
    since: n.createdAt,
    openedAt: n.createdAt,
    status: null,
  };
}

/** Deadline first (overdue and soonest), then the longest waiting. */
function byDeadline(a: InboxItem, b: InboxItem): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.since < b.since ? -1 : a.since > b.since ? 1 : 0;
}

/** 待办: the case steps the caller may act on and the notices addressed to them; 我发起的: their open cases. */
export async function inbox(ctx: WorkflowContext): Promise<Inbox> {
  const actor = actorOf(ctx);
  const today = todayOf(ctx);
  const me = engineActor(actor);
  const cases = (await repo.listOpenCaseHeads(ctx.client, null)).filter((c) => {
    const { kind, state } = headState(c);
    return isPendingFor(kind, state, me);
  });
  const notices = await repo.listOpenNotices(ctx.client);
  return {
    items: [...cases.map((c) => caseItem(c, today)), ...notices.map((n) => noticeItem(n, today))].sort(
      byDeadline,
    ),
    mine: (await repo.listOpenCaseHeads(ctx.client, actor.userId))
      .sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0))
      .map((c) => caseItem(c, today)),
  };
}

/** The header badge: how many items wait for the caller, and how many of those are overdue. */
export async function inboxCount(ctx: WorkflowContext): Promise<InboxCount> {
  const { items } = await inbox(ctx);
  return { pending: items.length, overdue: items.filter((i) => i.overdue).length };
}

// ---------------------------------------------------------------- notices

export interface NoticeInput {
  /** the notice's kind, by module (`discipline.warning` …), and its name as the inbox shows it (预警提醒) */
  kind: string;
  kindName: string;
  title: string;
  link: string;
  /** the unit the notice concerns: role recipients are the holders whose scope covers it */
  orgId: string;
  recipientRoles?: Role[];
  recipientUserIds?: string[];
  dueOn?: string | null;
  /** posting again with the same key changes nothing (e.g. `discipline.warning:<cadre>:<rule>:<date>`) */
  sourceKey: string;
}

/** Post a reminder to the inbox of named users and/or role holders; idempotent by source key. */
export async function postNotice(ctx: WorkflowContext, n: NoticeInput): Promise<void> {
  const org = await repo.orgForCase(ctx.client, n.orgId);
  if (!org) throw notFound('单位');
  const notice = {
    orgPath: org.path,
    recipientRoles: [...new Set(n.recipientRoles ?? [])],
    recipientIds: [...new Set(n.recipientUserIds ?? [])],
    kind: n.kind,
    kindName: n.kindName,
    title: n.title,
    link: n.link,
    dueOn: n.dueOn ?? null,
    sourceKey: n.sourceKey,
    createdAt: ctx.now.toISOString(),
  };
  if (!notice.recipientRoles.length && !notice.recipientIds.length)
    throw new AppError(400, 'VALIDATION', '提醒须有接收人或接收角色');
  if (await repo.insertNotice(ctx.client, notice))
    await notificationSink().send({
      source: 'notice',
      kind: n.kind,
      title: n.title,
      link: n.link,
      dueOn: notice.dueOn,
      userIds: notice.recipientIds,
      roles: notice.recipientRoles,
      orgPath: org.path,
    });
}

/** Resolve the notice posted under `sourceKey` (the matter is done); the number resolved (0 or 1). */
export async function resolveNotices(ctx: WorkflowContext, sourceKey: string): Promise<number> {
  return repo.resolveNoticesByKey(ctx.client, sourceKey, ctx.now.toISOString());
}
