import { shippedPacks, type Appointment } from '@ganbu/core';
import { AppError } from '../../../platform/errors.ts';
import { readRecord, updateCadre } from '../../cadre/service.ts';
import { schedulePostReview } from '../after/service.ts';
import * as workflow from '../../workflow/service.ts';
import type { CaseTransition, WorkflowContext } from '../../workflow/service.ts';
import * as repo from './repository.ts';
import { asSystem, currentBlockers, pendingAppointments, type PendingAppointment } from './service.ts';

/**
 * What the selection module does on its process cases' transitions, in the case's transaction (a throw undoes
 * the action):
 *   - an approve leaving a step is refused while the step has a blocker: a 公示 running (today ≤ its last
 *     day) → SELECTION_NOTICE_RUNNING, an objection open → SELECTION_OBJECTION_OPEN, results missing, no 公示
 *     issued or no one chosen → SELECTION_STEP_INCOMPLETE;
 *   - the appointment step's approve writes the appointment into the registry for each chosen candidate and
 *     schedules the post-appointment review; it is taken on the process's page (POST …/act with the 任职日期),
 *     an approve from elsewhere is refused;
 *   - a case rejected or withdrawn carries the process with it.
 * Registered once the app is ready, and by the demo seed before it runs processes.
 */
async function onSelectionCase(ctx: WorkflowContext, t: CaseTransition): Promise<void> {
  if (t.event.action === 'open' || t.event.action === 'comment') return;
  const processId = await asSystem(ctx, () => repo.processOfCase(ctx.client, t.case.id));
  if (!processId) return;
  if (t.event.action === 'approve') {
    const blockers = await currentBlockers(ctx, processId, t.event.step);
    const first = blockers[0];
    if (first) throw new AppError(409, first.code, first.message, { blockers });
  }
  if (t.event.toStatus === 'done') {
    const pending = pendingAppointments.get(t.case.id);
    if (!pending)
      throw new AppError(409, 'SELECTION_STEP_INCOMPLETE', '任职须在选拔任用程序页面填写任职日期后办理');
    await appoint(pending, processId);
    return;
  }
  if (t.event.toStatus === 'rejected' || t.event.toStatus === 'withdrawn') {
    const state = t.event.toStatus;
    await asSystem(ctx, () => repo.setProcessState(ctx.client, processId, state));
    await ctx.audit({
      action: 'selection.process.state',
      objectType: 'selection_process',
      objectId: processId,
      before: { state: 'open' },
      after: { state, caseId: t.case.id, action: t.event.action },
    });
  }
}

/** "2026-10-12" → the unit name and post as the registry writes a current post: 甲街道党工委副书记. */
const postTitleIn = (orgName: string, title: string) =>
  title.startsWith(orgName) ? title : `${orgName}${title}`;

/**
 * 任职: for each chosen candidate, through the cadre service (so the derived facts are recomputed and the
 * write audited as a record update): a promotion ends the posts the cadre holds (their end is the day of the
 * new appointment, as the 任免 takes the cadre off the old post), the new post is added in the process's unit
 * with its 职务类别, leadership and 职级, the record moves to that unit with the post title and the rank.
 * Then the review (回头看) is scheduled by the after part (`schedulePostReview`): due the pack's months later
 * (copied when the process opened), with a notice in the inbox of the 组织部 over the unit.
 */
async function appoint(pending: PendingAppointment, processId: string): Promise<void> {
  const { ctx, cipher, appointedOn } = pending;
  const p = await repo.findProcess(ctx.client, processId, true);
  if (!p) return;
  const chosen = (await repo.listCandidates(ctx.client, p.id)).filter((c) => c.status === 'chosen');
  if (!chosen.length) throw new AppError(409, 'SELECTION_STEP_INCOMPLETE', '没有拟任人选，不能办理任职');
  const org = await ctx.client.query<{ name: string; kind: string }>(
    `SELECT name, kind FROM orgs WHERE id = $1`,
    [p.orgId],
  );
  const unit = org.rows[0]!;
  const review = p.kind.postReview ?? null;
  for (const c of chosen) {
    const { record } = await readRecord(ctx, cipher, c.cadreId);
    const post: Appointment = {
      unitName: unit.name,
      orgId: p.orgId,
      unitKind: unit.kind as Appointment['unitKind'],
      title: p.postTitle,
      isLeadership: p.postIsLeadership,
      roleKind: p.postRoleKind,
      rank: p.postRank,
      start: appointedOn,
      end: null,
    };
    const appointments = [
      ...record.appointments.map((a) =>
        a.end === null && a.start <= appointedOn ? { ...a, end: appointedOn } : a,
      ),
      post,
    ];
    await updateCadre(ctx, cipher, c.cadreId, {
      ...record,
      orgId: p.orgId,
      postTitle: postTitleIn(unit.name, p.postTitle),
      rank: p.postRank || record.rank,
      appointments,
    });
    await repo.setCandidateStatus(ctx.client, c.id, 'appointed');
    let reviewId: string | null = null;
    let reviewDue: string | null = null;
    if (review) {
      const scheduled = await schedulePostReview(ctx, {
        cadreId: c.cadreId,
        postTitle: postTitleIn(unit.name, p.postTitle),
        appointedOn,
        processId: p.id,
        afterMonths: review.afterMonths,
        packName: p.kind.packName ?? p.packId,
      });
      reviewId = scheduled.id;
      reviewDue = scheduled.dueOn;
    }
    await ctx.audit({
      action: 'selection.appointment',
      objectType: 'selection_process',
      objectId: p.id,
      after: {
        candidateId: c.id,
        cadreId: c.cadreId,
        appointedOn,
        post: post.title,
        rank: post.rank,
        reviewId,
        dueOn: reviewDue,
      },
    });
  }
  await repo.setProcessState(ctx.client, p.id, 'done', appointedOn);
  await ctx.audit({
    action: 'selection.process.state',
    objectType: 'selection_process',
    objectId: p.id,
    before: { state: 'open' },
    after: { state: 'done', appointedOn, appointed: chosen.map((c) => c.cadreId) },
  });
}

/** The case kinds the shipped packs' process kinds run on (selection_plain, selection_competitive …). */
export function selectionCaseKinds(): string[] {
  const kinds = new Set<string>();
  for (const pack of shippedPacks())
    for (const k of Object.values(pack.selection?.processKinds ?? {})) kinds.add(k.caseKind);
  return [...kinds].sort();
}

let registered = false;

/** Register the handler once per process (the app is built more than once in tests). */
export function registerSelectionCaseHandlers(): void {
  if (registered) return;
  registered = true;
  for (const kind of selectionCaseKinds()) workflow.onCaseTransition(kind, onSelectionCase);
}
