import {
  chinaToday,
  explainReason,
  noticePeriodText,
  outcomeReason,
  packInForce,
  recordsResults,
  resultProblem,
  shippedPacks,
  stepBlockers,
  workingPeriod,
  type Pack,
  type SelectionBlocker,
  type SelectionNoticeCreate,
  type SelectionProcess,
  type SelectionProcessCreate,
  type SelectionProcessDetail,
  type SelectionProcessKindSummary,
  type SelectionStep,
  type SelectionStepResultsBody,
  SelectionActBodySchema,
  SelectionNoticeCreateSchema,
  SelectionObjectionCloseSchema,
  SelectionObjectionCreateSchema,
  SelectionProcessCreateSchema,
  SelectionStepResultsBodySchema,
  type SelectionNotice,
  type SelectionProcessKind,
} from '@ganbu/core';
import type { z } from 'zod';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { packOn, sectionWithShippedFallback, selectedPackId } from '../../assessment/service/packs.ts';
import { loadWorkingCalendar } from '../../calendar/service.ts';
import { eligibilityForComputation } from '../../eligibility/service.ts';
import * as workflow from '../../workflow/service.ts';
import { noticeDocx } from './notice-docx.ts';
import * as repo from './repository.ts';

/**
 * 选拔任用 (R-SEL-2): a process is a case of the workflow engine whose steps come from the pack's process kind,
 * copied when the process opens. This service keeps what each step records per candidate; the case's
 * transitions are guarded in `cases.ts` with the blockers computed here.
 */

const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

function actorOf(ctx: RequestContext) {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

/** Run `fn` in the system scope and give the request its own scope back. */
export async function asSystem<T>(
  ctx: Pick<RequestContext, 'client' | 'actor'>,
  fn: () => Promise<T>,
): Promise<T> {
  await setSystemScope(ctx.client);
  try {
    return await fn();
  } finally {
    if (ctx.actor) await setScope(ctx.client, ctx.actor);
  }
}

// ---------------------------------------------------------------- the pack's kinds

/** The selection section of a pack, falling back to the shipped version of the same pack in force then. */
function selectionOf(pack: Pack, date: string): NonNullable<Pack['selection']> | null {
  if (pack.selection) return pack.selection;
  return (
    packInForce(
      shippedPacks().filter((p) => p.id === pack.id),
      date,
    )?.selection ?? null
  );
}

async function districtPack(ctx: Pick<RequestContext, 'client'>, today: string) {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), today);
  return {
    pack,
    selection: selectionOf(pack, today),
    workflow: sectionWithShippedFallback(pack, today, 'workflow'),
  };
}

function caseStepsOf(
  kind: SelectionProcessKind,
  wf: ReturnType<typeof sectionWithShippedFallback<'workflow'>>,
): { id: string; name: string }[] {
  const steps = wf?.caseKinds[kind.caseKind]?.steps;
  return steps
    ? steps.map((s) => ({ id: s.id, name: s.name }))
    : Object.keys(kind.steps).map((id) => ({ id, name: id }));
}

/** `GET /api/selection/kinds`: the district pack's process kinds with their steps in case order. */
export async function listKinds(ctx: RequestContext): Promise<{ items: SelectionProcessKindSummary[] }> {
  const { selection, workflow: wf } = await districtPack(ctx, todayOf(ctx));
  return {
    items: Object.entries(selection?.processKinds ?? {}).map(([id, kind]) => ({
      id,
      name: kind.name,
      ineligibleHardStop: kind.ineligibleHardStop,
      steps: caseStepsOf(kind, wf).map((s) => ({
        id: s.id,
        name: s.name,
        type: kind.steps[s.id]?.type ?? null,
        noticeWorkingDays: kind.steps[s.id]?.noticeWorkingDays ?? null,
      })),
    })),
  };
}

const stepsOf = (p: repo.ProcessRow) =>
  p.kind.caseSteps ?? Object.keys(p.kind.steps).map((id) => ({ id, name: id }));
const stepName = (p: repo.ProcessRow, id: string) => stepsOf(p).find((s) => s.id === id)?.name ?? id;
const stepOf = (p: repo.ProcessRow, id: string | null): SelectionStep | null =>
  id === null ? null : (p.kind.steps[id] ?? null);

// ---------------------------------------------------------------- open

/** `POST /api/selection/processes`: copy the kind and open its case at the first step. */
export async function createProcess(
  ctx: RequestContext,
  raw: SelectionProcessCreate,
): Promise<SelectionProcessDetail> {
  const actor = actorOf(ctx);
  const input = SelectionProcessCreateSchema.parse(raw);
  const today = todayOf(ctx);
  const { pack, selection, workflow: wf } = await districtPack(ctx, today);
  const kind = selection?.processKinds[input.kindId];
  if (!kind)
    throw new AppError(400, 'VALIDATION', `当前政策包没有“${input.kindId}”选拔任用程序`, {
      kindId: input.kindId,
    });
  const org = await repo.orgInScope(ctx.client, input.orgId);
  if (!org) throw notFound('单位');
  const opened = await workflow.openCase(ctx, {
    kind: kind.caseKind,
    orgId: org.id,
    title: `选拔任用：${input.title}`,
    readerRoles: ['orgdept', 'leader'],
  });
  const stored: repo.StoredKind = {
    ...kind,
    caseSteps: caseStepsOf(kind, wf),
    postReview: selection?.postReview ?? null,
    packName: pack.name,
  };
  const id = await repo.insertProcess(ctx.client, {
    orgId: org.id,
    orgPath: org.path,
    title: input.title,
    packId: pack.id,
    packEffectiveFrom: pack.version.effectiveFrom,
    kindId: input.kindId,
    kind: stored,
    post: input.post,
    positions: input.positions,
    caseId: opened.id,
    createdBy: actor.userId,
  });
  // the case opens on the process's page
  await ctx.client.query(`UPDATE cases SET link = $2 WHERE id = $1`, [
    opened.id,
    `/selection/processes/${id}`,
  ]);
  await ctx.audit({
    action: 'selection.process.create',
    objectType: 'selection_process',
    objectId: id,
    after: {
      title: input.title,
      kindId: input.kindId,
      packId: pack.id,
      orgId: org.id,
      caseId: opened.id,
      post: input.post,
    },
  });
  return getProcess(ctx, id);
}

// ---------------------------------------------------------------- read

async function mustFind(ctx: RequestContext, id: string, forUpdate = false): Promise<repo.ProcessRow> {
  const p = await repo.findProcess(ctx.client, id, forUpdate);
  if (!p) throw notFound('选拔任用程序');
  return p;
}

function present(p: repo.ProcessRow, head: repo.CaseHead | undefined): SelectionProcess {
  return {
    id: p.id,
    title: p.title,
    kindId: p.kindId,
    kindName: p.kind.name,
    packId: p.packId,
    orgId: p.orgId,
    orgName: p.orgName,
    post: {
      title: p.postTitle,
      rank: p.postRank,
      roleKind: p.postRoleKind,
      isLeadership: p.postIsLeadership,
    },
    positions: p.positions,
    state: p.state,
    caseId: p.caseId,
    currentStep: p.state === 'open' ? (head?.currentStep ?? null) : null,
    dueOn: p.state === 'open' ? (head?.dueOn ?? null) : null,
    appointedOn: p.appointedOn,
    createdAt: p.createdAt,
  };
}

export async function listProcesses(
  ctx: RequestContext,
  q: { state?: SelectionProcess['state'] | undefined; orgId?: string | undefined },
): Promise<{ items: SelectionProcess[] }> {
  const rows = await repo.listProcesses(ctx.client, q);
  const heads = await asSystem(ctx, () =>
    repo.caseHeads(
      ctx.client,
      rows.flatMap((r) => (r.caseId ? [r.caseId] : [])),
    ),
  );
  return { items: rows.map((r) => present(r, r.caseId ? heads.get(r.caseId) : undefined)) };
}

interface Loaded {
  process: repo.ProcessRow;
  head: repo.CaseHead | undefined;
  candidates: repo.CandidateRow[];
  results: repo.ResultRow[];
  notices: repo.NoticeRow[];
  objections: repo.ObjectionRow[];
}

async function load(ctx: Pick<RequestContext, 'client' | 'actor'>, p: repo.ProcessRow): Promise<Loaded> {
  const head = p.caseId
    ? (await asSystem(ctx, () => repo.caseHeads(ctx.client, [p.caseId!]))).get(p.caseId)
    : undefined;
  return {
    process: p,
    head,
    candidates: await repo.listCandidates(ctx.client, p.id),
    results: await repo.listResults(ctx.client, p.id),
    notices: await repo.listNotices(ctx.client, p.id),
    objections: await repo.listObjections(ctx.client, p.id),
  };
}

/** What keeps the process from leaving `stepId` now (the case guard refuses an approve with the first). */
export function blockersOf(l: Loaded, stepId: string, today: string): SelectionBlocker[] {
  const step = stepOf(l.process, stepId);
  const notice = l.notices.find((n) => n.stepId === stepId) ?? null;
  return stepBlockers({
    stepName: stepName(l.process, stepId),
    type: step?.type ?? null,
    candidates: l.candidates.flatMap((c) =>
      c.status === 'in' || c.status === 'chosen' ? [{ id: c.id, name: c.name, status: c.status }] : [],
    ),
    recorded: new Set(l.results.filter((r) => r.stepId === stepId).map((r) => r.candidateId)),
    notice: notice && {
      end: notice.end,
      workingDays: notice.workingDays,
      openObjections: l.objections.filter((o) => o.noticeId === notice.id && o.status === 'open').length,
    },
    today,
  });
}

/** The blockers of a process's current step, read in the system scope (the case guard's question). */
export async function currentBlockers(
  ctx: Pick<RequestContext, 'client' | 'actor' | 'now'>,
  processId: string,
  stepId: string,
): Promise<SelectionBlocker[]> {
  return asSystem(ctx, async () => {
    const p = await repo.findProcess(ctx.client, processId);
    if (!p) return [];
    return blockersOf(await loadUnscoped(ctx, p), stepId, todayOf(ctx));
  });
}

async function loadUnscoped(ctx: Pick<RequestContext, 'client'>, p: repo.ProcessRow): Promise<Loaded> {
  const head = p.caseId ? (await repo.caseHeads(ctx.client, [p.caseId])).get(p.caseId) : undefined;
  return {
    process: p,
    head,
    candidates: await repo.listCandidates(ctx.client, p.id),
    results: await repo.listResults(ctx.client, p.id),
    notices: await repo.listNotices(ctx.client, p.id),
    objections: await repo.listObjections(ctx.client, p.id),
  };
}

function ageOn(birth: string | null, today: string): number | null {
  if (!birth) return null;
  const y = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  const md = birth.length >= 10 ? birth.slice(5, 10) : `${birth.slice(5, 7)}-01`;
  return today.slice(5, 10) < md ? y - 1 : y;
}

function noticeViews(l: Loaded, today: string): SelectionNotice[] {
  const names = new Map(l.candidates.map((c) => [c.id, c.name]));
  return l.notices.map((n) => ({
    id: n.id,
    stepId: n.stepId,
    stepName: stepName(l.process, n.stepId),
    start: n.start,
    end: n.end,
    workingDays: n.workingDays,
    explanation: '',
    contact: n.contact,
    running: today <= n.end,
    objections: l.objections
      .filter((o) => o.noticeId === n.id)
      .map((o) => ({ ...o, candidateName: o.candidateId ? (names.get(o.candidateId) ?? null) : null })),
  }));
}

async function explainNotices(ctx: RequestContext, notices: SelectionNotice[]): Promise<SelectionNotice[]> {
  if (!notices.length) return notices;
  const cal = await loadWorkingCalendar(ctx.client);
  return notices.map((n) => {
    try {
      const period = workingPeriod(cal, n.start, n.workingDays);
      return { ...n, explanation: noticePeriodText(n.start, period.date, n.workingDays, period.skipped) };
    } catch {
      return { ...n, explanation: noticePeriodText(n.start, n.end, n.workingDays, []) };
    }
  });
}

/** `GET /api/selection/processes/:id`: steps with blockers, candidates, results, notices, the caller's actions. */
export async function getProcess(ctx: RequestContext, id: string): Promise<SelectionProcessDetail> {
  const l = await load(ctx, await mustFind(ctx, id));
  const p = l.process;
  const today = todayOf(ctx);
  const current = p.state === 'open' ? (l.head?.currentStep ?? null) : null;
  const steps = stepsOf(p);
  const currentIndex = current ? steps.findIndex((s) => s.id === current) : -1;
  const visited = new Set(l.head?.trail ?? []);
  let actions: SelectionProcessDetail['actions'] = [];
  if (p.caseId && p.state === 'open') {
    try {
      actions = (await workflow.getCase(ctx, p.caseId)).allowedActions;
    } catch (e) {
      // a reader who may not read the case (a unit administrator) sees the process, not its actions
      if (!(e instanceof AppError)) throw e;
    }
  }
  const results: SelectionProcessDetail['results'] = {};
  for (const r of l.results) {
    const { stepId, ...rest } = r;
    (results[stepId] ??= []).push(rest);
  }
  return {
    ...present(p, l.head),
    ineligibleHardStop: p.kind.ineligibleHardStop,
    steps: steps.map((s, i) => ({
      id: s.id,
      name: s.name,
      type: p.kind.steps[s.id]?.type ?? null,
      status:
        p.state === 'done'
          ? 'done'
          : s.id === current
            ? 'current'
            : currentIndex >= 0
              ? i < currentIndex
                ? 'done'
                : 'pending'
              : visited.has(s.id)
                ? 'done'
                : 'pending',
      blockers: s.id === current ? blockersOf(l, s.id, today) : [],
    })),
    candidates: l.candidates.map((c) => ({
      id: c.id,
      cadreId: c.cadreId,
      name: c.name,
      orgName: c.orgName,
      postTitle: c.postTitle,
      rank: c.rank,
      age: ageOn(c.birthDate, today),
      eligibility: c.eligibility,
      status: c.status,
      outStep: c.outStep,
      outReason: c.outReason,
    })),
    results,
    notices: await explainNotices(ctx, noticeViews(l, today)),
    actions,
  };
}

// ---------------------------------------------------------------- writes at the current step

async function mustBeOpen(ctx: RequestContext, id: string): Promise<{ p: repo.ProcessRow; step: string }> {
  const p = await mustFind(ctx, id, true);
  const head = p.caseId
    ? (await asSystem(ctx, () => repo.caseHeads(ctx.client, [p.caseId!]))).get(p.caseId)
    : undefined;
  if (p.state !== 'open' || !head?.currentStep)
    throw conflict('选拔任用程序已结束，不能再修改', { state: p.state });
  return { p, step: head.currentStep };
}

/** `POST …/candidates`: a cadre enters with the engine's promotion answer; a hard stop where the kind says so. */
export async function addCandidate(
  ctx: RequestContext,
  id: string,
  body: { cadreId: string },
): Promise<SelectionProcessDetail> {
  const actor = actorOf(ctx);
  const { p, step } = await mustBeOpen(ctx, id);
  const type = stepOf(p, step)?.type ?? null;
  if (type !== 'motion' && type !== 'recommendation')
    throw conflict(`人选须在动议或推荐环节提出，当前环节为“${stepName(p, step)}”`, { step });
  const cadre = await repo.cadreVisible(ctx.client, body.cadreId);
  if (!cadre) throw notFound('干部');
  const today = todayOf(ctx);
  const answer = (await eligibilityForComputation(ctx, [cadre.id], today, 'promotion')).get(cadre.id)!;
  const eligibility = {
    eligible: answer.eligible,
    reasons: answer.reasons.map((r) => explainReason(r, { facts: false })),
    date: today,
  };
  if (!eligibility.eligible && p.kind.ineligibleHardStop)
    throw new AppError(
      409,
      'SELECTION_INELIGIBLE',
      `${cadre.name}同志 ${today} 不符合提拔任用的资格条件，不能作为人选：${eligibility.reasons.join('；')}`,
      { reasons: eligibility.reasons },
    );
  const candidateId = await repo.insertCandidate(ctx.client, {
    processId: p.id,
    cadreId: cadre.id,
    eligibility,
    addedBy: actor.userId,
  });
  if (!candidateId) throw conflict(`${cadre.name}同志已是本次选拔的人选`);
  await ctx.audit({
    action: 'selection.candidate.add',
    objectType: 'selection_process',
    objectId: p.id,
    after: {
      candidateId,
      cadreId: cadre.id,
      step,
      eligible: eligibility.eligible,
      reasons: eligibility.reasons.length,
    },
  });
  return getProcess(ctx, p.id);
}

/** `POST …/candidates/:candidateId/out`: the candidate leaves at the current step, with the reason. */
export async function candidateOut(
  ctx: RequestContext,
  id: string,
  candidateId: string,
  body: { reason: string },
): Promise<SelectionProcessDetail> {
  const { p, step } = await mustBeOpen(ctx, id);
  const c = (await repo.listCandidates(ctx.client, p.id)).find((x) => x.id === candidateId);
  if (!c) throw notFound('人选');
  if (c.status !== 'in' && c.status !== 'chosen') throw conflict(`${c.name}同志已不在人选之列`);
  await repo.setCandidateStatus(ctx.client, c.id, 'out', { step, reason: body.reason });
  await ctx.audit({
    action: 'selection.candidate.out',
    objectType: 'selection_process',
    objectId: p.id,
    before: { candidateId: c.id, status: c.status },
    after: { status: 'out', step, reason: body.reason },
  });
  return getProcess(ctx, p.id);
}

/**
 * `POST …/steps/:stepId/results`: what the current step records per candidate still in (votes, a score, passed
 * and the finding). A candidate the pack's pass mark leaves behind is put out with the reason computed.
 */
export async function recordResults(
  ctx: RequestContext,
  id: string,
  stepId: string,
  raw: SelectionStepResultsBody,
): Promise<SelectionProcessDetail> {
  const actor = actorOf(ctx);
  const body = SelectionStepResultsBodySchema.parse(raw);
  const { p, step } = await mustBeOpen(ctx, id);
  const name = stepName(p, stepId);
  if (stepId !== step)
    throw conflict(`只能录入当前环节“${stepName(p, step)}”的结果，不能录入“${name}”`, { step, stepId });
  const def = stepOf(p, stepId);
  if (!def || !recordsResults(def.type))
    throw new AppError(400, 'VALIDATION', `“${name}”环节不按人选录入结果`, { stepId });
  const candidates = new Map((await repo.listCandidates(ctx.client, p.id)).map((c) => [c.id, c]));
  const problems: { candidateId: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const r of body.results) {
    const c = candidates.get(r.candidateId);
    if (!c) problems.push({ candidateId: r.candidateId, message: '不是本次选拔的人选' });
    else if (c.status !== 'in')
      problems.push({ candidateId: r.candidateId, message: `${c.name}同志已不在人选之列` });
    else if (seen.has(r.candidateId))
      problems.push({ candidateId: r.candidateId, message: `${c.name}同志的结果重复录入` });
    else {
      const problem = resultProblem(def.type, name, r);
      if (problem) problems.push({ candidateId: r.candidateId, message: `${c.name}：${problem}` });
    }
    seen.add(r.candidateId);
  }
  if (problems.length)
    throw new AppError(400, 'VALIDATION', problems.map((x) => x.message).join('；'), problems);
  const outs: { candidateId: string; reason: string }[] = [];
  for (const r of body.results) {
    const row = {
      stepId,
      candidateId: r.candidateId,
      votesFor: r.votesFor,
      votesAgainst: r.votesAgainst,
      votesAbstain: def.type === 'recommendation' ? (r.votesAbstain ?? 0) : r.votesAbstain,
      score: r.score,
      passed: r.passed,
      finding: r.finding,
    };
    await repo.upsertResult(ctx.client, p.id, row, actor.userId);
    const reason = outcomeReason(def, name, row);
    if (reason) {
      await repo.setCandidateStatus(ctx.client, r.candidateId, 'out', { step: stepId, reason });
      outs.push({ candidateId: r.candidateId, reason });
    }
  }
  await ctx.audit({
    action: 'selection.results.record',
    objectType: 'selection_process',
    objectId: p.id,
    after: { stepId, results: body.results, out: outs },
  });
  return getProcess(ctx, p.id);
}

/** `POST …/decision`: who is chosen at the 讨论决定 (at most the positions); the others stay in, not chosen. */
export async function decide(
  ctx: RequestContext,
  id: string,
  body: { chosenCandidateIds: string[] },
): Promise<SelectionProcessDetail> {
  const { p, step } = await mustBeOpen(ctx, id);
  if (stepOf(p, step)?.type !== 'decision')
    throw conflict(`当前环节“${stepName(p, step)}”不是讨论决定环节`, { step });
  const chosen = [...new Set(body.chosenCandidateIds)];
  if (chosen.length > p.positions)
    throw new AppError(400, 'VALIDATION', `拟任人选 ${chosen.length} 名，多于职数 ${p.positions} 名`, {
      positions: p.positions,
    });
  const candidates = await repo.listCandidates(ctx.client, p.id);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  for (const cid of chosen) {
    const c = byId.get(cid);
    if (!c) throw new AppError(400, 'VALIDATION', '拟任人选须是本次选拔的人选', { candidateId: cid });
    if (c.status !== 'in' && c.status !== 'chosen')
      throw new AppError(400, 'VALIDATION', `${c.name}同志已不在人选之列`, { candidateId: cid });
  }
  for (const c of candidates) {
    if (chosen.includes(c.id) && c.status !== 'chosen')
      await repo.setCandidateStatus(ctx.client, c.id, 'chosen');
    if (!chosen.includes(c.id) && c.status === 'chosen')
      await repo.setCandidateStatus(ctx.client, c.id, 'in');
  }
  await ctx.audit({
    action: 'selection.decision',
    objectType: 'selection_process',
    objectId: p.id,
    before: { chosen: candidates.filter((c) => c.status === 'chosen').map((c) => c.id) },
    after: { step, chosen },
  });
  return getProcess(ctx, p.id);
}

// ---------------------------------------------------------------- notices and objections

/**
 * `POST …/notices`: the 公示 of the current notice step from `start` for the step's working days (more if
 * asked, never fewer), its last day counted on the district's working-day calendar.
 */
export async function createNotice(
  ctx: RequestContext,
  id: string,
  raw: SelectionNoticeCreate,
): Promise<SelectionNotice> {
  const actor = actorOf(ctx);
  const input = SelectionNoticeCreateSchema.parse(raw);
  const { p, step } = await mustBeOpen(ctx, id);
  const stepId = input.stepId ?? step;
  const def = stepOf(p, stepId);
  if (def?.type !== 'notice') throw conflict(`“${stepName(p, stepId)}”不是公示环节`, { stepId });
  if (stepId !== step) throw conflict(`只能发布当前环节“${stepName(p, step)}”的公示`, { step, stepId });
  const least = def.noticeWorkingDays ?? null;
  const days = input.workingDays ?? least;
  if (days === null) throw new AppError(400, 'VALIDATION', '政策包未规定公示的工作日数，请填写公示工作日数');
  if (least !== null && days < least)
    throw new AppError(
      400,
      'SELECTION_NOTICE_TOO_SHORT',
      `公示期不得少于 ${least} 个工作日（政策包规定），所填为 ${days} 个工作日`,
      { least, workingDays: days },
    );
  const cal = await loadWorkingCalendar(ctx.client);
  let period: ReturnType<typeof workingPeriod>;
  try {
    period = workingPeriod(cal, input.start, days);
  } catch (e) {
    if (e instanceof RangeError) throw new AppError(400, 'VALIDATION', '公示日期超出工作日历的范围');
    throw e;
  }
  const noticeId = await repo.insertNotice(ctx.client, {
    processId: p.id,
    stepId,
    start: input.start,
    end: period.date,
    workingDays: days,
    contact: input.contact,
    createdBy: actor.userId,
  });
  if (!noticeId) throw conflict(`“${stepName(p, stepId)}”已发布公示`, { stepId });
  const explanation = noticePeriodText(input.start, period.date, days, period.skipped);
  await ctx.audit({
    action: 'selection.notice.create',
    objectType: 'selection_notice',
    objectId: noticeId,
    after: { processId: p.id, stepId, start: input.start, end: period.date, workingDays: days },
  });
  return {
    id: noticeId,
    stepId,
    stepName: stepName(p, stepId),
    start: input.start,
    end: period.date,
    workingDays: days,
    explanation,
    contact: input.contact,
    running: todayOf(ctx) <= period.date,
    objections: [],
  };
}

/** `POST …/notices/:noticeId/objections`: a 反映问题 received during the notice, open until handled. */
export async function createObjection(
  ctx: RequestContext,
  id: string,
  noticeId: string,
  raw: z.input<typeof SelectionObjectionCreateSchema>,
): Promise<SelectionProcessDetail> {
  const actor = actorOf(ctx);
  const input = SelectionObjectionCreateSchema.parse(raw);
  const { p } = await mustBeOpen(ctx, id);
  const notice = (await repo.listNotices(ctx.client, p.id)).find((n) => n.id === noticeId);
  if (!notice) throw notFound('公示');
  if (
    input.candidateId &&
    !(await repo.listCandidates(ctx.client, p.id)).some((c) => c.id === input.candidateId)
  )
    throw new AppError(400, 'VALIDATION', '反映对象须是本次选拔的人选', { candidateId: input.candidateId });
  if (input.receivedOn < notice.start)
    throw new AppError(400, 'VALIDATION', `收到日期不能早于公示开始日 ${notice.start}`);
  const objectionId = await repo.insertObjection(ctx.client, {
    noticeId,
    candidateId: input.candidateId,
    receivedOn: input.receivedOn,
    channel: input.channel,
    summary: input.summary,
    recordedBy: actor.userId,
  });
  await ctx.audit({
    action: 'selection.objection.create',
    objectType: 'selection_objection',
    objectId: objectionId,
    after: {
      processId: p.id,
      noticeId,
      candidateId: input.candidateId,
      receivedOn: input.receivedOn,
      channel: input.channel,
    },
  });
  return getProcess(ctx, p.id);
}

/** `POST …/objections/:objectionId/close`: the finding and how it was handled. */
export async function closeObjection(
  ctx: RequestContext,
  id: string,
  objectionId: string,
  raw: z.input<typeof SelectionObjectionCloseSchema>,
): Promise<SelectionProcessDetail> {
  const input = SelectionObjectionCloseSchema.parse(raw);
  const p = await mustFind(ctx, id, true);
  const o = await repo.findObjection(ctx.client, p.id, objectionId);
  if (!o) throw notFound('反映问题');
  if (o.status !== 'open') throw conflict('该反映问题已办结');
  if (input.closedOn < o.receivedOn)
    throw new AppError(400, 'VALIDATION', `办结日期不能早于收到日期 ${o.receivedOn}`);
  await repo.closeObjection(ctx.client, o.id, input);
  await ctx.audit({
    action: 'selection.objection.close',
    objectType: 'selection_objection',
    objectId: o.id,
    before: { status: o.status },
    after: { status: 'closed', ...input },
  });
  return getProcess(ctx, p.id);
}

// ---------------------------------------------------------------- advancing

/** What the appointment step's approve carries to the case guard (set only around the act). */
export interface PendingAppointment {
  ctx: RequestContext;
  cipher: FieldCipher;
  appointedOn: string;
}
export const pendingAppointments = new Map<string, PendingAppointment>();

/** `POST …/act`: an action of the process's case at its current step (the guard in `cases.ts` checks it). */
export async function act(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
  raw: z.input<typeof SelectionActBodySchema>,
): Promise<SelectionProcessDetail> {
  const input = SelectionActBodySchema.parse(raw);
  const { p, step } = await mustBeOpen(ctx, id);
  const caseId = p.caseId!;
  const appointing = input.action === 'approve' && stepOf(p, step)?.type === 'appointment';
  if (appointing && !input.appointedOn)
    throw new AppError(400, 'VALIDATION', '任职须填写任职日期', { field: 'appointedOn' });
  if (appointing) pendingAppointments.set(caseId, { ctx, cipher, appointedOn: input.appointedOn! });
  try {
    await workflow.actOnCase(ctx, caseId, { action: input.action, comment: input.comment });
  } finally {
    pendingAppointments.delete(caseId);
  }
  return getProcess(ctx, p.id);
}

// ---------------------------------------------------------------- the Word notice

/** `GET …/notices/:noticeId/document`: the 公示 as a Word document (the chosen, else those still in); audited. */
export async function noticeDocument(
  ctx: RequestContext,
  id: string,
  noticeId: string,
): Promise<{ name: string; body: Buffer }> {
  const actor = actorOf(ctx);
  const p = await mustFind(ctx, id);
  const notice = (await repo.listNotices(ctx.client, p.id)).find((n) => n.id === noticeId);
  if (!notice) throw notFound('公示');
  const candidates = await repo.listCandidates(ctx.client, p.id);
  const decided = candidates.filter((c) => c.status === 'chosen' || c.status === 'appointed');
  const people = decided.length ? decided : candidates.filter((c) => c.status === 'in');
  const proposed = p.postTitle.startsWith(p.orgName) ? p.postTitle : `${p.orgName}${p.postTitle}`;
  const name = stepName(p, notice.stepId);
  const heading = name.includes('：') ? name.slice(name.indexOf('：') + 1) : name;
  const body = await noticeDocx({
    heading,
    people: people.map((c) => ({
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      education: c.education,
      currentPost: c.postTitle,
      proposedPost: proposed,
    })),
    start: notice.start,
    end: notice.end,
    workingDays: notice.workingDays,
    contact: notice.contact,
    issuer: await repo.orgName(ctx.client, actor.orgId),
  });
  await ctx.audit({
    action: 'selection.notice.document',
    objectType: 'selection_notice',
    objectId: notice.id,
    after: { processId: p.id, people: people.length },
  });
  return { name: `${p.title}-${heading}`, body };
}
