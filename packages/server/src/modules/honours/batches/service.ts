import {
  batchRulesOf,
  chinaToday,
  explainReason,
  noticePeriodText,
  proposalExplanation,
  proposalRuleText,
  proposalYears,
  quotaRuleText,
  unitQuota,
  workingPeriod,
  type HonourBatch,
  type HonourBatchCreate,
  type HonourBatchDetail,
  type HonourBatchListQuery,
  type HonourBatchRules,
  type HonourBatchState,
  type HonourDecide,
  type HonourNominationCreate,
  type HonourNoticeStart,
  type HonourObjectionCreate,
  type HonourObjectionResolve,
  type HonourPolicyView,
  type HonourProposal,
  type HonourQuotaLine,
  type OrgKind,
} from '@ganbu/core';
import type { Actor, RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { loadWorkingCalendar } from '../../calendar/service.ts';
import { eligibilityForComputation } from '../../eligibility/service.ts';
import { honourNoticeDocx } from './notice-docx.ts';
import * as repo from './repository.ts';

/**
 * Commendation batches (R-HON-1). The rules come from the district's pack version in force when the batch is
 * created and are copied into it (`rules`): kind, quota rows of the kind, 公示 working days, proposal rules.
 * Quotas are per quota unit — each unit directly under the district (its subtree's active cadres) and the
 * district itself (its own cadres) — counted in the system scope (a count, no personal data). Every write is
 * audited with the batch as its object.
 */

const todayOf = (ctx: Pick<RequestContext, 'now'>) => chinaToday(ctx.now);

function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

/** Run `fn` in the system scope, then restore the request's own. */
async function asSystem<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  await setSystemScope(ctx.client);
  try {
    return await fn();
  } finally {
    if (ctx.actor) await setScope(ctx.client, ctx.actor);
  }
}

const STATE_NAMES: Record<HonourBatchState, string> = {
  draft: '草稿',
  nominating: '推荐中',
  notice: '公示中',
  decided: '已决定',
  cancelled: '已取消',
};

function mustBeIn(b: repo.BatchRow, states: HonourBatchState[], what: string): void {
  if (!states.includes(b.state))
    throw new AppError(
      409,
      'HONOUR_BATCH_STATE',
      `表彰批次“${b.name}”当前为${STATE_NAMES[b.state]}，不能${what}（须为${states.map((s) => STATE_NAMES[s]).join('或')}）`,
      { state: b.state },
    );
}

const rulesOf = (b: repo.BatchRow) => b.rules as HonourBatchRules;

// ---------------------------------------------------------------- policy

export async function getPolicy(ctx: RequestContext): Promise<HonourPolicyView> {
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
  const section = pack.honours;
  const kindName = (id: string) => section?.kinds.find((k) => k.id === id)?.name ?? id;
  return {
    packId: pack.id,
    packName: pack.name,
    kinds: section?.kinds ?? [],
    quotas: (section?.quotas ?? []).map((q) => ({
      ...q,
      kindName: kindName(q.kindId),
      explanation: quotaRuleText(q),
    })),
    noticeWorkingDays: section?.noticeWorkingDays ?? 0,
    proposalRules: (section?.proposalRules ?? []).map((r) => ({
      id: r.id,
      kindId: r.kindId,
      kindName: kindName(r.kindId),
      grades: r.grades,
      consecutiveYears: r.consecutiveYears,
      explanation: proposalRuleText(r, kindName(r.kindId)),
    })),
  };
}

// ---------------------------------------------------------------- reading

function present(b: repo.BatchRow): HonourBatch {
  return {
    id: b.id,
    name: b.name,
    year: b.year,
    kindId: b.kind_id,
    kindName: b.kind_name,
    kindRank: b.kind_rank,
    orgId: b.org_id,
    orgName: b.org_name,
    state: b.state,
    packId: b.pack_id,
    packName: b.pack_name,
    noticeWorkingDays: b.notice_working_days,
    noticeStart: b.notice_start,
    noticeEnd: b.notice_end,
    noticeExplanation: b.notice_explanation,
    decidedOn: b.decided_on,
    documentNumber: b.document_number,
    nominationCount: b.nomination_count,
    createdAt: b.created_at,
  };
}

interface QuotaFigures {
  line: HonourQuotaLine;
  path: string;
}

/** Every quota unit of the batch's district with its quota and the nominations counted against it. */
async function quotaFigures(ctx: RequestContext, b: repo.BatchRow): Promise<QuotaFigures[]> {
  const { units, used } = await asSystem(ctx, async () => ({
    units: await repo.quotaUnits(ctx.client, b.org_path),
    used: await repo.usedByUnit(ctx.client, b.id),
  }));
  const rules = rulesOf(b);
  return units.map((u) => {
    const q = unitQuota(rules, { name: u.name, kind: u.kind as OrgKind }, u.active);
    return {
      path: u.path,
      line: {
        unitId: u.id,
        unitName: u.name,
        unitKind: u.kind,
        activeCadres: u.active,
        sharePercent: q.sharePercent,
        quota: q.quota,
        used: used.get(u.id) ?? 0,
        explanation: q.explanation,
      },
    };
  });
}

/** The quota unit of a cadre's unit path: the unit directly under the district holding it, else the district. */
function quotaUnitOf(
  figures: QuotaFigures[],
  cadrePath: string,
  districtPath: string,
): QuotaFigures | undefined {
  const below = figures.find(
    (f) => f.path !== districtPath && (cadrePath === f.path || cadrePath.startsWith(`${f.path}.`)),
  );
  return below ?? figures.find((f) => f.path === districtPath);
}

/** The quota lines a reader sees: those of units whose subtree their scope touches (组织部 of the district: all). */
function visibleLines(ctx: RequestContext, figures: QuotaFigures[], districtPath: string): HonourQuotaLine[] {
  const scope = ctx.actor?.orgPath ?? '';
  if (scope === districtPath) return figures.map((f) => f.line);
  return figures
    .filter((f) => f.path !== districtPath && (scope === f.path || scope.startsWith(`${f.path}.`)))
    .map((f) => f.line);
}

async function mustFind(ctx: RequestContext, id: string, lock = false): Promise<repo.BatchRow> {
  const b = await repo.findBatch(ctx.client, id, lock);
  if (!b) throw notFound('表彰批次');
  return b;
}

async function detailOf(ctx: RequestContext, b: repo.BatchRow): Promise<HonourBatchDetail> {
  const figures = await quotaFigures(ctx, b);
  const nominations = await repo.listNominations(ctx.client, b.id);
  const objections = await repo.listObjections(ctx.client, b.id);
  return {
    ...present(b),
    quotas: visibleLines(ctx, figures, b.org_path),
    nominations: nominations.map((n) => ({
      id: n.id,
      batchId: n.batch_id,
      cadreId: n.cadre_id,
      cadreName: n.cadre_name,
      unitId: n.quota_unit_id,
      unitName: n.unit_name,
      postTitle: n.post_title,
      deeds: n.deeds,
      usePhoto: n.use_photo,
      state: n.state,
      eligibilityDate: n.eligibility_date,
      eligibilityReasons: n.eligibility_reasons,
      proposalRuleId: n.proposal_rule_id,
      objections: objections
        .filter((o) => o.nomination_id === n.id)
        .map((o) => ({
          id: o.id,
          nominationId: o.nomination_id,
          receivedOn: o.received_on,
          content: o.content,
          state: o.state,
          resolution: o.resolution,
          resolvedOn: o.resolved_on,
        })),
      nominatedAt: n.created_at,
    })),
  };
}

export async function listBatches(ctx: RequestContext, q: HonourBatchListQuery) {
  const { rows, total } = await repo.listBatches(ctx.client, {
    year: q.year,
    state: q.state,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(present), total };
}

export async function getBatch(ctx: RequestContext, id: string): Promise<HonourBatchDetail> {
  return detailOf(ctx, await mustFind(ctx, id));
}

// ---------------------------------------------------------------- writing the batch

export async function createBatch(ctx: RequestContext, input: HonourBatchCreate): Promise<HonourBatchDetail> {
  const actor = actorOf(ctx);
  const district = await repo.district(ctx.client, actor.orgPath);
  if (!district || district.path !== actor.orgPath)
    throw forbidden('表彰批次由区级组织部门建立（数据范围须为全区）');
  const pack = await packOn(ctx.client, await selectedPackId(ctx.client), todayOf(ctx));
  if (!pack.honours) throw new AppError(400, 'VALIDATION', `政策包“${pack.name}”没有精神激励（表彰）规定`);
  const rules = batchRulesOf(pack.honours, input.kindId, pack.name, pack.sources ?? {});
  if (!rules)
    throw new AppError(400, 'VALIDATION', `政策包“${pack.name}”没有表彰类别“${input.kindId}”`, {
      kindId: input.kindId,
    });
  const id = await repo.insertBatch(ctx.client, {
    orgId: district.id,
    orgPath: district.path,
    orgName: district.name,
    name: input.name,
    year: input.year,
    kind: rules.kind,
    packId: pack.id,
    packEffectiveFrom: pack.version.effectiveFrom,
    packName: pack.name,
    rules,
    noticeWorkingDays: rules.noticeWorkingDays,
    createdBy: actor.userId,
  });
  await ctx.audit({
    action: 'honour.batch.create',
    objectType: 'honour_batch',
    objectId: id,
    after: { name: input.name, year: input.year, kindId: rules.kind.id, packId: pack.id },
  });
  return getBatch(ctx, id);
}

async function setState(
  ctx: RequestContext,
  id: string,
  from: HonourBatchState[],
  to: HonourBatchState,
  action: string,
  what: string,
): Promise<HonourBatchDetail> {
  const b = await mustFind(ctx, id, true);
  mustBeIn(b, from, what);
  await repo.updateBatch(ctx.client, id, { state: to });
  await ctx.audit({
    action,
    objectType: 'honour_batch',
    objectId: id,
    before: { state: b.state },
    after: { state: to },
  });
  return getBatch(ctx, id);
}

/** 开始推荐: draft → nominating. */
export const openBatch = (ctx: RequestContext, id: string) =>
  setState(ctx, id, ['draft'], 'nominating', 'honour.batch.open', '开始推荐');

/** 取消: any state before the decision. */
export const cancelBatch = (ctx: RequestContext, id: string) =>
  setState(ctx, id, ['draft', 'nominating', 'notice'], 'cancelled', 'honour.batch.cancel', '取消');

// ---------------------------------------------------------------- nominations

function quotaFull(line: HonourQuotaLine, extra: number): AppError {
  return new AppError(
    409,
    'HONOUR_QUOTA_FULL',
    `${line.unitName}本批次名额 ${line.quota} 名，已推荐 ${line.used} 名${extra ? `，再推荐 ${extra} 名将超出名额` : ''}：${line.explanation}`,
    { unitId: line.unitId, quota: line.quota, used: line.used },
  );
}

export async function nominate(
  ctx: RequestContext,
  id: string,
  input: HonourNominationCreate,
): Promise<HonourBatchDetail> {
  const actor = actorOf(ctx);
  const b = await mustFind(ctx, id, true);
  mustBeIn(b, ['nominating'], '推荐');
  const c = await repo.cadre(ctx.client, input.cadreId);
  if (!c) throw notFound('干部');
  if (!c.active) throw new AppError(400, 'VALIDATION', `${c.name}同志已不在册，不能推荐`);
  if (!(c.org_path === b.org_path || c.org_path.startsWith(`${b.org_path}.`)))
    throw new AppError(400, 'VALIDATION', `${c.name}同志不属于${b.org_name}，不能列入本批次`);
  const rules = rulesOf(b);
  // a proposal: the rule must be one of the batch's and must find the cadre
  let deeds = input.deeds ?? '';
  const ruleId = input.proposalRuleId ?? null;
  if (ruleId) {
    const proposal = (await proposalsOf(ctx, b)).find((p) => p.cadreId === c.id && p.ruleId === ruleId);
    if (!proposal)
      throw new AppError(400, 'VALIDATION', `${c.name}同志不符合提名建议规则“${ruleId}”`, { ruleId });
    if (!deeds) deeds = proposal.explanation;
  }
  if (!deeds) throw new AppError(400, 'VALIDATION', '请填写先进事迹');
  const figures = await quotaFigures(ctx, b);
  const unit = quotaUnitOf(figures, c.org_path, b.org_path);
  if (!unit) throw new AppError(400, 'VALIDATION', `${c.name}同志所在单位不在本批次的名额单位中`);
  if (unit.line.quota !== null && unit.line.used >= unit.line.quota) throw quotaFull(unit.line, 0);
  const today = todayOf(ctx);
  const answer = (await eligibilityForComputation(ctx, [c.id], today, 'honour')).get(c.id)!;
  const reasons = answer.reasons.map((r) => explainReason(r, { facts: false }));
  if (!answer.eligible)
    throw new AppError(
      409,
      'HONOUR_INELIGIBLE',
      `${c.name}同志 ${today} 不符合表彰条件，不能推荐：${reasons.join('；')}`,
      { reasons },
    );
  const nominationId = await repo.insertNomination(ctx.client, {
    batchId: b.id,
    cadreId: c.id,
    unitPath: c.org_path,
    quotaUnitId: unit.line.unitId,
    cadreName: c.name,
    unitName: unit.line.unitName,
    postTitle: c.post_title,
    deeds,
    usePhoto: (input.usePhoto ?? false) && c.has_photo,
    eligibilityDate: today,
    eligibilityReasons: reasons,
    proposalRuleId: ruleId,
    nominatedBy: actor.userId,
  });
  if (!nominationId) throw new AppError(409, 'CONFLICT', `${c.name}同志已在本批次推荐名单中`);
  await ctx.audit({
    action: 'honour.nomination.create',
    objectType: 'honour_batch',
    objectId: b.id,
    after: { nominationId, cadreId: c.id, unitId: unit.line.unitId, proposalRuleId: ruleId },
  });
  return getBatch(ctx, b.id);
}

export async function withdraw(
  ctx: RequestContext,
  id: string,
  nominationId: string,
): Promise<HonourBatchDetail> {
  const b = await mustFind(ctx, id, true);
  mustBeIn(b, ['nominating'], '撤回推荐');
  const n = await repo.findNomination(ctx.client, id, nominationId);
  if (!n) throw notFound('推荐');
  if (n.state !== 'nominated') throw new AppError(409, 'CONFLICT', `${n.cadre_name}同志的推荐已撤回`);
  await repo.setNominationState(ctx.client, n.id, 'withdrawn');
  await ctx.audit({
    action: 'honour.nomination.withdraw',
    objectType: 'honour_batch',
    objectId: b.id,
    before: { nominationId: n.id, state: n.state },
    after: { nominationId: n.id, state: 'withdrawn' },
  });
  return getBatch(ctx, b.id);
}

// ---------------------------------------------------------------- proposals

async function proposalsOf(ctx: RequestContext, b: repo.BatchRow): Promise<HonourProposal[]> {
  const rules = rulesOf(b);
  const nominated = await repo.nominatedCadres(ctx.client, b.id);
  const today = todayOf(ctx);
  const out: HonourProposal[] = [];
  for (const rule of rules.proposalRules) {
    const from = b.year - rule.consecutiveYears;
    const cadres = await repo.cadresWithAnnualGrades(ctx.client, rule.population, today, from, b.year);
    for (const c of cadres) {
      if (!(c.org_path === b.org_path || c.org_path.startsWith(`${b.org_path}.`))) continue;
      const years = proposalYears(rule, c.grades, b.year);
      if (!years) continue;
      out.push({
        cadreId: c.id,
        cadreName: c.name,
        unitName: c.unit_name,
        postTitle: c.post_title,
        ruleId: rule.id,
        kindId: rules.kind.id,
        kindName: rules.kind.name,
        years,
        explanation: proposalExplanation(rule, rules, years),
        nominated: nominated.has(c.id),
      });
    }
  }
  return out;
}

/** `GET …/proposals`: cadres in the caller's scope a proposal rule of the batch's kind finds. */
export async function listProposals(ctx: RequestContext, id: string) {
  const b = await mustFind(ctx, id);
  return { items: await proposalsOf(ctx, b) };
}

// ---------------------------------------------------------------- 公示, objections, decision

/** 提交公示: refused while a quota unit is over its quota; the end day from the district's calendar. */
export async function startNotice(
  ctx: RequestContext,
  id: string,
  input: HonourNoticeStart,
): Promise<HonourBatchDetail> {
  const b = await mustFind(ctx, id, true);
  mustBeIn(b, ['nominating'], '提交公示');
  const figures = await quotaFigures(ctx, b);
  const over = figures.find((f) => f.line.quota !== null && f.line.used > f.line.quota);
  if (over) throw quotaFull(over.line, 0);
  if (!figures.some((f) => f.line.used > 0))
    throw new AppError(400, 'VALIDATION', '本批次还没有推荐人选，不能公示');
  const cal = await loadWorkingCalendar(ctx.client);
  let period: ReturnType<typeof workingPeriod>;
  try {
    period = workingPeriod(cal, input.startOn, b.notice_working_days);
  } catch (e) {
    if (e instanceof RangeError) throw new AppError(400, 'VALIDATION', '公示日期超出工作日历的范围');
    throw e;
  }
  const explanation =
    noticePeriodText(input.startOn, period.date, b.notice_working_days, period.skipped) +
    `（公示 ${b.notice_working_days} 个工作日：${b.pack_name}）`;
  await repo.updateBatch(ctx.client, id, {
    state: 'notice',
    noticeStart: input.startOn,
    noticeEnd: period.date,
    noticeExplanation: explanation,
  });
  await ctx.audit({
    action: 'honour.batch.notice',
    objectType: 'honour_batch',
    objectId: id,
    before: { state: b.state },
    after: { state: 'notice', noticeStart: input.startOn, noticeEnd: period.date },
  });
  return getBatch(ctx, id);
}

export async function addObjection(
  ctx: RequestContext,
  id: string,
  input: HonourObjectionCreate,
): Promise<HonourBatchDetail> {
  const actor = actorOf(ctx);
  const b = await mustFind(ctx, id, true);
  mustBeIn(b, ['notice'], '登记异议');
  if (input.receivedOn < b.notice_start! || input.receivedOn > b.notice_end!)
    throw new AppError(
      400,
      'VALIDATION',
      `异议须在公示期内（${b.notice_start} 至 ${b.notice_end}）收到，所填为 ${input.receivedOn}`,
    );
  const n = await repo.findNomination(ctx.client, id, input.nominationId);
  if (!n || n.state !== 'nominated') throw notFound('公示中的推荐人选');
  const objectionId = await repo.insertObjection(ctx.client, {
    nominationId: n.id,
    batchId: b.id,
    receivedOn: input.receivedOn,
    content: input.content,
    createdBy: actor.userId,
  });
  await ctx.audit({
    action: 'honour.objection.create',
    objectType: 'honour_batch',
    objectId: b.id,
    after: { objectionId, nominationId: n.id, receivedOn: input.receivedOn },
  });
  return getBatch(ctx, b.id);
}

export async function resolveObjection(
  ctx: RequestContext,
  id: string,
  objectionId: string,
  input: HonourObjectionResolve,
): Promise<HonourBatchDetail> {
  const b = await mustFind(ctx, id, true);
  mustBeIn(b, ['notice'], '处理异议');
  const o = await repo.findObjection(ctx.client, id, objectionId);
  if (!o) throw notFound('异议');
  if (o.state !== 'open') throw new AppError(409, 'CONFLICT', '该异议已处理');
  if (input.resolvedOn < o.received_on || input.resolvedOn > todayOf(ctx))
    throw new AppError(400, 'VALIDATION', `处理日期须在收到异议（${o.received_on}）之后且不晚于今天`);
  await repo.resolveObjection(ctx.client, o.id, {
    state: input.outcome,
    resolution: input.resolution,
    resolvedOn: input.resolvedOn,
  });
  if (input.outcome === 'upheld') await repo.setNominationState(ctx.client, o.nomination_id, 'removed');
  await ctx.audit({
    action: 'honour.objection.resolve',
    objectType: 'honour_batch',
    objectId: b.id,
    before: { objectionId: o.id, state: o.state },
    after: { objectionId: o.id, state: input.outcome, nominationId: o.nomination_id },
  });
  return getBatch(ctx, b.id);
}

/** 表彰决定: after the 公示's last day, with no open objection; the standing nominations become honours. */
export async function decide(
  ctx: RequestContext,
  id: string,
  input: HonourDecide,
): Promise<HonourBatchDetail> {
  const b = await mustFind(ctx, id, true);
  mustBeIn(b, ['notice'], '作出表彰决定');
  if (input.decidedOn <= b.notice_end!)
    throw new AppError(
      409,
      'HONOUR_NOTICE_RUNNING',
      `公示至 ${b.notice_end} 止，表彰决定日期须在其后，所填为 ${input.decidedOn}`,
      { noticeEnd: b.notice_end },
    );
  if (input.decidedOn > todayOf(ctx))
    throw new AppError(400, 'VALIDATION', `表彰决定日期不能晚于今天（${todayOf(ctx)}）`);
  const open = await asSystem(ctx, () => repo.openObjections(ctx.client, b.id));
  if (open > 0)
    throw new AppError(409, 'HONOUR_OBJECTION_OPEN', `公示期间收到的 ${open} 件异议尚未处理完毕`, { open });
  const honoured = await repo.honourAll(ctx.client, b.id);
  await repo.updateBatch(ctx.client, id, {
    state: 'decided',
    decidedOn: input.decidedOn,
    documentNumber: input.documentNumber,
  });
  await ctx.audit({
    action: 'honour.batch.decide',
    objectType: 'honour_batch',
    objectId: id,
    before: { state: b.state },
    after: { state: 'decided', decidedOn: input.decidedOn, documentNumber: input.documentNumber, honoured },
  });
  return getBatch(ctx, id);
}

/** The 表彰决定 (.docx) of a decided batch: the honoured by unit with their posts. */
export async function noticeFile(ctx: RequestContext, id: string) {
  const b = await mustFind(ctx, id);
  mustBeIn(b, ['decided'], '生成表彰决定');
  const nominations = (await repo.listNominations(ctx.client, b.id)).filter((n) => n.state === 'honoured');
  const bytes = await honourNoticeDocx({
    districtName: b.org_name,
    batchName: b.name,
    kindName: b.kind_name,
    year: b.year,
    documentNumber: b.document_number!,
    decidedOn: b.decided_on!,
    honoured: nominations.map((n) => ({
      unitName: n.unit_name,
      name: n.cadre_name,
      postTitle: n.post_title,
    })),
  });
  await ctx.audit({
    action: 'honour.batch.notice_file',
    objectType: 'honour_batch',
    objectId: id,
    after: { honoured: nominations.length },
  });
  return { bytes, fileName: `表彰决定-${b.name}.docx` };
}

/** `GET /api/cadres/{id}/honours`: the decided honours of a cadre the caller's scope shows. */
export async function cadreHonours(ctx: RequestContext, cadreId: string) {
  if (!(await repo.cadre(ctx.client, cadreId))) throw notFound('干部');
  const rows = await repo.honoursOf(ctx.client, cadreId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      batchId: r.batch_id,
      batchName: r.batch_name,
      year: r.year,
      kindName: r.kind_name,
      decidedOn: r.decided_on,
      documentNumber: r.document_number,
      deeds: r.deeds,
    })),
  };
}
