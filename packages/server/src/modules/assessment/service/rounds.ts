import {
  can,
  orgVisible,
  type Round,
  type RoundAction,
  type RoundCreateInput,
  type RoundState,
} from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import * as repo from '../repository/rounds.ts';
import type { RoundRecord, RoundRules } from '../repository/rounds.ts';
import { packOn, selectedPackId } from './packs.ts';

export type { RoundRecord, RoundRules } from '../repository/rounds.ts';

/** May the actor run this round: the permission, and the organising unit inside the actor's scope. */
export function mayManage(ctx: RequestContext, round: Pick<RoundRecord, 'orgPath'>): boolean {
  const actor = ctx.actor;
  if (!actor || !can(actor.roles, 'assessment.manage')) return false;
  // 仅本人 never organises; otherwise the same rule as the row-level security of org rows
  return (
    actor.scopeMode !== 'self' &&
    orgVisible({ mode: actor.scopeMode, orgPath: actor.orgPath, cadreId: actor.cadreId }, round.orgPath)
  );
}

/** A round as the API gives it, with whether this reader may run it. */
export function presentRound(ctx: RequestContext, r: RoundRecord): Round {
  return {
    id: r.id,
    name: r.name,
    orgId: r.orgId,
    orgName: r.orgName,
    packId: r.packId,
    packEffectiveFrom: r.packEffectiveFrom,
    schemeId: r.schemeId,
    schemeName: r.rules.scheme.name,
    kind: r.rules.scheme.kind,
    targetKind: r.rules.scheme.targetKind,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    state: r.state,
    targetCount: r.targetCount,
    rules: r.rules,
    scoresDisclosed: r.scoresDisclosed,
    manageable: mayManage(ctx, r),
    createdAt: r.createdAt.toISOString(),
  };
}

/** The round, visible to the reader (404 otherwise); `lock` takes its row lock. */
export async function findRound(client: pg.ClientBase, id: string, lock = false): Promise<RoundRecord> {
  const round = await repo.selectRound(client, id, lock);
  if (!round) throw notFound('考核轮次');
  return round;
}

/** The round, for an action that changes it: visible, and run by this actor. */
export async function roundToManage(ctx: RequestContext, id: string): Promise<RoundRecord> {
  const round = await findRound(ctx.client, id, true);
  if (!mayManage(ctx, round)) throw forbidden('只有组织本轮考核的单位可以操作');
  return round;
}

/** 考核轮次列表: the rounds in the reader's scope. */
export async function listRounds(ctx: RequestContext): Promise<{ items: Round[] }> {
  return { items: (await repo.listRounds(ctx.client)).map((r) => presentRound(ctx, r)) };
}

export async function getRound(ctx: RequestContext, id: string): Promise<Round> {
  return presentRound(ctx, await findRound(ctx.client, id));
}

export function rulesFromPack(pack: Awaited<ReturnType<typeof packOn>>, schemeId: string): RoundRules {
  const scheme = pack.assessment.schemes.find((s) => s.id === schemeId);
  if (!scheme) throw new AppError(400, 'VALIDATION', `政策包“${pack.name}”中没有考核方案“${schemeId}”`);
  const gradeScale = pack.assessment.gradeScales.find((g) => g.id === scheme.gradeScaleId);
  if (!gradeScale) throw new AppError(500, 'PACK_INVALID', '考核方案引用的等次不存在');
  const quotaRule = pack.assessment.quotaRules.find((q) => q.id === scheme.quotaRuleId) ?? null;
  return {
    packName: pack.name,
    scheme,
    gradeScale,
    quotaRule,
    minGroupSizeShown: pack.assessment.minGroupSizeShown,
  };
}

/** Create a round in 'draft' with its targets: the scheme as in force on the period's last day. */
export async function createRound(ctx: RequestContext, input: RoundCreateInput): Promise<string> {
  const client = ctx.client;
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  if (input.periodEnd < input.periodStart)
    throw new AppError(400, 'VALIDATION', '考核期间的结束日期早于开始日期');
  const packId = input.packId ?? (await selectedPackId(client));
  const pack = await packOn(client, packId, input.periodEnd);
  const rules = rulesFromPack(pack, input.schemeId);
  const org = await repo.selectOrganiser(client, input.orgId ?? actor.orgId);
  if (!org) throw notFound('组织单位');
  if (!mayManage(ctx, { orgPath: org.path })) throw forbidden('只能在本单位及下级范围内组织考核');
  const roundId = await repo.insertRound(client, {
    orgId: org.id,
    orgPath: org.path,
    name: input.name,
    packId: pack.id,
    packEffectiveFrom: pack.version.effectiveFrom,
    schemeId: rules.scheme.id,
    rules,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    createdBy: actor.userId,
  });
  const unitIds = input.population.unitIds ?? [];
  const cadreIds = input.population.cadreIds ?? [];
  // targets: inside the organiser's subtree and the actor's scope (row-level security filters the rest)
  const inserted =
    rules.scheme.targetKind === 'unit'
      ? await repo.insertUnitTargets(client, roundId, unitIds, org.path)
      : await repo.insertCadreTargets(client, roundId, cadreIds, unitIds, org.path);
  const expected = rules.scheme.targetKind === 'unit' ? unitIds.length : cadreIds.length;
  if (inserted < expected)
    throw new AppError(400, 'VALIDATION', '部分考核对象不存在、已停用或不在组织单位的范围内');
  if (!inserted) throw new AppError(400, 'VALIDATION', '请选择考核对象');
  await ctx.audit({
    action: 'assessment.round.create',
    objectType: 'assessment_round',
    objectId: roundId,
    after: {
      name: input.name,
      packId: pack.id,
      version: pack.version.effectiveFrom,
      scheme: rules.scheme.id,
    },
  });
  return roundId;
}

/** 新建考核轮次: the round as created. */
export async function addRound(ctx: RequestContext, input: RoundCreateInput): Promise<Round> {
  const id = await createRound(ctx, input);
  return presentRound(ctx, await findRound(ctx.client, id));
}

/** The state machine: which action moves which state where (延长评议 = reopen a closed round). */
const TRANSITIONS: Record<RoundAction, { from: RoundState[]; to: RoundState }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed', 'computed'], to: 'open' },
  compute: { from: ['closed', 'computed'], to: 'computed' },
  publish: { from: ['computed'], to: 'published' },
};

export function nextState(state: RoundState, action: RoundAction): RoundState {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state))
    throw new AppError(
      409,
      'ROUND_STATE',
      `当前状态（${STATE_NAMES[state]}）不能执行“${ACTION_NAMES[action]}”`,
      {
        state,
        action,
      },
    );
  return t.to;
}

export const STATE_NAMES: Record<RoundState, string> = {
  draft: '未开始',
  open: '评议中',
  closed: '评议结束',
  computed: '已计算（待审定）',
  published: '已公布',
};
const ACTION_NAMES: Record<RoundAction, string> = {
  open: '开始评议',
  close: '结束评议',
  reopen: '延长评议',
  compute: '计算结果',
  publish: '公布结果',
};

/**
 * Scores are leaving the database (a compute, the ballot export): from now on the round cannot be reopened,
 * so no later result can be compared with this one to isolate the ballots cast in between (SECURITY 31).
 */
export async function markScoresDisclosed(ctx: RequestContext, roundId: string): Promise<void> {
  await repo.markScoresDisclosed(ctx.client, roundId);
}

/** 延长评议 only while no score has left the database: two results over a reopen give the new ballots. */
export function checkReopen(round: RoundRecord): void {
  if (round.scoresDisclosed)
    throw new AppError(
      409,
      'SCORES_DISCLOSED',
      '本轮已计算过结果或导出过选票，不能再延长评议：前后两次结果相减会暴露新增的个别选票。评议人数不足的对象请经批准豁免。',
    );
}

export async function setState(
  ctx: RequestContext,
  round: RoundRecord,
  to: RoundState,
  action: RoundAction,
  figures?: Record<string, number>,
) {
  await repo.updateRoundState(ctx.client, round.id, to, ctx.now);
  await ctx.audit({
    action: `assessment.round.${action}`,
    objectType: 'assessment_round',
    objectId: round.id,
    before: { state: round.state },
    after: { state: to, ...figures },
  });
}
