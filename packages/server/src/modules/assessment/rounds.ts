import {
  can,
  orgVisible,
  type GradeScale,
  type QuotaRule,
  type Round,
  type RoundAction,
  type RoundCreateInput,
  type RoundState,
  type Scheme,
} from '@ganbu/core';
import type pg from 'pg';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { packOn, selectedPackId } from './packs.ts';

/** What a round computes with, copied from the pack version in force when the round was created. */
export interface RoundRules {
  packName: string;
  scheme: Scheme;
  gradeScale: GradeScale;
  quotaRule: QuotaRule | null;
  minGroupSizeShown: number;
}

export interface RoundRow {
  id: string;
  name: string;
  org_id: string;
  org_path: string;
  org_name: string;
  pack_id: string;
  pack_effective_from: string;
  scheme_id: string;
  rules: RoundRules;
  period_start: string;
  period_end: string;
  state: RoundState;
  /** a compute or the ballot export has let scores out: reopening would let them be differenced */
  scores_disclosed: boolean;
  target_count: number;
  created_at: Date;
}

const SELECT = `SELECT r.id, r.name, r.org_id, r.org_path::text, coalesce(o.name, '') AS org_name, r.pack_id,
    to_char(r.pack_effective_from, 'YYYY-MM-DD') AS pack_effective_from, r.scheme_id, r.rules,
    to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.period_end, 'YYYY-MM-DD') AS period_end,
    r.state, r.scores_disclosed, (SELECT count(*)::int FROM assessment_targets t WHERE t.round_id = r.id) AS target_count, r.created_at
  FROM assessment_rounds r LEFT JOIN orgs o ON o.id = r.org_id`;

/** May the actor run this round: the permission, and the organising unit inside the actor's scope. */
export function mayManage(ctx: RequestContext, row: Pick<RoundRow, 'org_path'>): boolean {
  const actor = ctx.actor;
  if (!actor || !can(actor.roles, 'assessment.manage')) return false;
  // 仅本人 never organises; otherwise the same rule as the row-level security of org rows
  return (
    actor.scopeMode !== 'self' &&
    orgVisible({ mode: actor.scopeMode, orgPath: actor.orgPath, cadreId: actor.cadreId }, row.org_path)
  );
}

export function toRound(ctx: RequestContext, r: RoundRow): Round {
  return {
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    packId: r.pack_id,
    packEffectiveFrom: r.pack_effective_from,
    schemeId: r.scheme_id,
    schemeName: r.rules.scheme.name,
    kind: r.rules.scheme.kind,
    targetKind: r.rules.scheme.targetKind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    state: r.state,
    targetCount: r.target_count,
    rules: r.rules,
    scoresDisclosed: r.scores_disclosed,
    manageable: mayManage(ctx, r),
    createdAt: r.created_at.toISOString(),
  };
}

export async function listRounds(client: pg.ClientBase): Promise<RoundRow[]> {
  const { rows } = await client.query<RoundRow>(
    `${SELECT} ORDER BY r.period_end DESC, r.created_at DESC LIMIT 500`,
  );
  return rows;
}

export async function findRound(client: pg.ClientBase, id: string, lock = false): Promise<RoundRow> {
  const { rows } = await client.query<RoundRow>(
    `${SELECT} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound('考核轮次');
  return rows[0];
}

/** The round, for an action that changes it: visible, and run by this actor. */
export async function roundToManage(ctx: RequestContext, id: string): Promise<RoundRow> {
  const row = await findRound(ctx.client, id, true);
  if (!mayManage(ctx, row)) throw forbidden('只有组织本轮考核的单位可以操作');
  return row;
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
  const { rows: orgs } = await client.query<{ id: string; path: string }>(
    `SELECT id, path::text FROM orgs WHERE id = $1`,
    [input.orgId ?? actor.orgId],
  );
  const org = orgs[0];
  if (!org) throw notFound('组织单位');
  if (!mayManage(ctx, { org_path: org.path })) throw forbidden('只能在本单位及下级范围内组织考核');
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
       period_start, period_end, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      org.id,
      org.path,
      input.name,
      pack.id,
      pack.version.effectiveFrom,
      rules.scheme.id,
      JSON.stringify(rules),
      input.periodStart,
      input.periodEnd,
      actor.userId,
    ],
  );
  const roundId = rows[0]!.id;
  const unitIds = input.population.unitIds ?? [];
  const cadreIds = input.population.cadreIds ?? [];
  // targets: inside the organiser's subtree and the actor's scope (row-level security filters the rest)
  const inserted =
    rules.scheme.targetKind === 'unit'
      ? await client.query(
          `INSERT INTO assessment_targets (round_id, unit_id, unit_path, parent_unit_id, name, sort_order)
           SELECT $1, o.id, o.path, o.parent_id, o.name, row_number() OVER (ORDER BY o.path)
             FROM orgs o WHERE o.id = ANY($2::uuid[]) AND o.active AND o.path <@ $3::ltree`,
          [roundId, unitIds, org.path],
        )
      : await client.query(
          `INSERT INTO assessment_targets (round_id, cadre_id, unit_id, unit_path, parent_unit_id, name, post, sort_order)
           SELECT $1, c.id, c.org_id, c.org_path, o.parent_id, c.name, c.post_title,
                  row_number() OVER (ORDER BY c.org_path, c.name, c.id)
             FROM cadres c JOIN orgs o ON o.id = c.org_id
            WHERE c.deactivated_at IS NULL AND c.org_path <@ $3::ltree
              AND (c.id = ANY($2::uuid[])
                   OR c.org_path <@ ANY (SELECT path FROM orgs WHERE id = ANY($4::uuid[])))`,
          [roundId, cadreIds, org.path, unitIds],
        );
  const expected = rules.scheme.targetKind === 'unit' ? unitIds.length : cadreIds.length;
  if ((inserted.rowCount ?? 0) < expected)
    throw new AppError(400, 'VALIDATION', '部分考核对象不存在、已停用或不在组织单位的范围内');
  if (!inserted.rowCount) throw new AppError(400, 'VALIDATION', '请选择考核对象');
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
  await ctx.client.query(
    `UPDATE assessment_rounds SET scores_disclosed = true WHERE id = $1 AND NOT scores_disclosed`,
    [roundId],
  );
}

/** 延长评议 only while no score has left the database: two results over a reopen give the new ballots. */
export function checkReopen(row: RoundRow): void {
  if (row.scores_disclosed)
    throw new AppError(
      409,
      'SCORES_DISCLOSED',
      '本轮已计算过结果或导出过选票，不能再延长评议：前后两次结果相减会暴露新增的个别选票。评议人数不足的对象请经批准豁免。',
    );
}

export async function setState(
  ctx: RequestContext,
  row: RoundRow,
  to: RoundState,
  action: RoundAction,
  figures?: Record<string, number>,
) {
  await ctx.client.query(`UPDATE assessment_rounds SET state = $2, updated_at = $3 WHERE id = $1`, [
    row.id,
    to,
    ctx.now,
  ]);
  // a unit's published result is public to signed-in users (migration 0007); a cadre's stays in scope.
  // Only rows whose flag changes: a round of 100,000 targets is not rewritten on every transition.
  await ctx.client.query(
    `UPDATE assessment_targets SET published = $2 WHERE round_id = $1 AND published IS DISTINCT FROM $2`,
    [row.id, to === 'published'],
  );
  await ctx.audit({
    action: `assessment.round.${action}`,
    objectType: 'assessment_round',
    objectId: row.id,
    before: { state: row.state },
    after: { state: to, ...figures },
  });
}
