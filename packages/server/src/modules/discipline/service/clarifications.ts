import {
  clearsTheCadre,
  type ClarificationAccuserInput,
  type ClarificationConclusionInput,
  type ClarificationCreateInput,
  type ClarificationDetail,
  type ClarificationListQuery,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { clarificationNoticeDocx } from '../notice-docx.ts';
import { findCadre } from '../repository/records.ts';
import * as repo from '../repository/clarifications.ts';
import { actAt, openClarificationCase } from './cases.ts';
import { refuse, todayOf } from './common.ts';

/** 澄清正名: a report about a cadre, its verification and conclusion, the notice; the accuser kept apart. */

async function detail(ctx: RequestContext, id: string): Promise<ClarificationDetail> {
  const k = await repo.findClarification(ctx.client, id);
  if (!k) throw notFound('问题线索');
  // row-level security shows the accuser to 纪检联络 only
  return { ...k, accuser: await repo.findAccuser(ctx.client, id) };
}

export async function listClarifications(ctx: RequestContext, q: ClarificationListQuery) {
  const page = await repo.listClarifications(ctx.client, {
    cadreId: q.cadreId,
    state: q.state,
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  await ctx.audit({
    action: 'clarification.list',
    objectType: 'clarification',
    after: { query: { ...q }, ids: page.items.map((k) => k.id) },
  });
  return page;
}

export async function getClarification(ctx: RequestContext, id: string): Promise<ClarificationDetail> {
  const k = await detail(ctx, id);
  await ctx.audit({ action: 'clarification.read', objectType: 'clarification', objectId: id });
  return k;
}

export async function createClarification(
  ctx: RequestContext,
  input: ClarificationCreateInput,
): Promise<ClarificationDetail> {
  if (input.receivedOn > todayOf(ctx)) refuse('RECEIVED_IN_FUTURE');
  const cadre = await findCadre(ctx.client, input.cadreId);
  if (!cadre) throw notFound('干部');
  const id = await repo.insertClarification(ctx.client, {
    cadreId: cadre.id,
    receivedOn: input.receivedOn,
    channel: input.channel.trim(),
    allegation: input.allegation.trim(),
    createdBy: ctx.actor?.userId ?? null,
  });
  await openClarificationCase(ctx, { id, orgId: cadre.orgId, cadreId: cadre.id, cadreName: cadre.name });
  const created = await detail(ctx, id);
  await ctx.audit({
    action: 'clarification.create',
    objectType: 'clarification',
    objectId: id,
    after: created,
  });
  return created;
}

/** 核查认定 (属实 / 部分属实 / 不实 / 诬告陷害), dated today. */
export async function concludeClarification(
  ctx: RequestContext,
  id: string,
  input: ClarificationConclusionInput,
): Promise<ClarificationDetail> {
  const before = await detail(ctx, id);
  if (before.conclusion !== null) refuse('CLARIFICATION_CONCLUDED');
  await repo.conclude(ctx.client, id, {
    conclusion: input.conclusion,
    verification: input.verification.trim(),
    documentNo: input.documentNo.trim(),
    concludedOn: todayOf(ctx),
  });
  // the case moves as far as this person may take it: 核查 (纪检联络) then 认定 (组织部)
  const verification = input.verification.trim();
  await actAt(ctx, before.caseId, 'verify', 'approve', verification, false);
  await actAt(ctx, before.caseId, 'conclude', 'decide', verification, false);
  const after = await detail(ctx, id);
  await ctx.audit({
    action: 'clarification.conclude',
    objectType: 'clarification',
    objectId: id,
    before,
    after,
  });
  return after;
}

/** The 澄清正名通报 (.docx) of a report concluded 不实 or 诬告陷害; the first download dates it. */
export async function clarificationNotice(ctx: RequestContext, id: string) {
  const k = await detail(ctx, id);
  if (!clearsTheCadre(k.conclusion)) refuse('NOTICE_ONLY_WHEN_CLEAR');
  const issuedOn = await repo.markNoticeIssued(ctx.client, id, todayOf(ctx));
  const bytes = await clarificationNoticeDocx({
    clarification: { ...k, noticeIssuedOn: issuedOn },
    issuer: `中共${await repo.districtName(ctx.client)}纪律检查委员会`,
    issuedOn,
  });
  await ctx.audit({
    action: 'clarification.notice',
    objectType: 'clarification',
    objectId: id,
    after: { issuedOn },
  });
  return { bytes, fileName: `澄清正名通报-${k.cadreName}.docx` };
}

/** 诬告陷害: who accused and how it is handled (纪检联络 only, by permission and by row-level security). */
export async function setAccuser(
  ctx: RequestContext,
  id: string,
  input: ClarificationAccuserInput,
): Promise<ClarificationDetail> {
  const before = await detail(ctx, id);
  if (before.conclusion !== 'false_accusation') refuse('ACCUSER_ONLY_FALSE');
  await repo.upsertAccuser(ctx.client, id, {
    accuser: input.accuser.trim(),
    handling: (input.handling ?? '').trim(),
    createdBy: ctx.actor?.userId ?? null,
  });
  const after = await detail(ctx, id);
  await ctx.audit({
    action: 'clarification.accuser',
    objectType: 'clarification',
    objectId: id,
    before: before.accuser,
    after: after.accuser,
  });
  return after;
}
