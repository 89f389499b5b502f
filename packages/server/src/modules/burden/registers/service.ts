import {
  addMonths,
  burdenSummaryOf,
  checkInspection,
  checkRegisterDates,
  chinaToday,
  nextDay,
  overtimeDistributionOf,
  packInForce,
  PackSchema,
  REGISTER_PROBLEM_TEXT,
  shippedPacks,
  type BurdenEntry,
  type BurdenEntryInput,
  type BurdenEntryList,
  type BurdenEntryListQuery,
  type BurdenRegister,
  type BurdenRegisterPolicyView,
  type BurdenSummary,
  type OvertimeDistribution,
  type Pack,
  type RegisterProblem,
} from '@ganbu/core';
import type { BurdenSection } from '@ganbu/core/burden/policy';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { listVersionsOf } from '../../assessment/repository/packs.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import * as repo from './repository.ts';

/**
 * 减负松绑 registers (R-BUR-3, R-BUR-4, R-BUR-6): meetings, documents, inspections and overtime, each entry
 * checked against the pack in force on its date (its kind; for an inspection the plan's total, the
 * frequency per organiser and unit, and the one-vote-veto approval), written and audited; the yearly summary
 * and the overtime distribution computed from the entries.
 */

const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

export const REGISTER_NAMES: Record<BurdenRegister, string> = {
  meeting: '会议',
  document: '文件',
  inspection: '督查检查考核',
  overtime: '加班',
};

/** The audit action codes (labelled in core `burden/register-audit-labels.ts`). */
export const AUDIT_ACTIONS: Record<
  'create' | 'update' | 'delete' | 'import',
  Record<BurdenRegister, string>
> = {
  create: {
    meeting: 'burden.meeting.create',
    document: 'burden.document.create',
    inspection: 'burden.inspection.create',
    overtime: 'burden.overtime.create',
  },
  update: {
    meeting: 'burden.meeting.update',
    document: 'burden.document.update',
    inspection: 'burden.inspection.update',
    overtime: 'burden.overtime.update',
  },
  delete: {
    meeting: 'burden.meeting.delete',
    document: 'burden.document.delete',
    inspection: 'burden.inspection.delete',
    overtime: 'burden.overtime.delete',
  },
  import: {
    meeting: 'burden.meeting.import',
    document: 'burden.document.import',
    inspection: 'burden.inspection.import',
    overtime: 'burden.overtime.import',
  },
};

export function refuse(
  problem: RegisterProblem,
  message?: string,
  details: Record<string, unknown> = {},
): never {
  throw new AppError(400, problem, message ?? REGISTER_PROBLEM_TEXT[problem], { problem, ...details });
}

export interface BurdenPolicy {
  packName: string;
  section: BurdenSection;
}

function sectionOf(pack: Pack, date: string): BurdenPolicy {
  const section =
    pack.burden ??
    packInForce(
      shippedPacks().filter((p) => p.id === pack.id),
      date,
    )?.burden;
  if (!section) throw new AppError(400, 'VALIDATION', `政策包“${pack.name}”未设减负松绑一节`);
  return { packName: pack.name, section };
}

/** The burden section of the district's pack in force on a date (a district version saved before the section existed: the shipped one's). */
export async function burdenPolicy(client: pg.ClientBase, date: string): Promise<BurdenPolicy> {
  return sectionOf(await packOn(client, await selectedPackId(client), date), date);
}

/**
 * The burden section in force on any date, the pack's versions read and parsed once (an import checks each
 * row against the version in force on its date).
 */
export async function burdenPolicies(client: pg.ClientBase): Promise<(date: string) => BurdenPolicy> {
  const packId = await selectedPackId(client);
  const versions = (await listVersionsOf(client, packId)).map((r) => PackSchema.parse(r.body));
  const byVersion = new Map<string, BurdenPolicy>();
  return (date: string) => {
    const pack = packInForce(versions, date);
    if (!pack) throw new AppError(400, 'VALIDATION', `政策包“${packId}”在 ${date} 尚未生效`);
    const key = pack.version.effectiveFrom;
    let hit = byVersion.get(key);
    if (!hit) byVersion.set(key, (hit = sectionOf(pack, date)));
    return hit;
  };
}

export function policyView(p: BurdenPolicy): BurdenRegisterPolicyView {
  const s = p.section;
  return {
    packName: p.packName,
    meetingKinds: s.meetings.meetingKinds,
    documentKinds: s.meetings.documentKinds,
    inspectionKinds: s.inspections.kinds,
    yearlyMax: s.inspections.yearlyMax,
    perOrganiserPerUnitMax: s.inspections.perOrganiserPerUnitMax,
    overPlanApprovalBy: s.inspections.overPlanApprovalBy.name,
    vetoApprovalBy: s.inspections.veto?.approvalBy.name ?? null,
    vetoUnitKinds: s.inspections.veto?.unitKinds ?? [],
    overtimePeriodMonths: s.overtime.surveyPeriodMonths,
    overtimeBands: s.overtime.bands,
  };
}

export function present(r: repo.EntryRow): BurdenEntry {
  return {
    id: r.id,
    register: r.register,
    year: r.year,
    date: r.on_date,
    endDate: r.end_date,
    orgId: r.org_id,
    orgName: r.org_name,
    kindId: r.kind_id,
    kindName: r.kind_name,
    level: r.level,
    title: r.title,
    minutes: r.minutes,
    video: r.video,
    number: r.doc_number,
    targets: r.targets,
    veto: r.veto,
    overPlanApproval:
      r.over_plan_ref && r.over_plan_on ? { reference: r.over_plan_ref, approvedOn: r.over_plan_on } : null,
    vetoApproval: r.veto_ref && r.veto_on ? { reference: r.veto_ref, approvedOn: r.veto_on } : null,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    times: r.times,
    hours: r.hours === null ? null : Number(r.hours),
    editable: r.editable,
  };
}

/** The path a query is about: the unit asked for (in scope), else the user's own scope (null: all). */
export async function scopePath(
  ctx: RequestContext,
  orgId: string | undefined,
): Promise<{ path: string | null; name: string }> {
  if (orgId) {
    const [org] = await repo.findOrgs(ctx.client, [orgId]);
    if (!org) throw notFound('单位');
    return { path: org.path, name: org.name };
  }
  const actor = ctx.actor;
  if (!actor || actor.scopeMode === 'all') return { path: null, name: '全区' };
  const [own] = await repo.findOrgs(ctx.client, [actor.orgId]);
  return { path: actor.orgPath, name: own?.name ?? '' };
}

export async function listEntries(
  ctx: RequestContext,
  register: BurdenRegister,
  q: BurdenEntryListQuery,
): Promise<BurdenEntryList> {
  const orgPath = q.orgId ? (await scopePath(ctx, q.orgId)).path : null;
  const { rows, total } = await repo.listEntries(ctx.client, {
    register,
    year: q.year,
    kindId: q.kindId,
    orgPath: orgPath ?? undefined,
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map(present),
    total,
    policy: policyView(await burdenPolicy(ctx.client, todayOf(ctx))),
  };
}

const kindOf = (list: { id: string; name: string }[], id: string) => {
  const k = list.find((x) => x.id === id);
  if (!k)
    refuse('BURDEN_REGISTER_KIND_UNKNOWN', `${REGISTER_PROBLEM_TEXT.BURDEN_REGISTER_KIND_UNKNOWN}：${id}`);
  return k;
};

const yearOf = (date: string) => Number(date.slice(0, 4));

async function mustOrgs(ctx: RequestContext, ids: string[]): Promise<repo.OrgRef[]> {
  const unique = [...new Set(ids)];
  const found = await repo.findOrgs(ctx.client, unique);
  if (found.length !== unique.length) throw notFound('单位');
  return unique.map((id) => found.find((o) => o.id === id)!);
}

/**
 * Check an entry against the pack in force on its date and the register's rules; the row to write. For an
 * inspection the counts are the district's (read in the system scope: only counts leave it), `excludeId`
 * leaving out the entry being edited.
 */
export async function prepare(
  ctx: RequestContext,
  input: BurdenEntryInput,
  excludeId: string | null = null,
  cache?: { policyAt: (date: string) => BurdenPolicy; orgs: Map<string, repo.OrgRef> },
): Promise<repo.EntryWrite> {
  const today = todayOf(ctx);
  const policyAt = async (date: string) => {
    const on = date <= today ? date : today;
    return cache ? cache.policyAt(on) : burdenPolicy(ctx.client, on);
  };
  const orgs = async (ids: string[]) => {
    if (cache?.orgs) {
      const list = [...new Set(ids)].map((id) => cache.orgs.get(id));
      if (list.some((o) => !o)) throw notFound('单位');
      return list as repo.OrgRef[];
    }
    return mustOrgs(ctx, ids);
  };
  const blank = {
    endDate: null,
    kindId: null,
    kindName: null,
    level: '',
    minutes: null,
    video: null,
    docNumber: null,
    targetOrgIds: [] as string[],
    veto: false,
    overPlanRef: null,
    overPlanOn: null,
    vetoRef: null,
    vetoOn: null,
    explanation: '',
    cadreId: null,
    times: null,
    hours: null,
  };
  switch (input.register) {
    case 'meeting': {
      const problem = checkRegisterDates(input.heldOn, null, today);
      if (problem) refuse(problem);
      const p = await policyAt(input.heldOn);
      const kind = kindOf(p.section.meetings.meetingKinds, input.kindId);
      const [org] = await orgs([input.orgId]);
      await orgs(input.targetOrgIds);
      return {
        ...blank,
        register: 'meeting',
        orgId: org!.id,
        orgPath: org!.path,
        orgName: org!.name,
        year: yearOf(input.heldOn),
        onDate: input.heldOn,
        kindId: kind.id,
        kindName: kind.name,
        level: input.level,
        title: input.title,
        minutes: input.minutes,
        video: input.video,
        targetOrgIds: [...new Set(input.targetOrgIds)],
      };
    }
    case 'document': {
      const problem = checkRegisterDates(input.issuedOn, null, today);
      if (problem) refuse(problem);
      const p = await policyAt(input.issuedOn);
      const kind = kindOf(p.section.meetings.documentKinds, input.kindId);
      const [org] = await orgs([input.orgId]);
      return {
        ...blank,
        register: 'document',
        orgId: org!.id,
        orgPath: org!.path,
        orgName: org!.name,
        year: yearOf(input.issuedOn),
        onDate: input.issuedOn,
        kindId: kind.id,
        kindName: kind.name,
        title: input.title,
        docNumber: input.number,
      };
    }
    case 'inspection': {
      // an inspection may be registered ahead (the year's plan): only its end is checked against its start
      const problem =
        checkRegisterDates(input.startOn, input.endOn, '9999-12-31') ??
        (input.overPlanApproval && input.overPlanApproval.approvedOn > today
          ? 'BURDEN_REGISTER_DATE'
          : null) ??
        (input.vetoApproval && input.vetoApproval.approvedOn > today ? 'BURDEN_REGISTER_DATE' : null);
      if (problem) refuse(problem);
      if (input.endOn && yearOf(input.endOn) !== yearOf(input.startOn))
        refuse('BURDEN_REGISTER_DATE', '督查检查考核事项的起止日期应在同一年度内');
      const p = await policyAt(input.startOn);
      const kind = kindOf(p.section.inspections.kinds, input.kindId);
      const [org] = await orgs([input.orgId]);
      const targets = await orgs(input.targetOrgIds);
      const year = yearOf(input.startOn);
      const counts = await districtInspectionCounts(
        ctx,
        year,
        org!.id,
        targets.map((t) => t.id),
        excludeId,
      );
      const verdict = checkInspection({
        packName: p.packName,
        section: p.section.inspections,
        year,
        yearCount: counts.yearCount,
        organiserName: org!.name,
        targets: targets.map((t) => ({
          name: t.name,
          kind: t.kind,
          fromOrganiser: counts.perTarget.get(t.id) ?? 0,
        })),
        veto: input.veto,
        hasVetoApproval: input.vetoApproval !== null,
        hasOverPlanApproval: input.overPlanApproval !== null,
      });
      if (verdict.problem)
        refuse(verdict.problem, verdict.explanation, {
          yearCount: counts.yearCount,
          yearlyMax: p.section.inspections.yearlyMax,
        });
      return {
        ...blank,
        register: 'inspection',
        orgId: org!.id,
        orgPath: org!.path,
        orgName: org!.name,
        year,
        onDate: input.startOn,
        endDate: input.endOn,
        kindId: kind.id,
        kindName: kind.name,
        title: input.title,
        targetOrgIds: targets.map((t) => t.id),
        veto: input.veto,
        overPlanRef: input.overPlanApproval?.reference ?? null,
        overPlanOn: input.overPlanApproval?.approvedOn ?? null,
        vetoRef: input.vetoApproval?.reference ?? null,
        vetoOn: input.vetoApproval?.approvedOn ?? null,
        explanation: verdict.explanation,
      };
    }
    case 'overtime': {
      const problem = checkRegisterDates(input.fromOn, input.toOn, today);
      if (problem) refuse(problem);
      const [cadre] = await repo.findCadres(ctx.client, [input.cadreId]);
      if (!cadre) throw notFound('干部');
      return {
        ...blank,
        register: 'overtime',
        orgId: cadre.orgId,
        orgPath: cadre.orgPath,
        orgName: cadre.orgName,
        year: yearOf(input.fromOn),
        onDate: input.fromOn,
        endDate: input.toOn,
        title: input.reason,
        cadreId: cadre.id,
        times: input.times,
        hours: input.hours,
      };
    }
  }
}

/** The district's inspection counts (the plan is the district's whoever registers; only counts are read). */
async function districtInspectionCounts(
  ctx: RequestContext,
  year: number,
  organiserId: string,
  targetIds: string[],
  excludeId: string | null,
) {
  await setSystemScope(ctx.client);
  try {
    return await repo.inspectionCounts(ctx.client, year, organiserId, targetIds, excludeId);
  } finally {
    if (ctx.actor) await setScope(ctx.client, ctx.actor);
  }
}

async function mustFind(ctx: RequestContext, register: BurdenRegister, id: string): Promise<repo.EntryRow> {
  const row = await repo.findEntry(ctx.client, register, id);
  if (!row) throw notFound(`${REGISTER_NAMES[register]}登记`);
  return row;
}

function checkRegister(register: BurdenRegister, input: BurdenEntryInput): void {
  if (input.register !== register)
    throw new AppError(400, 'VALIDATION', `登记内容不是${REGISTER_NAMES[register]}登记`);
}

export async function createEntry(
  ctx: RequestContext,
  register: BurdenRegister,
  input: BurdenEntryInput,
): Promise<BurdenEntry> {
  checkRegister(register, input);
  const write = await prepare(ctx, input);
  const [id] = await repo.insertEntries(ctx.client, [write], ctx.actor?.userId ?? null);
  const row = await mustFind(ctx, register, id!);
  await ctx.audit({
    action: AUDIT_ACTIONS.create[register],
    objectType: `burden_${register}`,
    objectId: id!,
    after: write,
  });
  return present(row);
}

export async function updateEntry(
  ctx: RequestContext,
  register: BurdenRegister,
  id: string,
  input: BurdenEntryInput,
): Promise<BurdenEntry> {
  checkRegister(register, input);
  const before = await mustFind(ctx, register, id);
  if (!before.editable) throw notFound(`${REGISTER_NAMES[register]}登记`);
  const write = await prepare(ctx, input, id);
  if (!(await repo.updateEntry(ctx.client, id, write))) throw notFound(`${REGISTER_NAMES[register]}登记`);
  const row = await mustFind(ctx, register, id);
  await ctx.audit({
    action: AUDIT_ACTIONS.update[register],
    objectType: `burden_${register}`,
    objectId: id,
    before: present(before),
    after: write,
  });
  return present(row);
}

export async function deleteEntry(ctx: RequestContext, register: BurdenRegister, id: string): Promise<void> {
  const before = await mustFind(ctx, register, id);
  if (!(await repo.deleteEntry(ctx.client, register, id))) throw notFound(`${REGISTER_NAMES[register]}登记`);
  await ctx.audit({
    action: AUDIT_ACTIONS.delete[register],
    objectType: `burden_${register}`,
    objectId: id,
    before: present(before),
  });
}

/**
 * The yearly summary for the dashboard and the summary page: this year's and last year's counts of the
 * entries organised in `orgPath`'s subtree or aimed at a unit in it (null: every entry the caller sees),
 * under the caller's row-level security, with the change in percent and the sentence behind it.
 */
export async function burdenSummary(
  tx: pg.ClientBase,
  q: { year: number; orgPath: string | null; scopeName?: string },
): Promise<BurdenSummary> {
  const current = await repo.yearCounts(tx, q.year, q.orgPath);
  const last = await repo.yearCounts(tx, q.year - 1, q.orgPath);
  return burdenSummaryOf(q.year, current, last, q.scopeName ?? '');
}

export async function summary(
  ctx: RequestContext,
  q: { year: number; orgId?: string },
): Promise<BurdenSummary> {
  const scope = await scopePath(ctx, q.orgId);
  return burdenSummary(ctx.client, { year: q.year, orgPath: scope.path, scopeName: scope.name });
}

export async function trend(
  ctx: RequestContext,
  q: { year: number; years: number; orgId?: string },
): Promise<{ items: BurdenSummary[] }> {
  const scope = await scopePath(ctx, q.orgId);
  const items: BurdenSummary[] = [];
  for (let y = q.year; y > q.year - q.years; y--)
    items.push(await burdenSummary(ctx.client, { year: y, orgPath: scope.path, scopeName: scope.name }));
  return { items };
}

/**
 * The overtime distribution over the pack's `surveyPeriodMonths` ending on `until` (default today): times
 * per cadre summed over the entries starting in the period, in the pack's bands, with mean and maximum.
 */
export async function overtimeDistribution(
  ctx: RequestContext,
  q: { until?: string; orgId?: string },
): Promise<OvertimeDistribution> {
  const until = q.until ?? todayOf(ctx);
  const p = await burdenPolicy(ctx.client, until <= todayOf(ctx) ? until : todayOf(ctx));
  const months = p.section.overtime.surveyPeriodMonths;
  const from = nextDay(addMonths(until, -months));
  const scope = await scopePath(ctx, q.orgId);
  const perCadre = await repo.overtimePerCadre(ctx.client, from, until, scope.path);
  const d = overtimeDistributionOf(perCadre, p.section.overtime.bands, months, from, until, p.packName);
  return { from, until, months, ...d };
}
