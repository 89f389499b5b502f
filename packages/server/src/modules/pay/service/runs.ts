import {
  comparePay,
  computePay,
  PackSchema,
  PAY_SECTION_KEY,
  PAY_WHAT_IF_LINES,
  PayRuleError,
  type CreatePayRun,
  type ErrorCode,
  type Pack,
  type PayInputs,
  type PayResult,
  type PayRun,
  type PayWhatIfResult,
  type Source,
} from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { spoolToTempFile } from '../../../platform/spool.ts';
import { listVersionsOf } from '../../assessment/repository/packs.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { writeLinesWorkbook } from '../lines-workbook.ts';
import * as repo from '../repository/runs.ts';
import type { RunPolicy, RunRecord } from '../repository/runs.ts';
import { gatherInputs } from './gather.ts';

/**
 * Pay runs (R-PAY-5): draft → computed → submitted (the `pay_run` case) → approved → paid. A run copies its
 * pack's `pay` section when it is made, so it is recomputed under the rules it was made with; a computation
 * freezes its inputs, so recomputing from them gives the same lines to the fen. Lines are personal and
 * sensitive: every read of them is audited.
 */

const KIND_STATUS: Partial<Record<string, number>> = { PAY_KIND_NOT_IN_PACK: 409, PAY_RUN_STATE: 409 };

/** A refusal of the pack's rules as the API answers it: its stable code, Chinese message and details. */
export function payRefusal(e: PayRuleError): AppError {
  return new AppError(KIND_STATUS[e.code] ?? 422, e.code as ErrorCode, e.message, e.details);
}

const stateRefused = (message: string, state: string) =>
  new AppError(409, 'PAY_RUN_STATE', message, { state });

export function present(r: RunRecord): PayRun {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    period: r.period,
    orgId: r.orgId,
    orgName: r.orgName,
    packId: r.packId,
    packEffectiveFrom: r.packEffectiveFrom,
    packName: r.packName,
    state: r.state,
    budgetFen: r.budgetFen,
    totalFen: r.totalFen,
    lineCount: r.lineCount,
    computedAt: r.computedAt,
    steps: r.steps,
    excluded: r.excluded,
    caseId: r.caseId,
    createdAt: r.createdAt,
  };
}

export async function mustFindRun(ctx: Pick<RequestContext, 'client'>, id: string, forUpdate = false) {
  const run = await repo.findRun(ctx.client, id, forUpdate);
  if (!run) throw notFound('核算');
  return run;
}

/** The run's pack as computePay reads it. */
const packOfRun = (run: RunRecord) => ({ pay: run.policy.pay, sources: run.policySources });

/** What a run keeps of a pack: its `pay` section and the sources of the numbers under `/pay`. */
function policyOf(pack: Pack, orgName: string): { policy: RunPolicy; sources: Record<string, Source> } {
  const sources = Object.fromEntries(Object.entries(pack.sources).filter(([k]) => k.startsWith('/pay/')));
  return {
    policy: { pay: pack.pay!, orgName },
    sources,
  };
}

/** A pack version: the one in force at `date`, or the version `effectiveFrom` when named. */
async function packVersion(client: pg.ClientBase, packId: string, date: string, effectiveFrom?: string) {
  if (!effectiveFrom) return packOn(client, packId, date);
  const row = (await listVersionsOf(client, packId)).find((v) => v.effectiveFrom === effectiveFrom);
  const parsed = row && PackSchema.safeParse(row.body);
  if (!parsed?.success) throw new AppError(400, 'VALIDATION', `没有政策包“${packId}”（${effectiveFrom} 版）`);
  return parsed.data;
}

const KIND_NAMES = {
  'street-uplift': '街道干部经济待遇上浮',
  'performance-bonus': '绩效奖金',
  'village-subsidy': '村（社区）干部岗位补贴',
  'reward-pool': '工资奖励池',
} as const;

/** 新建核算: a draft for a unit in scope under the pack version in force at the period's end. */
export async function createRun(ctx: RequestContext, input: CreatePayRun): Promise<PayRun> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  // default: the root of the caller's scope (the district for 组织部's 全部)
  const orgId = input.orgId ?? (await repo.scopeRootOrg(ctx.client)) ?? actor.orgId;
  const org = await repo.orgInScope(ctx.client, orgId);
  if (!org) throw notFound('单位');
  const periodEnd = `${input.period}-12-31`;
  const packId = input.packId ?? (await selectedPackId(ctx.client));
  const pack = await packOn(ctx.client, packId, periodEnd);
  const section = pack.pay?.[PAY_SECTION_KEY[input.kind]];
  if (!pack.pay || !section)
    throw new AppError(
      409,
      'PAY_KIND_NOT_IN_PACK',
      `政策包“${pack.name}”没有“${KIND_NAMES[input.kind]}”的规定`,
      {
        kind: input.kind,
        packId: pack.id,
        effectiveFrom: pack.version.effectiveFrom,
      },
    );
  const { policy, sources } = policyOf(pack, org.name);
  const name = (input.name ?? `${input.period}年度${section.name}（${org.name}）`).slice(0, 100);
  const id = await repo.insertRun(ctx.client, {
    orgId: org.id,
    orgPath: org.path,
    name,
    kind: input.kind,
    period: input.period,
    packId: pack.id,
    packEffectiveFrom: pack.version.effectiveFrom,
    packName: pack.name,
    policy,
    policySources: sources,
    budgetFen: input.budget ?? null,
    createdBy: actor.userId,
  });
  const run = present(await mustFindRun(ctx, id));
  await ctx.audit({
    action: 'pay.run.create',
    objectType: 'pay_run',
    objectId: id,
    after: {
      name,
      kind: run.kind,
      period: run.period,
      orgId: org.id,
      packId: run.packId,
      budgetFen: run.budgetFen,
    },
  });
  return run;
}

export async function listRuns(
  ctx: RequestContext,
  q: { kind?: PayRun['kind']; period?: string; page: number; pageSize: number },
) {
  const page = await repo.listRuns(ctx.client, {
    kind: q.kind,
    period: q.period,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: page.items.map(present), total: page.total };
}

export async function getRun(ctx: RequestContext, id: string): Promise<PayRun> {
  return present(await mustFindRun(ctx, id));
}

/** Compute under the run's own rules from the given inputs (a refusal of the rules → its code, nothing stored). */
export function computeRun(run: RunRecord, inputs: PayInputs): PayResult {
  try {
    return computePay(packOfRun(run), inputs);
  } catch (e) {
    if (e instanceof PayRuleError) throw payRefusal(e);
    throw e;
  }
}

/** 核算: gather and freeze the inputs, compute, store the lines (replacing the last computation's). */
export async function compute(ctx: RequestContext, id: string): Promise<PayRun> {
  const run = await mustFindRun(ctx, id, true);
  if (run.state !== 'draft' && run.state !== 'computed')
    throw stateRefused('该核算已报送或已审批，不能重新计算', run.state);
  const inputs = await gatherInputs(ctx, run);
  const result = computeRun(run, inputs);
  const unitPaths = new Map(inputs.people.map((p) => [p.unitId, p.unitPath]));
  await repo.storeComputation(ctx.client, run, inputs, result, unitPaths, ctx.actor?.userId ?? null);
  const after = present(await mustFindRun(ctx, id));
  await ctx.audit({
    action: 'pay.run.compute',
    objectType: 'pay_run',
    objectId: id,
    before: { state: run.state, totalFen: run.totalFen, lineCount: run.lineCount },
    after: {
      state: after.state,
      totalFen: after.totalFen,
      lineCount: after.lineCount,
      budgetFen: result.budgetFen,
      people: inputs.people.length,
      excluded: result.excluded.length,
    },
  });
  return after;
}

/** The lines the caller may see (row-level security), with the totals over those lines only; audited. */
export async function listLines(
  ctx: RequestContext,
  id: string,
  q: { unitId?: string; q?: string; page: number; pageSize: number },
) {
  await mustFindRun(ctx, id);
  const filter = { unitId: q.unitId, q: q.q?.trim() || undefined };
  const items = await repo.listLines(ctx.client, id, {
    ...filter,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const unitTotals = await repo.visibleUnitTotals(ctx.client, id, filter);
  await ctx.audit({
    action: 'pay.run.lines',
    objectType: 'pay_run',
    objectId: id,
    after: { query: { ...q }, cadreIds: items.map((l) => l.cadreId) },
  });
  return {
    items,
    total: unitTotals.reduce((n, u) => n + u.count, 0),
    visibleTotalFen: unitTotals.reduce((n, u) => n + u.totalFen, 0),
    unitTotals,
  };
}

/** 导出: the lines the caller may see with their explanations, and the per-unit summary; audited. */
export async function exportLines(ctx: RequestContext, id: string) {
  const run = await mustFindRun(ctx, id);
  if (run.state === 'draft') throw stateRefused('尚未核算，没有可导出的明细', run.state);
  const unitTotals = await repo.visibleUnitTotals(ctx.client, id, {});
  const body = await spoolToTempFile((out) =>
    writeLinesWorkbook(present(run), repo.allLines(ctx.client, id), unitTotals, out),
  );
  await ctx.audit({
    action: 'pay.run.export',
    objectType: 'pay_run',
    objectId: id,
    after: { lines: unitTotals.reduce((n, u) => n + u.count, 0) },
  });
  return { name: run.name, body };
}

/**
 * 测算 (what-if): the run's frozen inputs computed under another pack version (and budget), compared with
 * the run's own result. Stores nothing.
 */
export async function whatIf(
  ctx: RequestContext,
  id: string,
  input: { packId: string; effectiveFrom?: string; budget?: number },
): Promise<PayWhatIfResult> {
  const run = await mustFindRun(ctx, id);
  const inputs = run.state === 'draft' ? null : await repo.frozenInputs(ctx.client, id);
  if (!inputs) throw stateRefused('请先核算，再测算其他政策版本', run.state);
  const pack = await packVersion(ctx.client, input.packId, `${run.period}-12-31`, input.effectiveFrom);
  const before = computeRun(run, inputs);
  const otherInputs = { ...inputs, budgetFen: input.budget ?? inputs.budgetFen };
  let after: PayResult;
  try {
    after = computePay(pack, otherInputs);
  } catch (e) {
    if (e instanceof PayRuleError) throw payRefusal(e);
    throw e;
  }
  const cmp = comparePay(before, after);
  await ctx.audit({
    action: 'pay.run.what_if',
    objectType: 'pay_run',
    objectId: id,
    after: {
      packId: pack.id,
      effectiveFrom: pack.version.effectiveFrom,
      budgetFen: otherInputs.budgetFen,
      totals: cmp.totals,
    },
  });
  // the totals and units cover everyone; the lines answer only the largest changes (a page shows the top)
  return {
    pack: { id: pack.id, effectiveFrom: pack.version.effectiveFrom, name: pack.name },
    ...cmp,
    lines: cmp.lines.slice(0, PAY_WHAT_IF_LINES),
    lineCount: cmp.lines.length,
  };
}

/** 标记已发放: an approved run is paid. */
export async function markPaid(ctx: RequestContext, id: string): Promise<PayRun> {
  const run = await mustFindRun(ctx, id, true);
  if (run.state !== 'approved') throw stateRefused('只有审批通过的核算才能标记为已发放', run.state);
  await repo.setState(ctx.client, id, 'paid', { paid: true });
  const after = present(await mustFindRun(ctx, id));
  await ctx.audit({
    action: 'pay.run.paid',
    objectType: 'pay_run',
    objectId: id,
    before: { state: run.state },
    after: { state: after.state },
  });
  return after;
}

/** 我的待遇: the caller's own lines in approved or paid runs. */
export async function myLines(ctx: RequestContext) {
  const cadreId = ctx.actor?.cadreId;
  if (!cadreId) return { items: [] };
  const items = await repo.myLines(ctx.client, cadreId);
  await ctx.audit({
    action: 'pay.mine',
    objectType: 'cadre',
    objectId: cadreId,
    after: { runIds: items.map((l) => l.runId) },
  });
  return { items };
}
