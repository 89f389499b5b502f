import {
  coverageRate,
  healthCoverageExplanation,
  healthPlanText,
  healthYearsCovered,
  type CareCoverage,
  type CareCoverageQuery,
  type CareOfficer,
  type CareOfficerCreate,
  type HealthCheck,
  type HealthCheckList,
  type HealthCheckListQuery,
  type HealthCheckMark,
  type HealthCheckMarkResult,
  type HealthCheckUpdate,
  type MyHealth,
  type Pack,
  type SupportAnswer,
  type SupportRequest,
  type SupportRequestCreate,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { packOnDate, todayOf } from '../../discipline/service/common.ts';
import * as orgs from '../../selection/indicators/repository.ts';
import * as repo from './repository.ts';

/**
 * 体检 (R-CARE-1): the district's pack in force decides who is due a check in a year (`care.healthChecks`:
 * population and interval); a unit admin records that her people were checked on a day (no results, only
 * done / day / follow-up needed); coverage counts due and done per unit. 心理支持: a cadre's request names one
 * care officer and is read only by that officer and the cadre; the audit log carries no text of it.
 */

type Plan = NonNullable<Pack['care']>['healthChecks'][number];

/** The year's last day, or today for the current year (ages and posts of the population on that day). */
function asOfFor(ctx: RequestContext, year: number): string {
  const today = todayOf(ctx);
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

async function plansOf(ctx: RequestContext, year: number): Promise<{ pack: Pack; plans: Plan[] }> {
  const pack = await packOnDate(ctx.client, asOfFor(ctx, year));
  return { pack, plans: pack.care?.healthChecks ?? [] };
}

const planSql = (p: Plan): repo.PlanSql => ({
  id: p.id,
  name: p.name,
  population: p.population,
  covered: healthYearsCovered(p.everyMonths),
});

async function unitOf(ctx: RequestContext, orgId: string | undefined): Promise<orgs.OrgRow> {
  const org = orgId ? await orgs.findOrg(ctx.client, orgId) : await orgs.scopeRoot(ctx.client);
  if (!org) throw notFound('单位');
  return org;
}

/**
 * GET /api/care/coverage?kind=health: per child unit (its subtree) and the unit's own people, counted in
 * SQL per child (`coverageByChild`): a person counts once, planned when due under at least one plan, done
 * when every plan they are due under has this year's check.
 */
export async function healthCoverage(
  ctx: RequestContext,
  q: Omit<CareCoverageQuery, 'kind'>,
): Promise<CareCoverage> {
  const org = await unitOf(ctx, q.orgId);
  const { pack, plans } = await plansOf(ctx, q.year);
  const groups = await repo.coverageByChild(
    ctx.client,
    org.path,
    q.year,
    plans.map(planSql),
    asOfFor(ctx, q.year),
  );
  const figures = (g: { planned: number; done: number } | undefined) => {
    const planned = g?.planned ?? 0;
    const done = g?.done ?? 0;
    return { planned, done, rate: coverageRate(done, planned) };
  };
  const byChild = new Map(groups.map((g) => [g.child, g]));
  const rows: CareCoverage['rows'] = [];
  for (const k of await orgs.childrenOf(ctx.client, org.id)) {
    const f = figures(byChild.get(k.path));
    if (!k.active && f.planned === 0) continue;
    rows.push({ orgId: k.id, orgName: k.name, ...f });
  }
  const own = figures(byChild.get(null));
  if (own.planned > 0) rows.push({ orgId: null, orgName: `${org.name}（本级）`, ...own });
  // people under a child unit not listed (not visible) still count in the total
  return {
    kind: 'health',
    year: q.year,
    orgId: org.id,
    orgName: org.name,
    rows,
    total: figures({
      planned: groups.reduce((n, g) => n + g.planned, 0),
      done: groups.reduce((n, g) => n + g.done, 0),
    }),
    explanation: healthCoverageExplanation(pack.name, plans, q.year),
  };
}

// ---------------------------------------------------------------- checks

export async function listChecks(ctx: RequestContext, q: HealthCheckListQuery): Promise<HealthCheckList> {
  const org = await unitOf(ctx, q.orgId);
  const { pack, plans } = await plansOf(ctx, q.year);
  const { items, total } = await repo.listDue(ctx.client, {
    path: org.path,
    year: q.year,
    plans: plans.map(planSql),
    asOf: asOfFor(ctx, q.year),
    state: q.state,
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    year: q.year,
    orgId: org.id,
    orgName: org.name,
    items: items.map((r) => ({ ...r, year: q.year })),
    total,
    explanation: healthCoverageExplanation(pack.name, plans, q.year),
    plans: plans.map((p) => ({ id: p.id, name: p.name, text: healthPlanText(p) })),
  };
}

function checkDay(ctx: RequestContext, day: string): void {
  if (day > todayOf(ctx)) throw new AppError(400, 'HEALTH_DATE_FUTURE', '体检日期不能晚于今天', { day });
}

/** 批量登记已体检: every cadre must be visible and due under the plan in the day's year. */
export async function markChecks(
  ctx: RequestContext,
  input: HealthCheckMark,
): Promise<HealthCheckMarkResult> {
  checkDay(ctx, input.doneOn);
  const year = Number(input.doneOn.slice(0, 4));
  const { pack, plans } = await plansOf(ctx, year);
  const plan = plans.find((p) => p.id === input.planId);
  if (!plan)
    throw new AppError(400, 'HEALTH_PLAN_UNKNOWN', `${pack.name}中没有体检计划 ${input.planId}`, {
      planId: input.planId,
    });
  const ids = [...new Set(input.cadreIds)];
  // a cadre outside the caller's scope is not found (and its id is not echoed back)
  const visible = await ctx.client.query<{ id: string }>(`SELECT id FROM cadres WHERE id = ANY($1::uuid[])`, [
    ids,
  ]);
  if (visible.rows.length !== ids.length) throw notFound('干部');
  const root = await orgs.scopeRoot(ctx.client);
  const { items } = await repo.listDue(ctx.client, {
    path: root?.path ?? '',
    year,
    plans: [planSql(plan)],
    asOf: asOfFor(ctx, year),
    cadreIds: ids,
    limit: ids.length,
    offset: 0,
  });
  const due = new Set(items.map((r) => r.cadreId));
  const notDue = ids.filter((id) => !due.has(id));
  if (!root || notDue.length)
    throw new AppError(
      400,
      'HEALTH_NOT_DUE',
      `${notDue.length}人不在${healthPlanText(plan)}的范围内，或${year}年无需体检`,
      { cadreIds: notDue },
    );
  const recorded = await repo.insertChecks(ctx.client, {
    cadreIds: ids,
    planId: plan.id,
    year,
    doneOn: input.doneOn,
    userId: ctx.actor?.userId ?? '',
    at: ctx.now,
  });
  const result = { recorded, already: ids.length - recorded };
  await ctx.audit({
    action: 'care.health.mark',
    objectType: 'care_health_check',
    after: { planId: plan.id, year, doneOn: input.doneOn, cadreIds: ids, ...result },
  });
  return result;
}

async function mustFindCheck(ctx: RequestContext, id: string): Promise<repo.CheckRow> {
  const c = await repo.findCheck(ctx.client, id);
  if (!c) throw notFound('体检记录');
  return c;
}

export async function updateCheck(
  ctx: RequestContext,
  id: string,
  input: HealthCheckUpdate,
): Promise<HealthCheck> {
  const before = await mustFindCheck(ctx, id);
  checkDay(ctx, input.doneOn);
  if (Number(input.doneOn.slice(0, 4)) !== before.year)
    throw new AppError(400, 'VALIDATION', `体检日期应在${before.year}年内`, { year: before.year });
  const after = await repo.updateCheck(ctx.client, id, {
    doneOn: input.doneOn,
    followUp: input.followUp,
    followUpNote: input.followUp ? input.followUpNote : '',
  });
  await ctx.audit({
    action: 'care.health.update',
    objectType: 'care_health_check',
    objectId: id,
    before,
    after,
  });
  return after;
}

export async function deleteCheck(ctx: RequestContext, id: string): Promise<void> {
  const before = await mustFindCheck(ctx, id);
  await repo.deleteCheck(ctx.client, id);
  await ctx.audit({ action: 'care.health.delete', objectType: 'care_health_check', objectId: id, before });
}

/** 我的关爱 · 体检: this year's plans the cadre is due under, and the checks on record. */
export async function myHealth(ctx: RequestContext): Promise<MyHealth> {
  const cadreId = ctx.actor?.cadreId;
  const year = Number(todayOf(ctx).slice(0, 4));
  if (!cadreId) return { year, due: [], checks: [] };
  const { plans } = await plansOf(ctx, year);
  const cadre = await repo.cadreOf(ctx.client, cadreId);
  const { items } = cadre
    ? await repo.listDue(ctx.client, {
        path: cadre.orgPath,
        year,
        plans: plans.map(planSql),
        asOf: asOfFor(ctx, year),
        cadreIds: [cadreId],
        limit: 50,
        offset: 0,
      })
    : { items: [] };
  const names = new Map(plans.map((p) => [p.id, p.name]));
  return {
    year,
    due: items.map((r) => {
      const plan = plans.find((p) => p.id === r.planId) as Plan;
      return {
        planId: r.planId,
        planName: r.planName,
        done: r.doneOn !== null,
        explanation: `按${healthPlanText(plan)}，${year}年应体检${r.doneOn ? `，已于${r.doneOn}体检` : '，尚未登记体检'}`,
      };
    }),
    checks: (await repo.checksOfCadre(ctx.client, cadreId)).map((c) => ({
      ...c,
      planName: names.get(c.planId) ?? c.planId,
    })),
  };
}

// ---------------------------------------------------------------- care officers

/** 组织部 of the whole district designates the officers (the list is the district's); the district's unit. */
async function mustBeDistrictOrgdept(ctx: RequestContext): Promise<orgs.OrgRow> {
  const root = await orgs.scopeRoot(ctx.client);
  if (!ctx.actor?.roles.includes('orgdept') || ctx.actor.scopeMode !== 'all' || !root)
    throw forbidden('关爱专员由数据范围为全区的组织部指定');
  return root;
}

export async function listOfficers(
  ctx: RequestContext,
  activeOnly: boolean,
): Promise<{ items: CareOfficer[] }> {
  return { items: await repo.listOfficers(ctx.client, activeOnly) };
}

export async function designateOfficer(ctx: RequestContext, input: CareOfficerCreate): Promise<CareOfficer> {
  const root = await mustBeDistrictOrgdept(ctx);
  const user = await repo.findUserByName(ctx.client, input.username);
  if (!user || !user.active) throw notFound('账号');
  const officer = await repo.upsertOfficer(ctx.client, {
    userId: user.id,
    displayName: input.displayName ?? user.displayName,
    orgPath: root.path,
    by: ctx.actor?.userId ?? '',
    at: ctx.now,
  });
  await ctx.audit({
    action: 'care.officer.designate',
    objectType: 'care_officer',
    objectId: officer.id,
    after: officer,
  });
  return officer;
}

export async function deactivateOfficer(ctx: RequestContext, id: string): Promise<CareOfficer> {
  await mustBeDistrictOrgdept(ctx);
  const officer = await repo.deactivateOfficer(ctx.client, id);
  if (!officer) throw notFound('关爱专员');
  await ctx.audit({
    action: 'care.officer.deactivate',
    objectType: 'care_officer',
    objectId: id,
    after: officer,
  });
  return officer;
}

// ---------------------------------------------------------------- support requests

/** What the audit log keeps of a request: never its topic's text, the body or the answer. */
const auditOf = (s: repo.SupportRow) => ({ officerUserId: s.officerUserId, status: s.status });

export async function mySupport(ctx: RequestContext): Promise<{ items: SupportRequest[] }> {
  const cadreId = ctx.actor?.cadreId;
  if (!cadreId) return { items: [] };
  return { items: (await repo.listSupport(ctx.client, { cadreId })) as SupportRequest[] };
}

export async function officerSupport(ctx: RequestContext): Promise<{ items: SupportRequest[] }> {
  return {
    items: (await repo.listSupport(ctx.client, {
      officerUserId: ctx.actor?.userId ?? '',
    })) as SupportRequest[],
  };
}

export async function fileSupport(ctx: RequestContext, input: SupportRequestCreate): Promise<SupportRequest> {
  const cadreId = ctx.actor?.cadreId;
  if (!cadreId) throw forbidden('只有关联了干部档案的本人账号可以提出心理支持请求');
  const cadre = await repo.cadreOf(ctx.client, cadreId);
  if (!cadre) throw notFound('干部');
  const officer = await repo.findOfficer(ctx.client, input.officerId);
  if (!officer?.active) throw new AppError(400, 'CARE_OFFICER_UNKNOWN', '请选择一位在任的关爱专员');
  const id = await repo.insertSupport(ctx.client, {
    cadreId,
    cadreName: cadre.name,
    orgPath: cadre.orgPath,
    officerUserId: officer.userId,
    requesterId: ctx.actor?.userId ?? '',
    category: input.category,
    body: input.body,
    at: ctx.now,
  });
  const row = (await repo.findSupport(ctx.client, id)) as repo.SupportRow;
  await ctx.audit({
    action: 'care.support.create',
    objectType: 'care_support_request',
    objectId: id,
    after: auditOf(row),
  });
  return row as SupportRequest;
}

/** The request as its named officer (anyone else: not found, as row-level security already hides it). */
async function mustFindAsOfficer(ctx: RequestContext, id: string): Promise<repo.SupportRow> {
  const s = await repo.findSupport(ctx.client, id);
  if (!s || s.officerUserId !== ctx.actor?.userId) throw notFound('心理支持请求');
  return s;
}

export async function answerSupport(
  ctx: RequestContext,
  id: string,
  input: SupportAnswer,
): Promise<SupportRequest> {
  const before = await mustFindAsOfficer(ctx, id);
  if (before.status === 'closed') throw new AppError(409, 'CONFLICT', '该请求已关闭');
  await repo.answerSupport(ctx.client, id, input.answer, ctx.now);
  const after = (await repo.findSupport(ctx.client, id)) as repo.SupportRow;
  await ctx.audit({
    action: 'care.support.answer',
    objectType: 'care_support_request',
    objectId: id,
    before: auditOf(before),
    after: auditOf(after),
  });
  return after as SupportRequest;
}

export async function closeSupport(ctx: RequestContext, id: string): Promise<SupportRequest> {
  const before = await mustFindAsOfficer(ctx, id);
  if (before.status === 'closed') throw new AppError(409, 'CONFLICT', '该请求已关闭');
  await repo.closeSupport(ctx.client, id, ctx.now);
  const after = (await repo.findSupport(ctx.client, id)) as repo.SupportRow;
  await ctx.audit({
    action: 'care.support.close',
    objectType: 'care_support_request',
    objectId: id,
    before: auditOf(before),
    after: auditOf(after),
  });
  return after as SupportRequest;
}
