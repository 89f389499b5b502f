import {
  chinaToday,
  talkRequestState,
  talkRequestText,
  type TalkRequest,
  type TalkRequestAnswer,
  type TalkRequestInput,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { actOnCase, openCase } from '../../workflow/service.ts';
import * as repo from './repository.ts';
import { packInForce, todayOf } from './service.ts';

/**
 * 双向约谈 (R-CARE-5): a cadre asks a district leader for a talk about a difficulty. The request is a case of
 * the pack's `care.talkRequests.caseKind` (提出约谈 → 领导答复, the answer step's working days are the time
 * limit) with the leader's account named in its `leader` group; the leader answers in the case (the arranged
 * time, or a reply). The case's handler (`cases.ts`) keeps the organisation department's 督办 reminder.
 */

async function present(
  ctx: RequestContext,
  r: repo.RequestRow,
  names: Map<string, string>,
): Promise<TalkRequest> {
  const requestedOn = chinaToday(r.created_at);
  const answeredOn = r.status === 'done' && r.closed_at ? chinaToday(r.closed_at) : null;
  const state = talkRequestState({ status: r.status, dueOn: r.due_on, answeredOn }, todayOf(ctx));
  let packName = names.get(r.pack_id);
  if (packName === undefined) {
    packName = await repo.packName(ctx.client, r.pack_id);
    names.set(r.pack_id, packName);
  }
  return {
    id: r.id,
    caseId: r.case_id,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    leaderTitle: r.leader_title,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    orgName: r.org_name,
    reason: r.reason ?? '',
    requestedOn,
    dueOn: r.due_on,
    answer: r.answer,
    answeredOn,
    state,
    explanation: talkRequestText({
      packName,
      kindName: r.kind_name,
      requestedOn,
      workingDays: r.working_days,
      dueOn: r.due_on,
      answeredOn,
      state,
    }),
  };
}

async function presentAll(ctx: RequestContext, rows: repo.RequestRow[]): Promise<TalkRequest[]> {
  const names = new Map<string, string>();
  const out: TalkRequest[] = [];
  for (const r of rows) out.push(await present(ctx, r, names));
  return out;
}

/** The leaders a cadre may ask: serving, with an account; `offered` false when the pack has no 双向约谈. */
export async function requestableLeaders(ctx: RequestContext) {
  const pack = await packInForce(ctx);
  const items = (await repo.listLeaders(ctx.client))
    .filter((l) => l.active && l.userId !== null)
    .map((l) => ({ id: l.id, name: l.name, title: l.title }));
  return { items, offered: Boolean(pack.care?.talkRequests) };
}

export async function requestTalk(ctx: RequestContext, input: TalkRequestInput): Promise<TalkRequest> {
  const cadreId = ctx.actor?.cadreId;
  if (!cadreId) throw forbidden('只有关联了干部信息的本人账号可以申请约谈');
  const pack = await packInForce(ctx);
  const kind = pack.care?.talkRequests?.caseKind;
  if (!kind)
    throw new AppError(409, 'TALK_REQUESTS_NOT_OFFERED', `${pack.name}未设双向约谈，不能申请约谈领导`);
  const leader = await repo.findLeader(ctx.client, input.leaderId);
  if (!leader) throw notFound('领导');
  if (!leader.active || !leader.userId)
    throw new AppError(400, 'TALK_LEADER_UNAVAILABLE', `${leader.title}${leader.name}目前不能接受约谈申请`);
  const cadre = await repo.ownCadre(ctx.client, cadreId);
  if (!cadre) throw notFound('干部');
  const opened = await openCase(ctx, {
    kind,
    orgId: cadre.orgId,
    subjectCadreId: cadre.id,
    title: `${cadre.name}申请约谈${leader.title}${leader.name}`,
    members: [{ group: 'leader', userIds: [leader.userId] }],
    readerRoles: [],
    link: '/care/talks?tab=requests',
  });
  const { case: submitted } = await actOnCase(ctx, opened.id, {
    action: 'submit',
    comment: input.reason.trim(),
  });
  const id = await repo.insertRequest(ctx.client, {
    caseId: opened.id,
    leaderId: leader.id,
    cadreId: cadre.id,
    createdAt: ctx.now.toISOString(),
    dueOn: submitted.dueOn,
  });
  await ctx.audit({
    action: 'talk.request',
    objectType: 'talk_request',
    objectId: id,
    after: { caseId: opened.id, leaderId: leader.id },
  });
  return mustFind(ctx, id);
}

async function mustFind(ctx: RequestContext, id: string): Promise<TalkRequest> {
  const [row] = await repo.listRequests(ctx.client, { id });
  if (!row) throw notFound('约谈申请');
  return (await presentAll(ctx, [row]))[0] as TalkRequest;
}

/** The cadre's own requests (none for an account without a cadre). */
export async function myRequests(ctx: RequestContext): Promise<TalkRequest[]> {
  const cadreId = ctx.actor?.cadreId;
  if (!cadreId) return [];
  return presentAll(ctx, await repo.listRequests(ctx.client, { cadreId }));
}

/** The requests the caller sees: a leader those addressed to them, the organisation department all in scope. */
export async function listRequests(ctx: RequestContext): Promise<TalkRequest[]> {
  return presentAll(ctx, await repo.listRequests(ctx.client, {}));
}

/** 答复: the named leader decides the case's answer step with the arranged time or the reply. */
export async function answerRequest(
  ctx: RequestContext,
  id: string,
  input: TalkRequestAnswer,
): Promise<TalkRequest> {
  const before = await mustFind(ctx, id);
  await actOnCase(ctx, before.caseId, { action: 'decide', comment: input.answer.trim() });
  await ctx.audit({
    action: 'talk.answer',
    objectType: 'talk_request',
    objectId: id,
    before: { state: before.state },
    after: { caseId: before.caseId },
  });
  return mustFind(ctx, id);
}

/** 撤回: the cadre withdraws her own request while it waits for the answer. */
export async function withdrawRequest(ctx: RequestContext, id: string): Promise<TalkRequest> {
  const before = await mustFind(ctx, id);
  if (before.cadreId !== ctx.actor?.cadreId) throw notFound('约谈申请');
  await actOnCase(ctx, before.caseId, { action: 'withdraw', comment: '' });
  await ctx.audit({
    action: 'talk.withdraw',
    objectType: 'talk_request',
    objectId: id,
    before: { state: before.state },
    after: { caseId: before.caseId },
  });
  return mustFind(ctx, id);
}
