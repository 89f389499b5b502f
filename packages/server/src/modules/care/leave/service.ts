import { addDays } from '@ganbu/core/calendar/dates';
import {
  annualEntitlement,
  checkLeave,
  chinaToday,
  citeSource,
  isWorkingDay,
  LEAVE_KIND_TEXT,
  LEAVE_PROBLEM_TEXT,
  leaveBalance,
  type LeaveBalance,
  type LeaveCadreYear,
  type LeaveList,
  type LeaveListQuery,
  type LeavePolicy,
  type LeavePolicyView,
  type LeaveProblem,
  type LeaveRecord,
  type LeaveRecordCreate,
  type Pack,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { loadWorkingCalendar } from '../../calendar/service.ts';
import * as repo from './repository.ts';

/**
 * 休假 (R-CARE-2): the entitlement of each cadre from the pack in force today (`care.leave`), leave records
 * checked by core (annual leave in working days of the calendar, 疗休养 within the pack's length), the
 * balance. A unit administrator records leave for the people in scope; a cadre reads their own.
 */

const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

export interface LeaveRules {
  pack: Pack;
  leave: LeavePolicy;
  cite: string;
}

/** The district's pack in force today and its leave rules (the national steps when it has no care section). */
export async function leaveRules(ctx: Pick<RequestContext, 'client' | 'now'>): Promise<LeaveRules> {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
  if (!pack.care) throw new AppError(400, 'VALIDATION', `政策包“${pack.name}”没有关心关爱规定`);
  return { pack, leave: pack.care.leave, cite: citeSource(pack.sources['/care/leave/annual']) };
}

function policyView(r: LeaveRules): LeavePolicyView {
  return {
    packName: r.pack.name,
    annual: r.leave.annual.map((s) => ({ minYears: s.minYears, days: s.days })),
    recuperation: r.leave.recuperation ? { ...r.leave.recuperation } : null,
    source: r.cite,
  };
}

function presentBalance(row: repo.CadreLeaveRow, year: number, r: LeaveRules): LeaveBalance {
  const ent = annualEntitlement(row.work_start_date, year, r.leave, r.cite);
  const counts = r.leave.recuperation?.countsAgainstAnnual ?? false;
  const b = leaveBalance(ent, row.taken_annual, row.recuperation_days, counts);
  return {
    cadreId: row.id,
    cadreName: row.name,
    orgId: row.org_id,
    orgName: row.org_name,
    year,
    yearsOfService: ent.years,
    entitled: ent.days,
    takenAnnual: row.taken_annual,
    recuperationDays: row.recuperation_days,
    balance: b.balance,
    explanation: b.explanation,
  };
}

function presentRecord(l: repo.LeaveRow): LeaveRecord {
  return {
    id: l.id,
    cadreId: l.cadre_id,
    cadreName: l.cadre_name,
    kind: l.kind,
    startOn: l.start_on,
    endOn: l.end_on,
    days: l.days,
    countsAgainstAnnual: l.counts_against_annual,
    note: l.note,
    explanation: l.explanation,
  };
}

function refuse(problem: LeaveProblem, explanation: string, details: Record<string, unknown> = {}): never {
  throw new AppError(400, problem, explanation || LEAVE_PROBLEM_TEXT[problem], { problem, ...details });
}

/** The people in scope with their entitlement, days taken and balance for the year. */
export async function listLeave(ctx: RequestContext, q: LeaveListQuery): Promise<LeaveList> {
  const rules = await leaveRules(ctx);
  const { rows, total } = await repo.listCadreLeave(ctx.client, {
    year: q.year,
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => presentBalance(r, q.year, rules)), total, policy: policyView(rules) };
}

/** One cadre's year: balance and records. */
export async function cadreYear(ctx: RequestContext, cadreId: string, year: number): Promise<LeaveCadreYear> {
  const rules = await leaveRules(ctx);
  const row = await repo.findCadreLeave(ctx.client, cadreId, year);
  if (!row) throw notFound('干部');
  const records = await repo.listLeave(ctx.client, cadreId, year);
  return {
    balance: presentBalance(row, year, rules),
    records: records.map(presentRecord),
    policy: policyView(rules),
  };
}

/** 我的休假: the caller's own year (a login linked to a cadre record). */
export async function myYear(ctx: RequestContext, year: number): Promise<LeaveCadreYear> {
  const cadreId = ctx.actor?.cadreId;
  if (!cadreId) throw forbidden('您的账号未关联干部档案');
  return cadreYear(ctx, cadreId, year);
}

/** Working days from start to end (both counted) on the district's calendar. */
async function workingDaysIn(ctx: RequestContext, startOn: string, endOn: string): Promise<number> {
  const cal = await loadWorkingCalendar(ctx.client);
  let n = 0;
  for (let d = startOn; d <= endOn; d = addDays(d, 1)) if (isWorkingDay(cal, d)) n += 1;
  return n;
}

/** Record a leave: checked against the pack and the balance (the cadre's row locked meanwhile), audited. */
export async function recordLeave(ctx: RequestContext, input: LeaveRecordCreate): Promise<LeaveRecord> {
  const rules = await leaveRules(ctx);
  const year = Number(input.startOn.slice(0, 4));
  const cadre = await repo.findCadreLeave(ctx.client, input.cadreId, year);
  if (!cadre) throw notFound('干部');
  await repo.lockCadre(ctx.client, cadre.id);
  const fresh = (await repo.findCadreLeave(ctx.client, cadre.id, year)) ?? cadre;
  const ent = annualEntitlement(fresh.work_start_date, year, rules.leave, rules.cite);
  const sameYear = input.endOn >= input.startOn && input.endOn.slice(0, 4) === input.startOn.slice(0, 4);
  const check = checkLeave(
    {
      kind: input.kind,
      startOn: input.startOn,
      endOn: input.endOn,
      workingDays:
        input.kind === 'annual' && sameYear ? await workingDaysIn(ctx, input.startOn, input.endOn) : 0,
      entitled: ent.days,
      takenAnnual: fresh.taken_annual,
    },
    rules.leave,
    rules.pack.name,
  );
  if (check.problem) refuse(check.problem, check.explanation, check.details);
  if (await repo.overlaps(ctx.client, cadre.id, input.startOn, input.endOn))
    refuse('CARE_LEAVE_OVERLAP', LEAVE_PROBLEM_TEXT.CARE_LEAVE_OVERLAP);
  const id = await repo.insertLeave(ctx.client, {
    cadreId: cadre.id,
    orgPath: cadre.org_path,
    kind: input.kind,
    startOn: input.startOn,
    endOn: input.endOn,
    days: check.days,
    countsAgainstAnnual: check.countsAgainstAnnual,
    note: input.note,
    explanation: check.explanation,
    createdBy: ctx.actor?.userId ?? null,
  });
  const row = await repo.findLeave(ctx.client, id);
  if (!row) throw notFound('休假记录');
  const record = presentRecord(row);
  await ctx.audit({
    action: 'care.leave.record',
    objectType: 'care_leave_record',
    objectId: id,
    after: { ...record, kindName: LEAVE_KIND_TEXT[record.kind] },
  });
  return record;
}

/** Remove a leave record entered by mistake (audited with what it was). */
export async function deleteLeave(ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const before = await repo.findLeave(ctx.client, id);
  if (!before) throw notFound('休假记录');
  if (!(await repo.deleteLeave(ctx.client, id))) throw notFound('休假记录');
  await ctx.audit({
    action: 'care.leave.delete',
    objectType: 'care_leave_record',
    objectId: id,
    before: presentRecord(before),
  });
  return { ok: true };
}
