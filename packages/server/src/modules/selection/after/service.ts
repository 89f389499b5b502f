import {
  AFTER_PROBLEM_TEXT,
  checkBatch,
  checkOutcome,
  checkPastDate,
  chinaToday,
  dueSoonLimit,
  dueStateOf,
  exchangeDefaultEnd,
  postReviewDue,
  unfitMeasureDue,
  type AfterPolicyView,
  type AfterProblem,
  type Appointment,
  type Exchange,
  type ExchangeBatchCreate,
  type ExchangeEnd,
  type ExchangeListQuery,
  type Pack,
  type PostReview,
  type PostReviewCreate,
  type PostReviewListQuery,
  type PostReviewOutcomeInput,
  type PostReviewStart,
  type UnfitMeasureClose,
  type UnfitMeasureCreate,
  type UnfitMeasureListQuery,
  type UnfitMeasureRecord,
} from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { FieldCipher } from '../../../platform/field-cipher.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { createRound } from '../../assessment/service/rounds.ts';
import { readRecord, updateCadre } from '../../cadre/service.ts';
import { postNotice, resolveNotices, type WorkflowContext } from '../../workflow/service.ts';
import * as repo from './repository.ts';

/**
 * After appointment (R-SEL-3) and exchanges (R-SEL-6): the rules come from the district's pack version in
 * force today (`selection.postReview`, `unfitMeasures`, `exchangeKinds`); every date they set is computed by
 * core with its explanation; every write is audited; reviews and measures post an inbox notice to 组织部 of
 * the cadre's unit with their due date (the inbox marks it overdue), resolved once done.
 */

const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

function refuse(problem: AfterProblem | null, details: Record<string, unknown> = {}): void {
  if (problem) throw new AppError(400, 'VALIDATION', AFTER_PROBLEM_TEXT[problem], { problem, ...details });
}

/** The district's pack in force today and its selection section (null when the pack has none). */
async function policy(ctx: Pick<RequestContext, 'client' | 'now'>): Promise<{
  pack: Pack;
  section: NonNullable<Pack['selection']> | null;
}> {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
  return { pack, section: pack.selection ?? null };
}

export async function getPolicy(ctx: RequestContext): Promise<AfterPolicyView> {
  const { pack, section } = await policy(ctx);
  return {
    packId: pack.id,
    packName: pack.name,
    postReview: section?.postReview ?? null,
    unfitMeasures: section?.unfitMeasures ?? [],
    exchangeKinds: section?.exchangeKinds ?? [],
  };
}

// ---------------------------------------------------------------- post-appointment reviews

const REVIEW_NOTICE = (id: string) => `selection.post_review:${id}`;
const MEASURE_NOTICE = (id: string) => `selection.unfit_measure:${id}`;

function presentReview(r: repo.PostReviewRow, today: string): PostReview {
  const dueState = dueStateOf(r.due_on, r.status === 'done', today);
  const explanation =
    r.status === 'done'
      ? `${r.appointed_on} 任职，应于 ${r.due_on} 前开展任后评估；${r.decided_on} 已作出结论`
      : `${r.appointed_on} 任职，应于 ${r.due_on} 前开展任后评估${dueState === 'overdue' ? '，已逾期' : ''}`;
  return {
    id: r.id,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    unitName: r.unit_name,
    processId: r.process_id,
    postTitle: r.post_title,
    appointedOn: r.appointed_on,
    dueOn: r.due_on,
    dueState,
    roundId: r.round_id,
    status: r.status,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    decidedOn: r.decided_on,
    measureId: r.measure_id,
    explanation,
  };
}

async function mustFindReview(ctx: RequestContext, id: string, lock = false): Promise<repo.PostReviewRow> {
  const r = await repo.findPostReview(ctx.client, id, lock);
  if (!r) throw notFound('任后评估');
  return r;
}

export async function listPostReviews(ctx: RequestContext, q: PostReviewListQuery) {
  const today = todayOf(ctx);
  const { rows, total } = await repo.listPostReviews(ctx.client, {
    state: q.state,
    q: q.q?.trim() || undefined,
    today,
    soonLimit: dueSoonLimit(today),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((r) => presentReview(r, today)), total };
}

/**
 * Schedule the review of an appointment: a row due `afterMonths` after `appointedOn` and an inbox notice to
 * 组织部 of the cadre's unit (also for a selection process that writes an appointment: `processId`).
 * Returns the review's id and the explanation of its due date.
 */
export async function schedulePostReview(
  ctx: WorkflowContext,
  s: {
    cadreId: string;
    postTitle: string;
    appointedOn: string;
    processId: string | null;
    afterMonths: number;
    packName: string;
  },
): Promise<{ id: string; dueOn: string; explanation: string }> {
  const cadre = await repo.findCadre(ctx.client, s.cadreId);
  if (!cadre) throw notFound('干部');
  const due = postReviewDue(s.appointedOn, { afterMonths: s.afterMonths, schemeId: null }, s.packName);
  const id = await repo.insertPostReview(ctx.client, {
    cadreId: cadre.id,
    orgPath: cadre.orgPath,
    processId: s.processId,
    postTitle: s.postTitle,
    appointedOn: s.appointedOn,
    dueOn: due.date,
  });
  await postNotice(ctx, {
    kind: 'selection.post_review',
    kindName: '任后评估',
    title: `${cadre.name}（${s.postTitle}）任后评估`,
    link: '/selection/after?tab=reviews',
    orgId: cadre.orgId,
    recipientRoles: ['orgdept'],
    dueOn: due.date,
    sourceKey: REVIEW_NOTICE(id),
  });
  return { id, dueOn: due.date, explanation: due.explanation };
}

/** 登记任后评估 for an appointment made elsewhere: due the pack's months after it. */
export async function createPostReview(ctx: RequestContext, input: PostReviewCreate): Promise<PostReview> {
  const { pack, section } = await policy(ctx);
  if (!section?.postReview) return refuseNoPolicy(pack);
  refuse(checkPastDate(input.appointedOn, todayOf(ctx)));
  const { id, explanation } = await schedulePostReview(ctx, {
    cadreId: input.cadreId,
    postTitle: input.postTitle.trim(),
    appointedOn: input.appointedOn,
    processId: null,
    afterMonths: section.postReview.afterMonths,
    packName: pack.name,
  });
  const review = presentReview(await mustFindReview(ctx, id), todayOf(ctx));
  await ctx.audit({
    action: 'selection.post_review.create',
    objectType: 'selection_post_review',
    objectId: id,
    after: { ...review, dueExplanation: explanation },
  });
  return { ...review, explanation };
}

function refuseNoPolicy(pack: Pack): never {
  throw new AppError(400, 'VALIDATION', AFTER_PROBLEM_TEXT.AFTER_NO_POLICY, {
    problem: 'AFTER_NO_POLICY',
    packId: pack.id,
  });
}

/**
 * 开始评估: with `roundId`, link a round (visible, with the cadre among its targets); without, create a round
 * of the pack's post-appointment scheme for the cadre (organised by the cadre's unit, period from the
 * appointment to the due date) through the assessment module's service.
 */
export async function startPostReview(
  ctx: RequestContext,
  id: string,
  input: PostReviewStart,
): Promise<PostReview> {
  const before = await mustFindReview(ctx, id, true);
  if (before.status === 'done')
    throw conflict(AFTER_PROBLEM_TEXT.AFTER_ALREADY_DONE, { problem: 'AFTER_ALREADY_DONE' });
  let roundId: string;
  if (input.roundId) {
    const round = await repo.findRound(ctx.client, input.roundId);
    if (!round) throw notFound('考核轮次');
    if (!(await round.hasCadre(before.cadre_id)))
      throw new AppError(400, 'VALIDATION', '该考核轮次的考核对象中没有这名干部');
    roundId = round.id;
  } else {
    const { pack, section } = await policy(ctx);
    const schemeId = section?.postReview?.schemeId;
    if (!schemeId) refuse('AFTER_NO_SCHEME', { packId: pack.id });
    const cadre = await repo.findCadre(ctx.client, before.cadre_id);
    if (!cadre) throw notFound('干部');
    roundId = await createRound(ctx, {
      name: `${cadre.name}任职后评估（${before.post_title}）`.slice(0, 100),
      packId: pack.id,
      schemeId: schemeId as string,
      periodStart: before.appointed_on,
      periodEnd: before.due_on,
      orgId: cadre.orgId,
      population: { cadreIds: [cadre.id], unitIds: [] },
    });
  }
  await repo.setPostReviewRound(ctx.client, id, roundId);
  const after = presentReview(await mustFindReview(ctx, id), todayOf(ctx));
  await ctx.audit({
    action: 'selection.post_review.start',
    objectType: 'selection_post_review',
    objectId: id,
    before: { roundId: before.round_id },
    after: { roundId, created: !input.roundId },
  });
  return after;
}

/** 评估结论: 胜任 / 基本胜任 / 不胜任; 不胜任 opens the measure given. The review's notice is resolved. */
export async function decidePostReview(
  ctx: RequestContext,
  id: string,
  input: PostReviewOutcomeInput,
): Promise<PostReview> {
  const before = await mustFindReview(ctx, id, true);
  if (before.status === 'done')
    throw conflict(AFTER_PROBLEM_TEXT.AFTER_ALREADY_DONE, { problem: 'AFTER_ALREADY_DONE' });
  refuse(checkOutcome(input.outcome, input.measure !== undefined));
  refuse(checkPastDate(input.decidedOn, todayOf(ctx), before.appointed_on));
  const note = (input.note ?? '').trim();
  await repo.decidePostReview(ctx.client, id, { outcome: input.outcome, note, decidedOn: input.decidedOn });
  let measureId: string | null = null;
  if (input.measure)
    measureId = (
      await openMeasure(ctx, {
        cadreId: before.cadre_id,
        measureId: input.measure.measureId,
        reason: input.measure.reason,
        startOn: input.measure.startOn,
        postReviewId: id,
      })
    ).id;
  await resolveNotices(ctx, REVIEW_NOTICE(id));
  const after = presentReview(await mustFindReview(ctx, id), todayOf(ctx));
  await ctx.audit({
    action: 'selection.post_review.decide',
    objectType: 'selection_post_review',
    objectId: id,
    before: { status: before.status },
    after: { outcome: after.outcome, note, decidedOn: after.decidedOn, measureId },
  });
  return after;
}

// ---------------------------------------------------------------- unfit measures

function presentMeasure(m: repo.MeasureRow, today: string): UnfitMeasureRecord {
  const dueState = dueStateOf(m.due_on, m.status === 'closed', today);
  return {
    id: m.id,
    cadreId: m.cadre_id,
    cadreName: m.cadre_name,
    unitName: m.unit_name,
    postReviewId: m.post_review_id,
    measureId: m.measure_id,
    measureName: m.measure_name,
    reason: m.reason,
    startOn: m.start_on,
    dueOn: m.due_on,
    dueState,
    status: m.status,
    result: m.result,
    closedOn: m.closed_on,
    explanation:
      m.status === 'closed'
        ? `${m.start_on} 起${m.measure_name}，${m.closed_on} 已作出结果`
        : `${m.start_on} 起${m.measure_name}，应于 ${m.due_on} 作出结果${dueState === 'overdue' ? '，已逾期' : ''}`,
  };
}

async function mustFindMeasure(ctx: RequestContext, id: string): Promise<repo.MeasureRow> {
  const m = await repo.findMeasure(ctx.client, id);
  if (!m) throw notFound('不胜任干部措施');
  return m;
}

export async function listMeasures(ctx: RequestContext, q: UnfitMeasureListQuery) {
  const today = todayOf(ctx);
  const { rows, total } = await repo.listMeasures(ctx.client, {
    state: q.state,
    q: q.q?.trim() || undefined,
    today,
    soonLimit: dueSoonLimit(today),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((m) => presentMeasure(m, today)), total };
}

/** Open a measure of the pack (due its term after the start), audited, with its inbox notice. */
async function openMeasure(
  ctx: RequestContext,
  input: UnfitMeasureCreate & { postReviewId: string | null },
): Promise<UnfitMeasureRecord> {
  const { pack, section } = await policy(ctx);
  const measure = section?.unfitMeasures.find((m) => m.id === input.measureId);
  if (!measure) refuse('AFTER_UNKNOWN_MEASURE', { measureId: input.measureId, packId: pack.id });
  const m = measure as NonNullable<typeof measure>;
  refuse(checkPastDate(input.startOn, todayOf(ctx)));
  const cadre = await repo.findCadre(ctx.client, input.cadreId);
  if (!cadre) throw notFound('干部');
  const due = unfitMeasureDue(input.startOn, m, pack.name);
  const id = await repo.insertMeasure(ctx.client, {
    cadreId: cadre.id,
    orgPath: cadre.orgPath,
    postReviewId: input.postReviewId,
    measureId: m.id,
    measureName: m.name,
    reason: input.reason.trim(),
    startOn: input.startOn,
    dueOn: due.date,
    createdBy: ctx.actor?.userId ?? null,
  });
  await postNotice(ctx, {
    kind: 'selection.unfit_measure',
    kindName: '不胜任干部措施',
    title: `${cadre.name}：${m.name}期满作出结果`,
    link: '/selection/after?tab=measures',
    orgId: cadre.orgId,
    recipientRoles: ['orgdept'],
    dueOn: due.date,
    sourceKey: MEASURE_NOTICE(id),
  });
  const record = {
    ...presentMeasure(await mustFindMeasure(ctx, id), todayOf(ctx)),
    explanation: due.explanation,
  };
  await ctx.audit({
    action: 'selection.unfit_measure.open',
    objectType: 'selection_unfit_measure',
    objectId: id,
    after: record,
  });
  return record;
}

export async function createMeasure(
  ctx: RequestContext,
  input: UnfitMeasureCreate,
): Promise<UnfitMeasureRecord> {
  return openMeasure(ctx, { ...input, postReviewId: null });
}

export async function closeMeasure(
  ctx: RequestContext,
  id: string,
  input: UnfitMeasureClose,
): Promise<UnfitMeasureRecord> {
  const before = await mustFindMeasure(ctx, id);
  if (before.status === 'closed')
    throw conflict(AFTER_PROBLEM_TEXT.AFTER_ALREADY_DONE, { problem: 'AFTER_ALREADY_DONE' });
  refuse(checkPastDate(input.closedOn, todayOf(ctx), before.start_on));
  if (!(await repo.closeMeasure(ctx.client, id, { result: input.result.trim(), closedOn: input.closedOn })))
    throw conflict(AFTER_PROBLEM_TEXT.AFTER_ALREADY_DONE, { problem: 'AFTER_ALREADY_DONE' });
  await resolveNotices(ctx, MEASURE_NOTICE(id));
  const after = presentMeasure(await mustFindMeasure(ctx, id), todayOf(ctx));
  await ctx.audit({
    action: 'selection.unfit_measure.close',
    objectType: 'selection_unfit_measure',
    objectId: id,
    before: { status: before.status },
    after: { result: after.result, closedOn: after.closedOn },
  });
  return after;
}

// ---------------------------------------------------------------- exchanges

function presentExchange(e: repo.ExchangeRow, today: string): Exchange {
  return {
    id: e.id,
    cadreId: e.cadre_id,
    cadreName: e.cadre_name,
    homeOrgId: e.home_org_id,
    homeOrgName: e.home_org_name,
    hostOrgId: e.host_org_id,
    hostOrgName: e.host_org_name,
    kindId: e.kind_id,
    kindName: e.kind_name,
    movesRecord: e.moves_record,
    batchYear: e.batch_year,
    hostPost: e.host_post,
    startOn: e.start_on,
    endOn: e.end_on,
    status: e.status,
    overdue: e.status === 'active' && e.end_on < today,
    outcome: e.outcome,
    endedOn: e.ended_on,
  };
}

export async function listExchanges(ctx: RequestContext, q: ExchangeListQuery) {
  const today = todayOf(ctx);
  const { rows, total } = await repo.listExchanges(ctx.client, {
    batchYear: q.batchYear,
    kindId: q.kindId,
    status: q.status,
    cadreId: q.cadreId,
    q: q.q?.trim() || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((e) => presentExchange(e, today)), total };
}

/**
 * 交流: the registry moves the cadre to the host unit through the cadre service (so the derived facts
 * follow): the open posts end on the start day and a post at the host unit begins, with the host post as
 * written (else the current title) and the current post's 职级, 职务类别 and leadership — an exchange moves a
 * cadre to an equivalent post.
 */
async function moveRecord(
  ctx: RequestContext,
  cipher: FieldCipher,
  cadreId: string,
  host: { id: string; name: string; kind: string },
  hostPost: string,
  startOn: string,
): Promise<void> {
  const { record } = await readRecord(ctx, cipher, cadreId);
  const open = record.appointments.filter((a) => a.end === null);
  const current = open.reduce<Appointment | null>((c, a) => (!c || a.start > c.start ? a : c), null);
  const appointments: Appointment[] = [
    ...record.appointments.map((a) => (a.end === null ? { ...a, end: startOn } : a)),
    {
      unitName: host.name,
      orgId: host.id,
      unitKind: host.kind as Appointment['unitKind'],
      title: hostPost || record.postTitle,
      isLeadership: current?.isLeadership ?? false,
      roleKind: current?.roleKind ?? 'staff',
      rank: current?.rank ?? record.rank,
      start: startOn,
      end: null,
    },
  ];
  await updateCadre(ctx, cipher, cadreId, {
    ...record,
    orgId: host.id,
    postTitle: hostPost || record.postTitle,
    appointments,
  });
}

/** 批量派出: a yearly batch of postings of one kind, each cadre to a host unit; 交流 moves the record. */
export async function createBatch(
  ctx: RequestContext,
  cipher: FieldCipher,
  input: ExchangeBatchCreate,
): Promise<{ items: Exchange[] }> {
  const { pack, section } = await policy(ctx);
  const kind = section?.exchangeKinds.find((k) => k.id === input.kindId);
  if (!kind) refuse('AFTER_UNKNOWN_EXCHANGE_KIND', { kindId: input.kindId, packId: pack.id });
  const k = kind as NonNullable<typeof kind>;
  const today = todayOf(ctx);
  // a move of the record happens on its start: not a future one
  if (k.movesRecord) refuse(checkPastDate(input.startOn, today));
  const endOn = input.endOn ?? exchangeDefaultEnd(input.startOn, k, pack.name).date;
  if (endOn < input.startOn) refuse('AFTER_DATE_BEFORE_START');
  const resolved = [];
  for (const p of input.postings) {
    const cadre = await repo.findCadre(ctx.client, p.cadreId);
    if (!cadre) throw notFound('干部');
    const host = await repo.findOrg(ctx.client, p.hostOrgId);
    if (!host) throw notFound('接收单位');
    resolved.push({ cadre, host, hostPost: (p.hostPost ?? '').trim() });
  }
  refuse(
    checkBatch(
      resolved.map((r) => ({ cadreId: r.cadre.id, homeOrgId: r.cadre.orgId, hostOrgId: r.host.id })),
    ),
  );
  const ids: string[] = [];
  for (const r of resolved) {
    const id = await repo.insertExchange(ctx.client, {
      cadreId: r.cadre.id,
      homeOrgId: r.cadre.orgId,
      homePath: r.cadre.orgPath,
      hostOrgId: r.host.id,
      hostPath: r.host.path,
      kindId: k.id,
      kindName: k.name,
      movesRecord: k.movesRecord,
      batchYear: input.batchYear,
      hostPost: r.hostPost,
      startOn: input.startOn,
      endOn,
      createdBy: ctx.actor?.userId ?? null,
    });
    if (k.movesRecord) await moveRecord(ctx, cipher, r.cadre.id, r.host, r.hostPost, input.startOn);
    ids.push(id);
  }
  const items: Exchange[] = [];
  for (const id of ids) {
    const row = await repo.findExchange(ctx.client, id);
    if (row) items.push(presentExchange(row, today));
  }
  for (const e of items)
    await ctx.audit({
      action: 'selection.exchange.create',
      objectType: 'selection_exchange',
      objectId: e.id,
      after: e,
    });
  return { items };
}

/** 结束派出 with its outcome (a 交流 stays where it moved: the registry is not moved back). */
export async function endExchange(ctx: RequestContext, id: string, input: ExchangeEnd): Promise<Exchange> {
  const before = await repo.findExchange(ctx.client, id);
  if (!before) throw notFound('交流挂职');
  if (before.status === 'ended')
    throw conflict(AFTER_PROBLEM_TEXT.AFTER_ALREADY_DONE, { problem: 'AFTER_ALREADY_DONE' });
  refuse(checkPastDate(input.endedOn, todayOf(ctx), before.start_on));
  if (!(await repo.endExchange(ctx.client, id, { endedOn: input.endedOn, outcome: input.outcome.trim() })))
    throw notFound('交流挂职');
  const row = await repo.findExchange(ctx.client, id);
  if (!row) throw notFound('交流挂职');
  const after = presentExchange(row, todayOf(ctx));
  await ctx.audit({
    action: 'selection.exchange.end',
    objectType: 'selection_exchange',
    objectId: id,
    before: { status: before.status },
    after: { endedOn: after.endedOn, outcome: after.outcome },
  });
  return after;
}
