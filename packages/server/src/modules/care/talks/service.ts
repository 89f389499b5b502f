import {
  chinaToday,
  conditionText,
  coverageRate,
  talkPairText,
  type CareCoverage,
  type CareCoverageQuery,
  type Pack,
  type Talk,
  type TalkContent,
  type TalkInput,
  type TalkLeader,
  type TalkLeaderInput,
  type TalkLeaderUpdate,
  type TalkListQuery,
  type TalkPlan,
  type TalkPlanQuery,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import * as repo from './repository.ts';

/**
 * 谈心谈话 (R-CARE-4): the district leaders and their linked units (kept by the organisation department),
 * the year's plan computed live from the pack's `care.talkPlan` over them, the talks held (the fact seen for
 * coverage, the content only by the talker and the organisation department), and the coverage per unit.
 */

export const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

export async function packInForce(ctx: Pick<RequestContext, 'client' | 'now'>): Promise<Pack> {
  return packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
}

const unique = (e: unknown) => (e as { code?: string }).code === '23505';

// ---------------------------------------------------------------- leaders

export async function listLeaders(ctx: RequestContext): Promise<TalkLeader[]> {
  return repo.listLeaders(ctx.client);
}

async function mustFindLeader(ctx: RequestContext, id: string): Promise<TalkLeader> {
  const l = await repo.findLeader(ctx.client, id);
  if (!l) throw notFound('谈话领导');
  return l;
}

async function checkRefs(ctx: RequestContext, input: { userId?: string | null; orgIds?: string[] }) {
  if (input.userId && !(await repo.userExists(ctx.client, input.userId))) throw notFound('账号');
  const orgIds = [...new Set(input.orgIds ?? [])];
  if (orgIds.length && (await repo.countVisibleOrgs(ctx.client, orgIds)) !== orgIds.length)
    throw notFound('挂钩单位');
  return orgIds;
}

/** A leader of the district (the top of the caller's scope), with the units linked to them. */
export async function createLeader(ctx: RequestContext, input: TalkLeaderInput): Promise<TalkLeader> {
  const orgIds = await checkRefs(ctx, input);
  const top = await repo.scopeTop(ctx.client);
  if (!top) throw forbidden();
  let id: string;
  try {
    id = await repo.insertLeader(ctx.client, {
      orgId: top.id,
      orgPath: top.path,
      name: input.name.trim(),
      title: input.title.trim(),
      kind: input.kind,
      userId: input.userId ?? null,
      cadreId: input.cadreId ?? null,
      createdBy: ctx.actor?.userId ?? null,
    });
  } catch (e) {
    if (unique(e)) throw conflict('已有在任的区委主要负责人，或该账号已登记为谈话领导');
    throw e;
  }
  await repo.setLinks(ctx.client, id, orgIds);
  const after = await mustFindLeader(ctx, id);
  await ctx.audit({ action: 'talk.leader.create', objectType: 'talk_leader', objectId: id, after });
  return after;
}

export async function updateLeader(
  ctx: RequestContext,
  id: string,
  patch: TalkLeaderUpdate,
): Promise<TalkLeader> {
  const before = await mustFindLeader(ctx, id);
  const orgIds = await checkRefs(ctx, patch);
  try {
    if (
      !(await repo.updateLeader(ctx.client, id, {
        name: patch.name?.trim(),
        title: patch.title?.trim(),
        kind: patch.kind,
        userId: patch.userId,
        cadreId: patch.cadreId,
        active: patch.active,
      }))
    )
      throw notFound('谈话领导');
  } catch (e) {
    if (unique(e)) throw conflict('已有在任的区委主要负责人，或该账号已登记为谈话领导');
    throw e;
  }
  if (patch.orgIds !== undefined) await repo.setLinks(ctx.client, id, orgIds);
  const after = await mustFindLeader(ctx, id);
  await ctx.audit({ action: 'talk.leader.update', objectType: 'talk_leader', objectId: id, before, after });
  return after;
}

// ---------------------------------------------------------------- talks

/**
 * 登记谈话: a leader records the talks they held themselves; the organisation department records anyone's.
 * One row per talkee (the fact) and its content row (restricted to the talker's account, the writer and
 * the organisation department).
 */
export async function recordTalks(ctx: RequestContext, input: TalkInput): Promise<Talk[]> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const leader = await mustFindLeader(ctx, input.leaderId);
  if (!actor.roles.includes('orgdept') && leader.userId !== actor.userId)
    throw new AppError(403, 'TALK_NOT_TALKER', '领导只能登记本人参加的谈话');
  if (input.heldOn > todayOf(ctx))
    throw new AppError(400, 'VALIDATION', '谈话日期不能晚于今天', { field: 'heldOn' });
  const ids = [...new Set(input.cadreIds)];
  const cadres = await repo.findCadres(ctx.client, ids);
  if (cadres.length !== ids.length) throw notFound('谈话对象');
  const partyIds = [...new Set([actor.userId, ...(leader.userId ? [leader.userId] : [])])];
  const talkIds: string[] = [];
  for (const c of cadres) {
    const talkId = await repo.insertTalk(ctx.client, {
      leaderId: leader.id,
      cadreId: c.id,
      orgPath: c.orgPath,
      heldOn: input.heldOn,
      form: input.form,
      createdBy: actor.userId,
    });
    await repo.insertContent(ctx.client, {
      talkId,
      orgPath: c.orgPath,
      topics: input.topics.trim(),
      notes: (input.notes ?? '').trim(),
      partyIds,
    });
    talkIds.push(talkId);
    // the audit row keeps the fact, not the content
    await ctx.audit({
      action: 'talk.record',
      objectType: 'talk',
      objectId: talkId,
      after: { leaderId: leader.id, cadreId: c.id, heldOn: input.heldOn, form: input.form },
    });
  }
  const talks: Talk[] = [];
  for (const id of talkIds) {
    const t = await repo.findTalk(ctx.client, id);
    if (t) talks.push(t);
  }
  return talks;
}

export async function listTalks(ctx: RequestContext, q: TalkListQuery) {
  return repo.listTalks(ctx.client, {
    year: q.year,
    cadreId: q.cadreId,
    leaderId: q.leaderId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

/** 谈话内容: 404 to everyone but the talker, the writer and the organisation department; reading is audited. */
export async function talkContent(ctx: RequestContext, talkId: string): Promise<TalkContent> {
  const content = await repo.findContent(ctx.client, talkId);
  if (!content) throw notFound('谈话内容');
  await ctx.audit({ action: 'talk.content.read', objectType: 'talk', objectId: talkId });
  return { talkId, ...content };
}

// ---------------------------------------------------------------- plan and coverage

function rulesOf(pack: Pack): repo.PlanRule[] {
  return (pack.care?.talkPlan ?? []).map((r) => ({
    id: r.id,
    talker: r.talker,
    talkees: r.talkees,
    timesPerYear: r.timesPerYear,
  }));
}

async function planExplanation(ctx: RequestContext, pack: Pack): Promise<string> {
  const rules = pack.care?.talkPlan ?? [];
  if (!rules.length) return `${pack.name}未规定谈心谈话计划`;
  const leaders = (await repo.listLeaders(ctx.client)).filter((l) => l.active);
  const principal = leaders.find((l) => l.kind === 'principal');
  const linked = leaders.filter((l) => l.kind === 'linked');
  const words = rules.map((r) => {
    const who =
      r.talker === 'principal'
        ? principal
          ? `${principal.title}${principal.name}`
          : '区委主要负责人（尚未登记，本项暂无计划）'
        : linked.length
          ? `${linked.length}名挂钩区领导各与所挂钩单位`
          : '挂钩区领导（尚未登记，本项暂无计划）';
    return `“${r.name}”：${who}与${conditionText(r.talkees)}的干部每年谈${r.timesPerYear}次`;
  });
  return `${pack.name}：${words.join('；')}。已谈次数每对最多计到规定次数。`;
}

/** The year's plan: pairs (talker, talkee) × times, with the talks held, each explained. */
export async function talkPlan(ctx: RequestContext, q: TalkPlanQuery): Promise<TalkPlan> {
  const pack = await packInForce(ctx);
  const names = new Map((pack.care?.talkPlan ?? []).map((r) => [r.id, r.name]));
  let underPath: string | null = null;
  if (q.orgId) {
    const org = await repo.findOrg(ctx.client, q.orgId);
    if (!org) throw notFound('单位');
    underPath = org.path;
  }
  const res = await repo.planPairs(ctx.client, rulesOf(pack), q.year, {
    underPath,
    open: q.open,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    year: q.year,
    total: res.total,
    planned: res.planned,
    done: res.done,
    explanation: await planExplanation(ctx, pack),
    items: res.rows.map((r) => {
      const ruleName = names.get(r.rule_id) ?? r.rule_id;
      return {
        ruleId: r.rule_id,
        ruleName,
        leaderId: r.leader_id,
        leaderName: r.leader_name,
        leaderTitle: r.leader_title,
        cadreId: r.cadre_id,
        cadreName: r.cadre_name,
        postTitle: r.post_title,
        orgName: r.org_name,
        times: r.times,
        held: r.held,
        explanation: talkPairText({
          packName: pack.name,
          ruleName,
          leaderTitle: r.leader_title,
          leaderName: r.leader_name,
          orgName: r.org_name,
          postTitle: r.post_title,
          cadreName: r.cadre_name,
          times: r.times,
          held: r.held,
        }),
      };
    }),
  };
}

/** GET /api/care/coverage?kind=talk: per direct child unit, talks planned (pairs × times) and held. */
export async function talkCoverageOf(
  ctx: RequestContext,
  q: Omit<CareCoverageQuery, 'kind'>,
): Promise<CareCoverage> {
  const pack = await packInForce(ctx);
  const top = q.orgId ? await repo.findOrg(ctx.client, q.orgId) : await repo.scopeTop(ctx.client);
  if (!top) throw notFound('单位');
  const units = await repo.coverageByUnit(ctx.client, rulesOf(pack), q.year, top);
  const rows = units
    .filter((u) => u.org_id !== null || u.planned > 0 || u.done > 0)
    .map((u) => ({
      orgId: u.org_id,
      orgName: u.org_name ?? `${top.name}（本级）`,
      planned: u.planned,
      done: u.done,
      rate: coverageRate(u.done, u.planned),
    }));
  const planned = rows.reduce((s, r) => s + r.planned, 0);
  const done = rows.reduce((s, r) => s + r.done, 0);
  return {
    kind: 'talk',
    year: q.year,
    orgId: top.id,
    orgName: top.name,
    rows,
    total: { planned, done, rate: coverageRate(done, planned) },
    explanation: `应谈：谈心谈话计划中每对谈话领导与谈话对象的规定次数之和；已谈：${q.year}年内该领导与该对象已登记的谈话次数（每对最多计到规定次数），按谈话对象所在单位统计。${await planExplanation(ctx, pack)}`,
  };
}
