import {
  AID_PROBLEM_TEXT,
  can,
  checkAidDate,
  chinaToday,
  dueSoonLimit,
  dueStateOf,
  maskPhone,
  nextFollowUp,
  type AidCase,
  type AidCaseCreate,
  type AidCaseDetail,
  type AidClose,
  type AidItemDone,
  type AidList,
  type AidListQuery,
  type AidPolicyView,
  type AidProblem,
  type AidVisitCreate,
  type Pack,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { postNotice, resolveNotices } from '../../workflow/service.ts';
import * as repo from './repository.ts';

/**
 * 困难帮扶与因公殉职家属关爱 (R-CARE-3): a case per cadre or family of one of the pack's aid kinds (its
 * checklist and follow-up interval copied on opening), the checklist items done with date and note, visits
 * and follow-ups; the next one is due every `followUpEveryMonths` after the last and sits in the unit
 * administrators' inbox with that due date (the inbox marks it overdue) until a visit moves it on or the
 * case closes. The family's contact and situation are encrypted at rest and shown in clear only to the roles
 * that may see a cadre's family (cadre.sensitive) when they ask (the read is audited).
 */

const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);
const NOTICE = (id: string, dueOn: string) => `care.aid:${id}:${dueOn}`;

interface Family {
  contact: string;
  phone: string;
  situation: string;
}

function refuse(problem: AidProblem | null, details: Record<string, unknown> = {}): void {
  if (problem) throw new AppError(400, problem, AID_PROBLEM_TEXT[problem], { problem, ...details });
}

async function policy(ctx: Pick<RequestContext, 'client' | 'now'>): Promise<Pack> {
  return packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
}

const maySeeFamily = (ctx: RequestContext) => !!ctx.actor && can(ctx.actor.roles, 'cadre.sensitive');

function policyView(ctx: RequestContext, pack: Pack): AidPolicyView {
  return {
    packName: pack.name,
    kinds: (pack.care?.aid.kinds ?? []).map((k) => ({
      id: k.id,
      name: k.name,
      checklist: k.checklist.map((i) => ({ id: i.id, name: i.name })),
      followUpEveryMonths: k.followUpEveryMonths,
    })),
    maySeeFamily: maySeeFamily(ctx),
  };
}

function family(cipher: FieldCipher, row: repo.CaseRow, reveal: boolean): Family {
  const f = JSON.parse(cipher.decrypt(row.family_enc)) as Family;
  if (reveal) return f;
  return {
    contact: f.contact ? `${f.contact.slice(0, 1)}*` : '',
    phone: f.phone ? maskPhone(f.phone) : '',
    situation: f.situation ? '***' : '',
  };
}

function present(cipher: FieldCipher, row: repo.CaseRow, today: string, reveal: boolean): AidCase {
  const f = family(cipher, row, reveal);
  const closed = row.status === 'closed';
  const state = closed ? 'closed' : dueStateOf(row.next_due_on ?? today, false, today);
  const next = nextFollowUp(row.opened_on, row.last_visit_on, row.follow_up_every_months, row.kind_name, '');
  const done = row.checklist.filter((i) => i.doneOn !== null).length;
  return {
    id: row.id,
    cadreId: row.cadre_id,
    cadreName: row.cadre_name,
    orgName: row.org_name,
    kindId: row.kind_id,
    kindName: row.kind_name,
    openedOn: row.opened_on,
    status: row.status,
    closedOn: row.closed_on,
    closeNote: row.close_note,
    familyContact: f.contact,
    familyPhone: f.phone,
    situation: f.situation,
    revealed: reveal,
    checklistDone: done,
    checklistTotal: row.checklist.length,
    lastVisitOn: row.last_visit_on,
    nextDueOn: closed ? null : row.next_due_on,
    dueState: state === 'done' ? 'closed' : state,
    explanation: closed
      ? `${row.opened_on} 立案，${row.closed_on} 结案；事项清单完成 ${done}/${row.checklist.length} 项`
      : `${row.last_visit_on ? `上次走访回访 ${row.last_visit_on}` : `${row.opened_on} 立案`}，${row.kind_name}每${row.follow_up_every_months}个月走访回访一次，下次应于 ${next.dueOn} 前${state === 'overdue' ? '，已逾期' : ''}；事项清单完成 ${done}/${row.checklist.length} 项`,
  };
}

async function mustFind(ctx: RequestContext, id: string, lock = false): Promise<repo.CaseRow> {
  const row = await repo.findCase(ctx.client, id, lock);
  if (!row) throw notFound('帮扶事项');
  return row;
}

async function mustFindOpen(ctx: RequestContext, id: string): Promise<repo.CaseRow> {
  const row = await mustFind(ctx, id, true);
  if (row.status === 'closed') throw new AppError(409, 'CARE_AID_CLOSED', AID_PROBLEM_TEXT.CARE_AID_CLOSED);
  return row;
}

async function detail(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  reveal: boolean,
): Promise<AidCaseDetail> {
  const row = await mustFind(ctx, id);
  const visits = await repo.listVisits(ctx.client, id);
  return {
    ...present(cipher, row, todayOf(ctx), reveal),
    checklist: row.checklist,
    visits: visits.map((v) => ({
      id: v.id,
      visitedOn: v.visited_on,
      visitors: v.visitors,
      content: v.content,
    })),
  };
}

export async function listCases(ctx: RequestContext, cipher: FieldCipher, q: AidListQuery): Promise<AidList> {
  const today = todayOf(ctx);
  const pack = await policy(ctx);
  const { rows, total } = await repo.listCases(ctx.client, {
    state: q.state,
    kindId: q.kindId,
    q: q.q?.trim() || undefined,
    today,
    soonLimit: dueSoonLimit(today),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  // lists never show family details in clear
  return { items: rows.map((r) => present(cipher, r, today, false)), total, policy: policyView(ctx, pack) };
}

/** One case with its checklist and visits; `reveal` shows the family's details in clear (audited). */
export async function getCase(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  reveal: boolean,
): Promise<AidCaseDetail> {
  if (reveal && !maySeeFamily(ctx)) throw forbidden('您的角色无权查看家属信息');
  const d = await detail(ctx, cipher, id, reveal);
  if (reveal)
    await ctx.audit({
      action: 'care.aid.reveal',
      objectType: 'care_aid_case',
      objectId: id,
      after: { fields: ['familyContact', 'familyPhone', 'situation'] },
    });
  return d;
}

async function postDue(
  ctx: RequestContext,
  row: { id: string; org_id: string },
  cadreName: string,
  kindName: string,
  dueOn: string,
) {
  await postNotice(ctx, {
    kind: 'care.aid_follow_up',
    kindName: '帮扶走访回访',
    title: `${cadreName}（${kindName}）走访回访`,
    link: `/care/aid?case=${row.id}`,
    orgId: row.org_id,
    recipientRoles: ['unit_admin'],
    dueOn,
    sourceKey: NOTICE(row.id, dueOn),
  });
}

/** 立案: a case of one of the pack's kinds; its first follow-up is due the kind's months after opening. */
export async function openCase(
  ctx: RequestContext,
  cipher: FieldCipher,
  input: AidCaseCreate,
): Promise<AidCaseDetail> {
  const pack = await policy(ctx);
  const kind = pack.care?.aid.kinds.find((k) => k.id === input.kindId);
  if (!kind) {
    refuse('CARE_AID_KIND_UNKNOWN', { kindId: input.kindId, packId: pack.id });
    throw new Error('unreachable');
  }
  refuse(checkAidDate(input.openedOn, todayOf(ctx)));
  const cadre = await repo.findCadre(ctx.client, input.cadreId);
  if (!cadre) throw notFound('干部');
  const next = nextFollowUp(input.openedOn, null, kind.followUpEveryMonths, kind.name, pack.name);
  const fam: Family = { contact: input.familyContact, phone: input.familyPhone, situation: input.situation };
  const id = await repo.insertCase(ctx.client, {
    cadre,
    kindId: kind.id,
    kindName: kind.name,
    followUpEveryMonths: kind.followUpEveryMonths,
    checklist: kind.checklist.map((i) => ({ id: i.id, name: i.name, doneOn: null, note: '' })),
    familyEnc: cipher.encrypt(JSON.stringify(fam)),
    openedOn: input.openedOn,
    nextDueOn: next.dueOn,
    createdBy: ctx.actor?.userId ?? null,
  });
  await postDue(ctx, { id, org_id: cadre.orgId }, cadre.name, kind.name, next.dueOn);
  const d = await detail(ctx, cipher, id, false);
  await ctx.audit({
    action: 'care.aid.open',
    objectType: 'care_aid_case',
    objectId: id,
    // the family's details stay out of the audit trail (they are encrypted at rest)
    after: {
      cadreId: cadre.id,
      kindId: kind.id,
      kindName: kind.name,
      openedOn: input.openedOn,
      nextDueOn: next.dueOn,
      dueExplanation: next.explanation,
    },
  });
  return d;
}

/** A checklist item done (date and note). */
export async function markItem(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  itemId: string,
  input: AidItemDone,
): Promise<AidCaseDetail> {
  const row = await mustFindOpen(ctx, id);
  const item = row.checklist.find((i) => i.id === itemId);
  if (!item) refuse('CARE_AID_ITEM_UNKNOWN', { itemId });
  refuse(checkAidDate(input.doneOn, todayOf(ctx), row.opened_on));
  const list = row.checklist.map((i) =>
    i.id === itemId ? { ...i, doneOn: input.doneOn, note: input.note } : i,
  );
  await repo.setChecklist(ctx.client, id, list);
  await ctx.audit({
    action: 'care.aid.item',
    objectType: 'care_aid_case',
    objectId: id,
    before: item,
    after: { id: itemId, name: item?.name, doneOn: input.doneOn, note: input.note },
  });
  return detail(ctx, cipher, id, false);
}

/** A visit or follow-up: the next one is due the case's months after the latest visit. */
export async function addVisit(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  input: AidVisitCreate,
): Promise<AidCaseDetail> {
  const row = await mustFindOpen(ctx, id);
  refuse(checkAidDate(input.visitedOn, todayOf(ctx), row.opened_on));
  const visitId = await repo.insertVisit(ctx.client, {
    caseId: id,
    visitedOn: input.visitedOn,
    visitors: input.visitors,
    content: input.content,
    createdBy: ctx.actor?.userId ?? null,
  });
  const last = row.last_visit_on && row.last_visit_on > input.visitedOn ? row.last_visit_on : input.visitedOn;
  const next = nextFollowUp(row.opened_on, last, row.follow_up_every_months, row.kind_name, '');
  if (row.next_due_on !== next.dueOn) {
    if (row.next_due_on) await resolveNotices(ctx, NOTICE(id, row.next_due_on));
    await repo.setNextDue(ctx.client, id, next.dueOn);
    await postDue(ctx, row, row.cadre_name, row.kind_name, next.dueOn);
  }
  await ctx.audit({
    action: 'care.aid.visit',
    objectType: 'care_aid_case',
    objectId: id,
    after: {
      visitId,
      visitedOn: input.visitedOn,
      visitors: input.visitors,
      content: input.content,
      nextDueOn: next.dueOn,
    },
  });
  return detail(ctx, cipher, id, false);
}

/** 结案 with a note; its pending reminder is resolved. */
export async function closeCase(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  input: AidClose,
): Promise<AidCaseDetail> {
  const row = await mustFindOpen(ctx, id);
  refuse(checkAidDate(input.closedOn, todayOf(ctx), row.opened_on));
  if (!(await repo.closeCase(ctx.client, id, { closedOn: input.closedOn, note: input.note })))
    throw new AppError(409, 'CARE_AID_CLOSED', AID_PROBLEM_TEXT.CARE_AID_CLOSED);
  if (row.next_due_on) await resolveNotices(ctx, NOTICE(id, row.next_due_on));
  await ctx.audit({
    action: 'care.aid.close',
    objectType: 'care_aid_case',
    objectId: id,
    before: { status: row.status },
    after: { closedOn: input.closedOn, note: input.note },
  });
  return detail(ctx, cipher, id, false);
}
