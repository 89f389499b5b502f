import {
  can,
  chinaToday,
  checkProgramme,
  creditOf,
  daysText,
  defaultAsOf,
  judgeCadre,
  judgeRequirement,
  type JudgeContext,
  monthDayText,
  periodName,
  warnedPeriods,
  requirementText,
  round2,
  TRAINING_PROBLEM_TEXT,
  type AttendanceInput,
  type AttendanceRecord,
  type AttendanceResult,
  type ComplianceLine,
  type ComplianceQuery,
  type ComplianceReport,
  type ComplianceUnit,
  type Enrolment,
  type EnrolmentDecision,
  type EnrolmentListQuery,
  type EnrolmentsAdd,
  type HoldingReport,
  type MyTraining,
  type Pack,
  type Programme,
  type ProgrammeCreate,
  type ProgrammeListQuery,
  type SubstitutionDecision,
  type SubstitutionRequest,
  type TrainingPolicyView,
  type TrainingProblem,
  type TrainingRecord,
  type TrainingRequirement,
  type TrainingSection,
  type WarningsResult,
  conditionText,
  ProgrammeCreateSchema,
  AttendanceInputSchema,
  EnrolmentDecisionSchema,
} from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { postNotice } from '../../workflow/service.ts';
import * as repo from './repository.ts';

/**
 * 教育培训 (R-TRN-1/2): programmes under the pack's training section in force (kinds, hours per day), enrolment
 * by application, competitive selection (rank and reason) or named dispatch (the unit confirms or asks for
 * a substitute, the organiser decides), attendance with credit, the compliance report judged on a day
 * against the pack's requirements, the holding plans, and the shortfall warnings posted to the inbox
 * (idempotent per requirement, cadre, year and period). Every write is audited.
 */

const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);
/** one collator (localeCompare with a locale builds one per call: seconds over 100,000 names) */
const ZH = new Intl.Collator('zh-CN');

function refuse(problem: TrainingProblem | null, details: Record<string, unknown> = {}): void {
  if (problem) throw new AppError(400, 'VALIDATION', TRAINING_PROBLEM_TEXT[problem], { problem, ...details });
}

function actorOf(ctx: RequestContext) {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

async function policy(
  ctx: Pick<RequestContext, 'client'>,
  on: string,
): Promise<{ pack: Pack; section: TrainingSection }> {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), on);
  return { pack, section: sectionOf(pack) };
}

/** The pack's training section (an empty one when the pack has none). */
function sectionOf(pack: Pack): TrainingSection {
  return (
    pack.training ?? {
      programmeKinds: [],
      hoursPerDay: 8,
      requirements: [],
      holdingPlans: [],
      stations: null,
      practiceKinds: [],
    }
  );
}

const kindNamesOf = (s: TrainingSection) => Object.fromEntries(s.programmeKinds.map((k) => [k.id, k.name]));

export async function getPolicy(ctx: RequestContext): Promise<TrainingPolicyView> {
  const { pack, section } = await policy(ctx, todayOf(ctx));
  const names = kindNamesOf(section);
  return {
    packId: pack.id,
    packName: pack.name,
    programmeKinds: section.programmeKinds,
    hoursPerDay: section.hoursPerDay,
    requirements: section.requirements.map((r) => ({
      id: r.id,
      name: r.name,
      measure: r.measure,
      text: requirementText(r, names),
    })),
    holdingPlans: section.holdingPlans,
  };
}

// ---------------------------------------------------------------- programmes

function targetText(p: repo.ProgrammeRow): string {
  const units = p.target_org_ids.length ? p.target_org_names.join('、') : `${p.organiser_name}及下属单位`;
  return p.target_condition ? `${units}中${conditionText(p.target_condition)}的干部` : `${units}的干部`;
}

function present(p: repo.ProgrammeRow, sessions: readonly repo.SessionRow[]): Programme {
  const credit = creditOf({ days: p.days, hours: p.hours }, p.hours_per_day, p.pack_name);
  return {
    id: p.id,
    name: p.name,
    kindId: p.kind_id,
    kindName: p.kind_name,
    organiserOrgId: p.org_id,
    organiserName: p.organiser_name,
    startOn: p.start_on,
    endOn: p.end_on,
    days: p.days,
    hours: p.hours,
    creditDays: p.credit_days,
    creditExplanation: credit?.explanation ?? `按${daysText(p.credit_days)}天计算培训时间`,
    target: {
      orgIds: p.target_org_ids,
      orgNames: p.target_org_names,
      condition: p.target_condition,
      text: targetText(p),
    },
    enrolmentMode: p.enrolment_mode,
    seats: p.seats,
    note: p.note,
    sessions: sessions
      .filter((s) => s.programme_id === p.id)
      .map((s) => ({
        id: s.id,
        title: s.title,
        on: s.on_date,
        days: s.days,
        hours: s.hours,
        creditDays: s.credit_days,
        creditExplanation:
          s.days === null && s.hours === null
            ? `全班${daysText(p.credit_days)}天平均分到各课次，每次${daysText(s.credit_days)}天`
            : (creditOf({ days: s.days, hours: s.hours }, p.hours_per_day, p.pack_name)?.explanation ?? ''),
      })),
    enrolled: p.enrolled,
    attended: p.attended,
  };
}

async function mustFindProgramme(ctx: RequestContext, id: string): Promise<repo.ProgrammeRow> {
  const p = await repo.findProgramme(ctx.client, id);
  if (!p) throw notFound('培训班');
  return p;
}

export async function getProgramme(ctx: RequestContext, id: string): Promise<Programme> {
  const p = await mustFindProgramme(ctx, id);
  return present(p, await repo.sessionsOf(ctx.client, [id]));
}

export async function listProgrammes(ctx: RequestContext, q: ProgrammeListQuery) {
  const { rows, total } = await repo.listProgrammes(ctx.client, {
    year: q.year,
    kindId: q.kindId,
    organiserOrgId: q.organiserOrgId,
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const sessions = await repo.sessionsOf(
    ctx.client,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, sessions)), total };
}

/** 新建培训班: the pack's kind, credit from days or hours, target units (visible) and condition, sessions. */
export async function createProgramme(ctx: RequestContext, raw: ProgrammeCreate): Promise<Programme> {
  const input = ProgrammeCreateSchema.parse(raw);
  const actor = actorOf(ctx);
  const { pack, section } = await policy(ctx, input.startOn);
  refuse(checkProgramme(input, section), { kindId: input.kindId, packId: pack.id });
  const credit = creditOf(input, section.hoursPerDay, pack.name);
  if (!credit) refuse('TRAINING_CREDIT_REQUIRED');
  const organiser = (await repo.findOrgs(ctx.client, [input.organiserOrgId]))[0];
  if (!organiser) throw notFound('主办单位');
  const targets = [...new Set(input.target.orgIds)];
  const found = await repo.findOrgs(ctx.client, targets);
  if (found.length !== targets.length) throw notFound('培训对象单位');
  const sessions = input.sessions.map((s) => {
    const c =
      s.days === undefined && s.hours === undefined ? null : creditOf(s, section.hoursPerDay, pack.name);
    if (s.days !== undefined && s.hours !== undefined)
      refuse('TRAINING_CREDIT_REQUIRED', { session: s.title });
    return { ...s, credit: c };
  });
  const even = sessions.length ? round2(credit!.days / sessions.length) : 0;
  const id = await repo.insertProgramme(ctx.client, {
    orgId: organiser.id,
    orgPath: organiser.path,
    organiserName: organiser.name,
    name: input.name,
    kindId: input.kindId,
    kindName: section.programmeKinds.find((k) => k.id === input.kindId)!.name,
    startOn: input.startOn,
    endOn: input.endOn,
    days: input.days ?? null,
    hours: input.hours ?? null,
    hoursPerDay: section.hoursPerDay,
    creditDays: credit!.days,
    packName: pack.name,
    targetOrgIds: targets,
    targetOrgNames: targets.map((id) => found.find((o) => o.id === id)!.name),
    targetCondition: input.target.condition,
    mode: input.enrolmentMode,
    seats: input.seats,
    note: input.note,
    createdBy: actor.userId,
  });
  let seq = 0;
  for (const s of sessions)
    await repo.insertSession(ctx.client, {
      programmeId: id,
      seq: ++seq,
      title: s.title,
      on: s.on,
      days: s.days ?? null,
      hours: s.hours ?? null,
      creditDays: s.credit?.days ?? even,
    });
  const programme = await getProgramme(ctx, id);
  await ctx.audit({
    action: 'training.programme.create',
    objectType: 'training_programme',
    objectId: id,
    after: programme,
  });
  return programme;
}

// ---------------------------------------------------------------- enrolment

function explainEnrolment(e: repo.EnrolmentRow): string {
  const who = e.cadre_name;
  switch (e.status) {
    case 'applied':
      return e.enrolment_mode === 'competitive'
        ? `${who}已报名参加竞争性选调，待主办单位择优确定`
        : `${who}已报名，待主办单位审核`;
    case 'admitted':
      return e.rank !== null ? `${who}排名第${e.rank}，已录取：${e.reason}` : `${who}已录取`;
    case 'rejected':
      return `${who}未录取${e.reason ? `：${e.reason}` : ''}`;
    case 'named':
      return `点名调训：${e.unit_name}须派${who}参加，待单位确认`;
    case 'confirmed':
      return e.substitute_for
        ? `点名调训：经主办单位同意，由${who}替换${e.substitute_for_name ?? ''}参加`
        : `点名调训：${e.unit_name}已确认派${who}参加`;
    case 'substitution_requested':
      return `点名调训：${e.unit_name}申请由${e.substitute_name ?? ''}替换${who}参加（${e.substitute_reason}），待主办单位决定`;
    case 'replaced':
      return `点名调训：经主办单位同意，改由${e.substitute_name ?? ''}参加（${e.substitute_reason}）`;
  }
}

function presentEnrolment(e: repo.EnrolmentRow): Enrolment {
  return {
    id: e.id,
    programmeId: e.programme_id,
    programmeName: e.programme_name,
    enrolmentMode: e.enrolment_mode,
    cadreId: e.cadre_id,
    cadreName: e.cadre_name,
    orgId: e.org_id,
    unitName: e.unit_name,
    status: e.status,
    rank: e.rank,
    note: e.note,
    reason: e.reason,
    substitute:
      e.substitute_cadre_id && e.substitute_name
        ? { cadreId: e.substitute_cadre_id, cadreName: e.substitute_name, reason: e.substitute_reason }
        : null,
    substituteFor:
      e.substitute_for && e.substitute_for_name
        ? { enrolmentId: e.substitute_for, cadreName: e.substitute_for_name }
        : null,
    explanation: explainEnrolment(e),
  };
}

async function mustFindEnrolment(ctx: RequestContext, id: string, lock = false): Promise<repo.EnrolmentRow> {
  const e = await repo.findEnrolment(ctx.client, id, lock);
  if (!e) throw notFound('培训报名');
  return e;
}

const stateRefusal = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(409, 'TRAINING_ENROLMENT_STATE', message, details);

export async function listEnrolments(ctx: RequestContext, q: EnrolmentListQuery) {
  const { rows, total } = await repo.listEnrolments(ctx.client, {
    programmeId: q.programmeId,
    status: q.status,
    mustSend: q.mustSend,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(presentEnrolment), total };
}

/** Cadres visible to the user and in the programme's target; refused as a whole otherwise. */
async function targetCadres(ctx: RequestContext, p: repo.ProgrammeRow, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const cadres = await repo.findCadres(ctx.client, unique);
  if (cadres.length !== unique.length) throw notFound('干部');
  const inside = await repo.inTarget(ctx.client, p, unique, todayOf(ctx));
  const outside = cadres.filter((c) => !inside.has(c.id));
  if (outside.length)
    throw new AppError(
      422,
      'TRAINING_NOT_TARGET',
      `${outside.map((c) => c.name).join('、')}不在本培训班的培训对象（${targetText(p)}）范围内`,
      { cadreIds: outside.map((c) => c.id) },
    );
  return cadres;
}

/**
 * 点名调训 (dispatch, the organiser only: training.manage) names cadres the units must send; on an application
 * or competitive programme a unit applies for its cadres. A cadre already enrolled is left as they are.
 */
export async function addEnrolments(ctx: RequestContext, programmeId: string, input: EnrolmentsAdd) {
  const actor = actorOf(ctx);
  const p = await mustFindProgramme(ctx, programmeId);
  if (p.enrolment_mode === 'dispatch' && !can(actor.roles, 'training.manage'))
    throw forbidden('点名调训名单由主办单位（组织部）确定');
  const cadres = await targetCadres(ctx, p, input.cadreIds);
  const status = p.enrolment_mode === 'dispatch' ? 'named' : 'applied';
  const ids: string[] = [];
  for (const c of cadres) {
    const id = await repo.insertEnrolment(ctx.client, {
      programmeId,
      cadreId: c.id,
      orgPath: c.orgPath,
      status,
      note: input.note ?? '',
      createdBy: actor.userId,
    });
    if (id) ids.push(id);
  }
  const items: Enrolment[] = [];
  for (const id of ids) items.push(presentEnrolment(await mustFindEnrolment(ctx, id)));
  if (status === 'named')
    for (const e of items)
      await postNotice(ctx, {
        kind: 'training.dispatch',
        kindName: '点名调训',
        title: `点名调训：须派${e.cadreName}参加“${p.name}”（${p.start_on}开班）`,
        link: `/training/programmes/${p.id}`,
        orgId: e.orgId,
        recipientRoles: ['unit_admin'],
        dueOn: p.start_on,
        sourceKey: `training.dispatch:${e.id}`,
      });
  await ctx.audit({
    action: status === 'named' ? 'training.enrolment.name' : 'training.enrolment.apply',
    objectType: 'training_programme',
    objectId: programmeId,
    after: {
      status,
      enrolments: items.map((e) => ({ id: e.id, cadreId: e.cadreId, cadreName: e.cadreName })),
    },
  });
  return { items };
}

/** A cadre applies for themselves to an application or competitive programme they are a target of. */
export async function apply(ctx: RequestContext, programmeId: string, note: string): Promise<Enrolment> {
  const actor = actorOf(ctx);
  if (!actor.cadreId) throw notFound('干部');
  const p = await mustFindProgramme(ctx, programmeId);
  if (p.enrolment_mode === 'dispatch') throw stateRefusal('点名调训的培训班不接受个人报名');
  if (p.start_on < todayOf(ctx)) throw stateRefusal('培训班已开班，不能再报名');
  const [cadre] = await targetCadres(ctx, p, [actor.cadreId]);
  const id = await repo.insertEnrolment(ctx.client, {
    programmeId,
    cadreId: cadre!.id,
    orgPath: cadre!.orgPath,
    status: 'applied',
    note,
    createdBy: actor.userId,
  });
  if (!id) throw stateRefusal('已报名本培训班');
  const e = presentEnrolment(await mustFindEnrolment(ctx, id));
  await ctx.audit({
    action: 'training.enrolment.apply',
    objectType: 'training_enrolment',
    objectId: id,
    after: e,
  });
  return e;
}

/** 录取 / 不录取; competitive: the rank and the reason are required, admitted at most the seats. */
export async function decide(ctx: RequestContext, id: string, raw: EnrolmentDecision): Promise<Enrolment> {
  const input = EnrolmentDecisionSchema.parse(raw);
  const actor = actorOf(ctx);
  const before = await mustFindEnrolment(ctx, id, true);
  if (before.status !== 'applied' && !(before.status === 'admitted' && input.decision === 'reject'))
    throw stateRefusal('只能对报名待审核的人员作出录取决定', { status: before.status });
  const competitive = before.enrolment_mode === 'competitive';
  if (competitive && (!input.reason || (input.decision === 'admit' && input.rank === undefined)))
    throw new AppError(400, 'REASON_REQUIRED', '竞争性选调须写明排名和择优理由');
  if (input.decision === 'admit' && before.seats !== null) {
    const admitted = await repo.countAdmitted(ctx.client, before.programme_id);
    if (admitted >= before.seats)
      throw new AppError(409, 'TRAINING_SEATS_FULL', `已录取${admitted}人，达到名额${before.seats}人`, {
        admitted,
        seats: before.seats,
      });
  }
  await repo.updateEnrolment(ctx.client, id, {
    status: input.decision === 'admit' ? 'admitted' : 'rejected',
    rank: input.rank ?? null,
    reason: input.reason,
    decidedBy: actor.userId,
    now: ctx.now,
  });
  const after = presentEnrolment(await mustFindEnrolment(ctx, id));
  await ctx.audit({
    action: 'training.enrolment.decide',
    objectType: 'training_enrolment',
    objectId: id,
    before: { status: before.status },
    after: { status: after.status, rank: after.rank, reason: after.reason },
  });
  return after;
}

async function mustBeNamed(ctx: RequestContext, id: string): Promise<repo.EnrolmentRow> {
  const e = await mustFindEnrolment(ctx, id, true);
  if (e.enrolment_mode !== 'dispatch' || e.status !== 'named')
    throw stateRefusal('只能对待确认的点名调训人员确认或申请替换', { status: e.status });
  return e;
}

/** The unit confirms it sends the named cadre. */
export async function confirm(ctx: RequestContext, id: string): Promise<Enrolment> {
  const before = await mustBeNamed(ctx, id);
  await repo.updateEnrolment(ctx.client, id, { status: 'confirmed', now: ctx.now });
  const after = presentEnrolment(await mustFindEnrolment(ctx, id));
  await ctx.audit({
    action: 'training.enrolment.confirm',
    objectType: 'training_enrolment',
    objectId: id,
    before: { status: before.status },
    after: { status: after.status },
  });
  return after;
}

/** The unit asks to send another cadre (in the target, not yet enrolled) instead, with the reason. */
export async function requestSubstitution(
  ctx: RequestContext,
  id: string,
  input: SubstitutionRequest,
): Promise<Enrolment> {
  const before = await mustBeNamed(ctx, id);
  if (input.substituteCadreId === before.cadre_id) throw stateRefusal('替换人员不能是被点名的本人');
  const p = await mustFindProgramme(ctx, before.programme_id);
  await targetCadres(ctx, p, [input.substituteCadreId]);
  if (await repo.findEnrolmentOf(ctx.client, p.id, input.substituteCadreId))
    throw stateRefusal('替换人员已在本培训班名单中');
  await repo.updateEnrolment(ctx.client, id, {
    status: 'substitution_requested',
    substituteCadreId: input.substituteCadreId,
    substituteReason: input.reason.trim(),
    now: ctx.now,
  });
  const after = presentEnrolment(await mustFindEnrolment(ctx, id));
  await ctx.audit({
    action: 'training.enrolment.substitute',
    objectType: 'training_enrolment',
    objectId: id,
    before: { status: before.status },
    after: { status: after.status, substitute: after.substitute },
  });
  return after;
}

/**
 * The organiser decides a substitution: accepted, the named cadre's enrolment is `replaced` and the
 * substitute gets a `confirmed` enrolment of their own (substituteFor); refused, the named cadre is
 * `named` again (the unit must send them) with the organiser's note as the reason.
 */
export async function decideSubstitution(
  ctx: RequestContext,
  id: string,
  input: SubstitutionDecision,
): Promise<Enrolment> {
  const actor = actorOf(ctx);
  const before = await mustFindEnrolment(ctx, id, true);
  if (before.status !== 'substitution_requested' || !before.substitute_cadre_id)
    throw stateRefusal('该点名调训人员没有待决定的替换申请', { status: before.status });
  const note = (input.note ?? '').trim();
  let substituteEnrolmentId: string | null = null;
  if (input.accept) {
    const [sub] = await repo.findCadres(ctx.client, [before.substitute_cadre_id]);
    if (!sub) throw notFound('替换人员');
    substituteEnrolmentId = await repo.insertEnrolment(ctx.client, {
      programmeId: before.programme_id,
      cadreId: sub.id,
      orgPath: sub.orgPath,
      status: 'confirmed',
      note: before.substitute_reason,
      substituteFor: id,
      createdBy: actor.userId,
    });
    if (!substituteEnrolmentId) throw stateRefusal('替换人员已在本培训班名单中');
  }
  await repo.updateEnrolment(ctx.client, id, {
    status: input.accept ? 'replaced' : 'named',
    reason: note,
    decidedBy: actor.userId,
    now: ctx.now,
  });
  const after = presentEnrolment(await mustFindEnrolment(ctx, id));
  await ctx.audit({
    action: 'training.enrolment.substitution',
    objectType: 'training_enrolment',
    objectId: id,
    before: { status: before.status, substituteCadreId: before.substitute_cadre_id },
    after: { status: after.status, accepted: input.accept, note, substituteEnrolmentId },
  });
  return after;
}

// ---------------------------------------------------------------- attendance

function presentAttendance(a: repo.AttendanceRow): AttendanceRecord {
  return {
    programmeId: a.programme_id,
    programmeName: a.programme_name,
    kindId: a.kind_id,
    kindName: a.kind_name,
    sessionId: a.session_id,
    sessionTitle: a.session_title,
    on: a.on_date,
    cadreId: a.cadre_id,
    cadreName: a.cadre_name,
    attended: a.attended,
    leaveReason: a.leave_reason,
    creditDays: a.credit_days,
    explanation: a.attended
      ? `${a.on_date} 参加“${a.programme_name}”${a.session_title ? `（${a.session_title}）` : ''}，计${daysText(a.credit_days)}天`
      : `${a.on_date} 未参加“${a.programme_name}”${a.session_title ? `（${a.session_title}）` : ''}${a.leave_reason ? `，请假：${a.leave_reason}` : ''}，不计学时`,
  };
}

/**
 * 考勤: per session (or the whole programme when it has no sessions), per cadre taking part: attended with
 * the credit (the session's or programme's, or less), or absent with the leave reason. Recording again
 * replaces the cadre's earlier entry. Not before the day it counts on.
 */
export async function recordAttendance(
  ctx: RequestContext,
  programmeId: string,
  raw: AttendanceInput,
): Promise<AttendanceResult> {
  const input = AttendanceInputSchema.parse(raw);
  const actor = actorOf(ctx);
  const p = await mustFindProgramme(ctx, programmeId);
  const sessions = await repo.sessionsOf(ctx.client, [programmeId]);
  let on = p.end_on;
  let full = p.credit_days;
  if (input.sessionId) {
    const s = sessions.find((x) => x.id === input.sessionId);
    if (!s) throw notFound('课次');
    on = s.on_date;
    full = s.credit_days;
  } else if (sessions.length) throw new AppError(400, 'VALIDATION', '本培训班按课次记录考勤，请选择课次');
  if (on > todayOf(ctx)) throw new AppError(400, 'VALIDATION', `考勤日期 ${on} 晚于今天，不能提前记录`);
  const part = await repo.takingPart(ctx.client, programmeId);
  const outside = input.records.filter((r) => !part.has(r.cadreId)).map((r) => r.cadreId);
  if (outside.length)
    throw new AppError(422, 'TRAINING_NOT_ENROLLED', '名单中有不是本培训班学员的人员', { cadreIds: outside });
  const seen = new Set<string>();
  for (const r of input.records) {
    if (seen.has(r.cadreId)) throw new AppError(400, 'VALIDATION', '同一人员在名单中出现了两次');
    seen.add(r.cadreId);
    if (r.creditDays !== undefined && (!r.attended || r.creditDays > full))
      throw new AppError(
        400,
        'VALIDATION',
        r.attended ? `所计天数不能超过本次培训的${daysText(full)}天` : '缺勤不计学时',
        { cadreId: r.cadreId },
      );
  }
  for (const r of input.records)
    await repo.upsertAttendance(ctx.client, {
      programmeId,
      sessionId: input.sessionId,
      cadreId: r.cadreId,
      orgPath: part.get(r.cadreId)!,
      kindId: p.kind_id,
      on,
      attended: r.attended,
      leaveReason: r.attended ? '' : r.leaveReason,
      creditDays: r.attended ? round2(r.creditDays ?? full) : 0,
      recordedBy: actor.userId,
      now: ctx.now,
    });
  const rows = await repo.attendanceOf(ctx.client, { programmeId, sessionId: input.sessionId });
  const items = rows.filter((a) => seen.has(a.cadre_id)).map(presentAttendance);
  await ctx.audit({
    action: 'training.attendance.record',
    objectType: 'training_programme',
    objectId: programmeId,
    after: {
      sessionId: input.sessionId,
      on,
      records: items.map((a) => ({ cadreId: a.cadreId, attended: a.attended, creditDays: a.creditDays })),
    },
  });
  return { programmeId, sessionId: input.sessionId, on, items };
}

/** The attendance recorded for a programme (every session and the whole programme), as the user may see it. */
export async function listAttendance(ctx: RequestContext, programmeId: string) {
  await mustFindProgramme(ctx, programmeId);
  const rows = await repo.attendanceOf(ctx.client, { programmeId });
  return { items: rows.map(presentAttendance) };
}

// ---------------------------------------------------------------- compliance

interface Judged {
  person: repo.PersonRow;
  line: ComplianceLine;
  applying: TrainingRequirement[];
}

/** The active cadres of the subtree judged on asOf (every one, one cadre, or the cadres of some units). */
async function judgeAll(
  ctx: RequestContext,
  rootPath: string,
  year: number,
  asOf: string,
  only: repo.Only = {},
): Promise<{ pack: Pack; section: TrainingSection; judged: Judged[] }> {
  const { pack, section } = await policy(ctx, asOf);
  const reqs = section.requirements;
  const people = await repo.peopleOf(
    ctx.client,
    rootPath,
    reqs.map((r) => r.population),
    asOf,
    only,
  );
  const facts = await repo.factsOf(
    ctx.client,
    rootPath,
    year,
    asOf,
    only.orgIds ? { cadreIds: people.map((x) => x.id) } : only,
  );
  const units = await repo.orgNames(ctx.client, [...new Set(people.map((p) => p.org_id))]);
  const jctx = { year, asOf, packName: pack.name, kindNames: kindNamesOf(section) };
  const judged = people.map((person) => {
    const applying = reqs.filter((_, i) => person.applies[i]);
    const j = judgeCadre(applying, facts.get(person.id) ?? {}, jctx);
    const line: ComplianceLine = {
      cadreId: person.id,
      cadreName: person.name,
      orgId: person.org_id,
      unitName: units.get(person.org_id) ?? '',
      ...j,
    };
    return { person, line, applying };
  });
  return { pack, section, judged };
}

/** The subtree judged: the unit asked for, else the user's scope (the whole district for 全部). */
async function rootOf(ctx: RequestContext, orgId: string | undefined): Promise<string> {
  const actor = actorOf(ctx);
  if (!orgId && actor.scopeMode === 'all') return repo.rootPath(ctx.client);
  const org = (await repo.findOrgs(ctx.client, [orgId ?? actor.orgId]))[0];
  if (!org) throw notFound('单位');
  return org.path;
}

function yearAndDay(ctx: RequestContext, q: { year?: number; asOf?: string }) {
  const today = todayOf(ctx);
  const year = q.year ?? Number((q.asOf ?? today).slice(0, 4));
  const asOf = q.asOf ?? defaultAsOf(year, today);
  if (asOf.slice(0, 4) !== String(year))
    throw new AppError(400, 'VALIDATION', `判断日期 ${asOf} 不在 ${year} 年内`);
  return { year, asOf };
}

/**
 * The pack's requirements as SQL predicates equivalent to the core judge: the periods an everyPeriod
 * requirement asks for on asOf are those the core judge itself finds missed or closing for a cadre with no
 * training (`judgeRequirement` on empty facts, then `warnedPeriods`), each as a mask of its months.
 */
export function requirementsSql(
  reqs: readonly TrainingRequirement[],
  jctx: JudgeContext,
): repo.RequirementSql[] {
  return reqs.map((r) => {
    if (r.measure !== 'everyPeriod')
      return {
        measure: r.measure,
        kinds: r.programmeKinds,
        min: r.min,
        warned: jctx.asOf >= `${jctx.year}-${r.warnFrom}`,
      };
    const periods = judgeRequirement(r, {}, jctx).periods ?? [];
    return {
      measure: 'everyPeriod',
      kinds: r.programmeKinds,
      duePeriods: warnedPeriods(periods, jctx.asOf, r.warnDaysBefore).map((p) => {
        let mask = 0;
        for (let m = Number(p.from.slice(5, 7)); m <= Number(p.to.slice(5, 7)); m++) mask |= 1 << (m - 1);
        return mask;
      }),
    };
  });
}

async function groupsOf(
  ctx: { client: pg.ClientBase },
  a: { pack: Pack; section: TrainingSection; rootPath: string; year: number; asOf: string; needle?: string },
): Promise<repo.ComplianceGroup[]> {
  const jctx = { year: a.year, asOf: a.asOf, packName: a.pack.name, kindNames: kindNamesOf(a.section) };
  return repo.complianceGroups(ctx.client, {
    rootPath: a.rootPath,
    year: a.year,
    asOf: a.asOf,
    populations: a.section.requirements.map((r) => r.population),
    requirements: requirementsSql(a.section.requirements, jctx),
    needle: a.needle,
  });
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The per-unit summary from the SQL groups (units by path; the search does not narrow it). */
function unitsOf(groups: readonly repo.ComplianceGroup[], names: Map<string, string>) {
  const byUnit = new Map<string, ComplianceUnit & { path: string; total: number }>();
  for (const g of groups) {
    let u = byUnit.get(g.org_id);
    if (!u)
      byUnit.set(
        g.org_id,
        (u = {
          orgId: g.org_id,
          unitName: names.get(g.org_id) ?? '',
          path: g.org_path,
          cadres: 0,
          required: 0,
          met: 0,
          short: 0,
          warnings: 0,
          averageDays: 0,
          total: 0,
        }),
      );
    u.cadres += g.cadres;
    u.total += g.days;
    u.required += g.required;
    // a cadre under no requirement is met; so the short are the unmet, the met the rest of the required
    if (g.met) u.met += g.required;
    else u.short += g.cadres;
    u.warnings += g.warnings;
  }
  return [...byUnit.values()].sort(byPath);
}

/**
 * 培训达标情况: every active cadre of the subtree (default: the user's unit) judged on asOf against the
 * pack's requirements, with a summary per unit; the lines short first, then by unit and name. The summary
 * and the paging come from one SQL pass (`complianceGroups`, the judge as SQL predicates); only the units
 * the page falls in are judged in JS, with their sentences, and sorted by name.
 */
export async function compliance(ctx: RequestContext, q: ComplianceQuery): Promise<ComplianceReport> {
  const { year, asOf } = yearAndDay(ctx, q);
  const root = await rootOf(ctx, q.orgId);
  const { pack, section } = await policy(ctx, asOf);
  const needle = q.q?.trim() || undefined;
  const groups = await groupsOf(ctx, { pack, section, rootPath: root, year, asOf, needle });
  const units = await unitSummary(ctx, groups);
  // the lines' blocks in the report's order: short first, then by unit path (names sort inside a block)
  const blocks = groups
    .filter((g) => g.hit && (!q.onlyShort || !g.met))
    .map((g) => ({ ...g, path: g.org_path }))
    .sort((a, b) => Number(a.met) - Number(b.met) || byPath(a, b));
  const total = blocks.reduce((n, b) => n + b.cadres, 0);
  const from = (q.page - 1) * q.pageSize;
  const to = q.page * q.pageSize;
  const shown: typeof blocks = [];
  let start = 0;
  let first = -1;
  for (const b of blocks) {
    if (start < to && start + b.cadres > from) {
      if (first < 0) first = start;
      shown.push(b);
    }
    start += b.cadres;
  }
  let items: ComplianceLine[] = [];
  if (shown.length) {
    const { judged } = await judgeAll(ctx, root, year, asOf, {
      orgIds: [...new Set(shown.map((b) => b.org_id))],
    });
    const keys = new Set(shown.map((b) => `${b.org_id}:${b.met}`));
    const lines = judged.filter(
      ({ line }) => keys.has(`${line.orgId}:${line.met}`) && (!needle || line.cadreName.includes(needle)),
    );
    lines.sort(
      (a, b) =>
        Number(a.line.met) - Number(b.line.met) ||
        (a.person.org_path < b.person.org_path ? -1 : a.person.org_path > b.person.org_path ? 1 : 0) ||
        ZH.compare(a.line.cadreName, b.line.cadreName),
    );
    items = lines.slice(from - first, to - first).map((l) => l.line);
  }
  return { ...head(pack, section, year, asOf), units, items, total };
}

/** The per-unit summary of the SQL groups, with the units' names and average days. */
async function unitSummary(ctx: RequestContext, groups: readonly repo.ComplianceGroup[]) {
  const names = await repo.orgNames(ctx.client, [...new Set(groups.map((g) => g.org_id))]);
  return unitsOf(groups, names).map(({ path: _p, total, ...u }) => ({
    ...u,
    averageDays: round2(total / u.cadres),
  }));
}

/** The report's pack, day and requirements. */
function head(pack: Pack, section: TrainingSection, year: number, asOf: string) {
  const kindNames = kindNamesOf(section);
  return {
    packId: pack.id,
    packName: pack.name,
    year,
    asOf,
    requirements: section.requirements.map((r) => ({
      id: r.id,
      name: r.name,
      measure: r.measure,
      text: requirementText(r, kindNames),
    })),
  };
}

/**
 * The compliance report's summary alone (the dashboard's figures): as `compliance` for the subtree of `orgId`
 * (default: the user's scope) in `year`, without the lines — no cadre is judged in JS, `items` is empty and
 * `total` counts every active cadre of the subtree.
 */
export async function complianceSummary(
  ctx: RequestContext,
  q: { orgId?: string; year?: number; asOf?: string },
): Promise<ComplianceReport> {
  const { year, asOf } = yearAndDay(ctx, q);
  const root = await rootOf(ctx, q.orgId);
  const { pack, section } = await policy(ctx, asOf);
  const groups = await groupsOf(ctx, { pack, section, rootPath: root, year, asOf });
  const units = await unitSummary(ctx, groups);
  const total = groups.reduce((n, g) => n + g.cadres, 0);
  return { ...head(pack, section, year, asOf), units, items: [], total };
}

/** One unit's training compliance in a year on a day (the dashboard's figures). */
export interface ComplianceByUnit {
  orgId: string;
  orgName: string;
  orgPath: string;
  /** active cadres of the unit itself */
  cadres: number;
  /** of them, under at least one of the pack's requirements */
  required: number;
  /** of those, not meeting every requirement that applies */
  short: number;
}

/**
 * 培训达标情况 per unit, for other modules (the dashboard): the same figures as the compliance report's
 * summary, from one SQL pass, in the caller's transaction and scope (row-level security); the subtree of
 * `orgId` (default: the whole district), judged on `asOf` (a day inside `year`: the report uses today in the
 * current year, 31 December of a past one).
 */
export async function trainingComplianceByUnit(
  tx: pg.ClientBase,
  a: { orgId?: string; year: number; asOf: string },
): Promise<ComplianceByUnit[]> {
  const pack = await packOn(tx, await selectedPackId(tx), a.asOf);
  let rootPath: string;
  if (a.orgId) {
    const org = (await repo.findOrgs(tx, [a.orgId]))[0];
    if (!org) throw notFound('单位');
    rootPath = org.path;
  } else rootPath = await repo.rootPath(tx);
  const groups = await groupsOf(
    { client: tx },
    { pack, section: sectionOf(pack), rootPath, year: a.year, asOf: a.asOf },
  );
  const names = await repo.orgNames(tx, [...new Set(groups.map((g) => g.org_id))]);
  return unitsOf(groups, names).map((u) => ({
    orgId: u.orgId,
    orgName: u.unitName,
    orgPath: u.path,
    cadres: u.cadres,
    required: u.required,
    short: u.short,
  }));
}

/** A cadre's year: the attendance lines and the compliance judged on today (31 December of a past year). */
export async function cadreRecord(ctx: RequestContext, cadreId: string, y?: number): Promise<TrainingRecord> {
  const [cadre] = await repo.findCadres(ctx.client, [cadreId]);
  if (!cadre) throw notFound('干部');
  const { year, asOf } = yearAndDay(ctx, { year: y });
  const { judged } = await judgeAll(ctx, cadre.orgPath, year, asOf, { cadreId });
  const rows = await repo.attendanceOf(ctx.client, { cadreId, year });
  const lines = rows.map(presentAttendance);
  const compliance = judged[0]!.line;
  return {
    cadreId,
    cadreName: cadre.name,
    year,
    totalDays: round2(lines.reduce((s, l) => s + l.creditDays, 0)),
    lines,
    compliance,
  };
}

/** 我的培训: my record, my enrolments, and the programmes open to my application (target includes me). */
export async function mine(ctx: RequestContext, year?: number): Promise<MyTraining> {
  const actor = actorOf(ctx);
  if (!actor.cadreId) throw notFound('本人的干部档案');
  const record = await cadreRecord(ctx, actor.cadreId, year);
  const { rows: enrolled } = await repo.listEnrolments(ctx.client, {
    cadreId: actor.cadreId,
    limit: 200,
    offset: 0,
  });
  const { rows: candidates } = await repo.listProgrammes(ctx.client, {
    modes: ['application', 'competitive'],
    startFrom: todayOf(ctx),
    limit: 50,
    offset: 0,
  });
  const mineIds = new Set(enrolled.map((e) => e.programme_id));
  const open: repo.ProgrammeRow[] = [];
  for (const p of candidates)
    if (!mineIds.has(p.id) && (await repo.inTarget(ctx.client, p, [actor.cadreId], todayOf(ctx))).size)
      open.push(p);
  const sessions = await repo.sessionsOf(
    ctx.client,
    open.map((p) => p.id),
  );
  return {
    record,
    enrolments: enrolled.map(presentEnrolment),
    open: open.map((p) => present(p, sessions)),
  };
}

// ---------------------------------------------------------------- holding plans

/** 办班计划: programmes of each planned kind starting in the year vs the pack's min / max. */
export async function holding(ctx: RequestContext, y?: number): Promise<HoldingReport> {
  const year = y ?? Number(todayOf(ctx).slice(0, 4));
  const { pack, section } = await policy(ctx, defaultAsOf(year, todayOf(ctx)));
  const held = await repo.heldByKind(ctx.client, year);
  const names = kindNamesOf(section);
  return {
    packId: pack.id,
    packName: pack.name,
    year,
    plans: section.holdingPlans.map((plan) => {
      const n = held.get(plan.programmeKind) ?? 0;
      const met = n >= plan.min && (plan.max === null || n <= plan.max);
      const range = plan.max === null ? `不少于${plan.min}期` : `${plan.min}至${plan.max}期`;
      const kindName = names[plan.programmeKind] ?? plan.programmeKind;
      return {
        planId: plan.id,
        name: plan.name,
        programmeKind: plan.programmeKind,
        kindName,
        min: plan.min,
        max: plan.max,
        held: n,
        met,
        explanation:
          `${year}年已举办${kindName}${n}期，政策包“${pack.name}”要求“${plan.name}”每年${range}` +
          (met ? '，已达到' : n < plan.min ? `，还差${plan.min - n}期` : `，超出${n - (plan.max ?? n)}期`),
      };
    }),
  };
}

// ---------------------------------------------------------------- shortfall warnings

/**
 * 培训不足提醒 on asOf (default today): for every cadre of the user's scope with a requirement warned on that
 * day, one notice to the cadre's account (when linked) per requirement, year and period (everyPeriod: each
 * missed period and the closing one); and one notice per unit, requirement (and period) to its
 * administrators listing their people short. Posting again adds nothing for what was already posted (the
 * notices' source keys).
 */
export async function runWarnings(ctx: RequestContext, input: { asOf?: string }): Promise<WarningsResult> {
  const asOf = input.asOf ?? todayOf(ctx);
  const year = Number(asOf.slice(0, 4));
  const root = await rootOf(ctx, undefined);
  // only the units with someone warned are judged (the SQL pass finds them)
  const { pack, section } = await policy(ctx, asOf);
  const groups = await groupsOf(ctx, { pack, section, rootPath: root, year, asOf });
  const orgIds = [...new Set(groups.filter((g) => g.warnings > 0).map((g) => g.org_id))];
  const { judged } = orgIds.length ? await judgeAll(ctx, root, year, asOf, { orgIds }) : { judged: [] };
  const short = judged.filter((j) => j.line.warning);
  const accounts = await repo.accountsOf(
    ctx.client,
    short.map((j) => j.person.id),
  );
  interface Warned {
    cadreId: string;
    cadreName: string;
    orgId: string;
    unitName: string;
    requirementId: string;
    requirementName: string;
    suffix: string;
    due: string;
    what: string;
  }
  const warned: Warned[] = [];
  for (const { line, applying } of short)
    for (const j of line.judgements) {
      if (!j.warning) continue;
      const base = {
        cadreId: line.cadreId,
        cadreName: line.cadreName,
        orgId: line.orgId,
        unitName: line.unitName,
        requirementId: j.requirementId,
        requirementName: j.requirementName,
      };
      const r = applying.find((x) => x.id === j.requirementId);
      if (r?.measure === 'everyPeriod' && j.periods) {
        for (const p of warnedPeriods(j.periods, asOf, r.warnDaysBefore))
          warned.push({
            ...base,
            suffix: `:p${p.index}`,
            due: p.to,
            what: `${periodName(r.periodMonths, p.index)}${p.state === 'missed' ? '未参训' : `尚未参训，${monthDayText(p.to)}结束`}`,
          });
      } else
        warned.push({
          ...base,
          suffix: '',
          due: `${year}-12-31`,
          what: `还差${daysText(j.shortfall)}${j.measure === 'days' ? '天' : '个'}`,
        });
    }
  const cadreKey = (w: Warned) => `training.shortfall:${w.requirementId}:${w.cadreId}:${year}${w.suffix}`;
  const unitKey = (w: Warned) => `training.shortfall.unit:${w.requirementId}:${w.orgId}:${year}${w.suffix}`;
  warned.sort((a, b) => ZH.compare(a.unitName, b.unitName) || ZH.compare(a.cadreName, b.cadreName));
  const existing = await repo.existingNoticeKeys(ctx.client, [
    ...warned.map(cadreKey),
    ...warned.map(unitKey),
  ]);
  let cadreNotices = 0;
  const perUnit = new Map<string, Warned[]>();
  for (const w of warned) {
    const userId = accounts.get(w.cadreId);
    if (userId && !existing.has(cadreKey(w))) {
      await postNotice(ctx, {
        kind: 'training.shortfall',
        kindName: '培训提醒',
        title: `培训提醒（${w.requirementName}）：${w.what}`,
        link: '/training/mine',
        orgId: w.orgId,
        recipientUserIds: [userId],
        dueOn: w.due,
        sourceKey: cadreKey(w),
      });
      cadreNotices++;
    }
    const list = perUnit.get(unitKey(w));
    if (list) list.push(w);
    else perUnit.set(unitKey(w), [w]);
  }
  let unitNotices = 0;
  for (const [key, people] of perUnit) {
    if (existing.has(key)) continue;
    const u = people[0]!;
    const names = people
      .slice(0, 5)
      .map((w) => `${w.cadreName}（${w.what}）`)
      .join('、');
    await postNotice(ctx, {
      kind: 'training.shortfall',
      kindName: '培训提醒',
      title: `${u.unitName}有${people.length}名干部未达“${u.requirementName}”要求：${names}${people.length > 5 ? '等' : ''}`,
      link: `/training/compliance?orgId=${u.orgId}`,
      orgId: u.orgId,
      recipientRoles: ['unit_admin'],
      dueOn: u.due,
      sourceKey: key,
    });
    unitNotices++;
  }
  const result = {
    asOf,
    cadreNotices,
    unitNotices,
    short: short.length,
    explanation: `${monthDayText(asOf)}判断：${short.length}名干部未达培训要求且已到提醒时间，新发干部本人提醒${cadreNotices}条、单位提醒${unitNotices}条（已发过的不再重复发送）`,
  };
  await ctx.audit({
    action: 'training.warnings.run',
    objectType: 'training_warning',
    objectId: null,
    after: result,
  });
  return result;
}
