import {
  disclosureOf,
  GradeOverrideInputSchema,
  IdParamSchema,
  shownMinimum,
  toFractionString,
  WaiverInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { attachment, spoolToTempFile, XLSX_TYPE } from '../../platform/spool.ts';
import { checkOverrides, evaluate, overridesOf } from './compute.ts';
import { writeResultsWorkbook, type ResultSheetRow } from './results-workbook.ts';
import { findRound, markScoresDisclosed, mayManage, roundToManage, type RoundRow } from './rounds.ts';
import {
  explainedResult,
  publishedResult,
  withheldContributionOf,
  type StoredResult,
} from './stored-results.ts';
import type { ExportTarget } from './ballot-export.ts';

interface ResultRow {
  id: string;
  name: string;
  post: string;
  unit_id: string;
  parent_unit_id: string | null;
  unit_name: string;
  result: StoredResult | null;
  proposed_grade: string | null;
  final_grade: string | null;
  override_reason: string | null;
}

async function readableRound(
  ctx: RequestContext,
  id: string,
): Promise<{ round: RoundRow; organiser: boolean }> {
  const round = await findRound(ctx.client, id);
  const organiser = mayManage(ctx, round);
  if (!organiser && round.state !== 'published') throw forbidden('结果尚未公布');
  if (round.state !== 'computed' && round.state !== 'published')
    throw new AppError(409, 'ROUND_STATE', '本轮考核尚未计算结果');
  return { round, organiser };
}

const GRADE_NAME = (round: RoundRow, code: string | null) =>
  code ? (round.rules.gradeScale.grades.find((g) => g.code === code)?.name ?? code) : null;

/** 考核结果: figures with explanations; the committee's review (waivers, grade changes); the ballot export. */
export async function resultRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];

  r.get(
    '/api/assessment/rounds/:id/results',
    {
      config: { permission: 'assessment.read' },
      schema: { tags, summary: '考核结果（含每个数字的计算说明）', params: IdParamSchema },
    },
    async (req) => {
      const { round, organiser } = await readableRound(req.ctx, req.params.id);
      return {
        round: { id: round.id, name: round.name, state: round.state, schemeName: round.rules.scheme.name },
        organiser,
        grades: round.rules.gradeScale.grades,
        raterGroups: round.rules.scheme.raterGroups.map((g) => ({
          id: g.id,
          name: g.name,
          weight: g.weight,
        })),
        minGroupSizeShown: shownMinimum(round.rules.minGroupSizeShown),
        quotaRule: round.rules.quotaRule,
        summary: organiser ? await summaryOf(req.ctx, round.id) : null,
        targets: await targetResults(req.ctx, round),
      };
    },
  );

  r.get(
    '/api/assessment/rounds/:id/results.xlsx',
    {
      config: { permission: 'assessment.read' },
      schema: { tags, summary: '导出考核结果（Excel）', params: IdParamSchema },
    },
    async (req, reply) => {
      const { round } = await readableRound(req.ctx, req.params.id);
      const rows: ResultSheetRow[] = (await targetResults(req.ctx, round)).map((t) => ({
        ...t,
        total: t.total?.value ?? null,
        groups: t.explanation?.tally.groups ?? [],
      }));
      const body = await spoolToTempFile((out) => writeResultsWorkbook(round.name, round.rules, rows, out));
      await req.ctx.audit({
        action: 'assessment.results.export',
        objectType: 'assessment_round',
        objectId: round.id,
      });
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`${round.name}-考核结果.xlsx`));
      return body;
    },
  );

  r.post(
    '/api/assessment/rounds/:id/waivers',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags,
        summary: '评议人数不足豁免（须说明理由）',
        params: IdParamSchema,
        body: WaiverInputSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      const round = await roundToManage(req.ctx, req.params.id);
      if (round.state !== 'closed' && round.state !== 'computed')
        throw new AppError(409, 'ROUND_STATE', '评议结束后、公布前才能豁免');
      if (!round.rules.scheme.raterGroups.some((g) => g.id === req.body.groupId))
        throw new AppError(400, 'VALIDATION', '没有这个评议组');
      const res = await req.ctx.client.query(
        `INSERT INTO assessment_waivers (round_id, target_id, group_id, reason, decided_by)
         SELECT $1, t.id, $3, $4, $5 FROM assessment_targets t WHERE t.id = $2 AND t.round_id = $1
         ON CONFLICT (target_id, group_id) DO UPDATE SET reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by`,
        [round.id, req.body.targetId, req.body.groupId, req.body.reason, req.ctx.actor?.userId],
      );
      if (!res.rowCount) throw notFound('考核对象');
      await req.ctx.audit({
        action: 'assessment.waiver',
        objectType: 'assessment_round',
        objectId: round.id,
        after: req.body,
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/assessment/rounds/:id/grades',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags,
        summary: '考核委员会调整等次（须说明理由，不得超出名额）',
        params: IdParamSchema,
        body: GradeOverrideInputSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      const round = await roundToManage(req.ctx, req.params.id);
      if (round.state !== 'computed')
        throw new AppError(409, 'ROUND_STATE', '计算结果后、公布前才能调整等次');
      if (req.body.reason.length < 2) throw new AppError(400, 'REASON_REQUIRED', '调整等次必须填写理由');
      const ev = await evaluate(req.ctx, round);
      const others = (await overridesOf(req.ctx, round.id)).filter((o) => o.targetId !== req.body.targetId);
      const override = {
        targetId: req.body.targetId,
        grade: req.body.grade as (typeof others)[number]['grade'],
        reason: req.body.reason,
        exceptionApproved: req.body.exceptionApproved ?? false,
        approvalRef: req.body.approvalRef || undefined,
      };
      const checked = checkOverrides(round, ev, [...others, override]);
      await req.ctx.client.query(
        `INSERT INTO assessment_overrides (round_id, target_id, grade, reason, exception_approved, approval_ref, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (target_id) DO UPDATE SET grade = EXCLUDED.grade, reason = EXCLUDED.reason,
           exception_approved = EXCLUDED.exception_approved, approval_ref = EXCLUDED.approval_ref,
           decided_by = EXCLUDED.decided_by, decided_at = now()`,
        [
          round.id,
          override.targetId,
          override.grade,
          override.reason,
          override.exceptionApproved,
          override.approvalRef ?? '',
          req.ctx.actor?.userId,
        ],
      );
      const final = checked.grades.find((g) => g.targetId === override.targetId);
      await req.ctx.client.query(
        `UPDATE assessment_targets SET final_grade = $2, override_reason = $3 WHERE id = $1 AND round_id = $4`,
        [override.targetId, final?.grade ?? override.grade, override.reason, round.id],
      );
      await req.ctx.audit({
        action: 'assessment.grade.override',
        objectType: 'assessment_round',
        objectId: round.id,
        before: { targetId: override.targetId, grade: final?.proposed ?? null },
        after: { targetId: override.targetId, grade: override.grade, reason: override.reason },
      });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/assessment/rounds/:id/ballots.json',
    {
      config: { permission: 'assessment.manage' },
      schema: { tags, summary: '导出匿名选票（可据此复核计票）', params: IdParamSchema },
    },
    async (req, reply) => {
      const round = await findRound(req.ctx.client, req.params.id);
      if (!mayManage(req.ctx, round)) throw forbidden('只有组织本轮考核的单位可以导出选票');
      if (round.state === 'draft' || round.state === 'open')
        throw new AppError(409, 'ROUND_STATE', '评议结束后才能导出选票');
      const { targets, withheldTargets, withheldGroups } = await exportTargets(req.ctx, round);
      // each ballot with its scores for the targets whose group is shown; what is withheld for a target
      // is there as counts and one combined contribution (`exportTargets`). By random id, not insert order.
      const { rows: ballots } = await req.ctx.client.query(
        `SELECT b.id, b.group_id AS "groupId", b.cast_on::text AS day,
                json_agg(json_build_object('targetId', s.target_id, 'points', s.points) ORDER BY s.target_id) AS scores
           FROM ballots b JOIN ballot_scores s ON s.ballot_id = b.id
           LEFT JOIN unnest($2::uuid[], $3::text[]) AS w(target_id, group_id)
             ON w.target_id = s.target_id AND w.group_id = s.group_id
          WHERE b.round_id = $1 AND w.target_id IS NULL GROUP BY b.id ORDER BY b.id`,
        [round.id, withheldTargets, withheldGroups],
      );
      const { rows: waivers } = await req.ctx.client.query(
        `SELECT target_id AS "targetId", group_id AS "groupId", reason FROM assessment_waivers WHERE round_id = $1`,
        [round.id],
      );
      await markScoresDisclosed(req.ctx, round.id);
      await req.ctx.audit({
        action: 'assessment.ballots.export',
        objectType: 'assessment_round',
        objectId: round.id,
      });
      void reply.header('content-disposition', `attachment; filename="ballots-${round.id}.json"`);
      return {
        round: { id: round.id, name: round.name, periodEnd: round.period_end, rules: round.rules },
        targets,
        waivers,
        ballots,
      };
    },
  );
}

/**
 * The targets of the ballot export and what it withholds for each (SECURITY 31): the ballots of a group
 * below the minimum, or of its complementary partner (`disclosureOf`, from the ballot counts), are not
 * exported for that target — a slip rates every target of its unit, so the same ballot still shows its
 * scores for the targets where its group is shown. For the withheld groups the export gives their counts
 * and, once the results are computed, their combined contribution: the published total minus the shown
 * part, which the published figures already imply. The recount then checks every published figure.
 */
async function exportTargets(ctx: RequestContext, round: RoundRow) {
  const { rows } = await ctx.client.query<{
    id: string;
    unit_id: string;
    parent_unit_id: string | null;
    name: string;
    result: StoredResult | null;
    counts: Record<string, number> | null;
  }>(
    `SELECT t.id, t.unit_id, t.parent_unit_id, t.name, t.result,
            (SELECT jsonb_object_agg(c.group_id, c.n) FROM (
               SELECT s.group_id, count(*)::int AS n FROM ballot_scores s
                WHERE s.round_id = t.round_id AND s.target_id = t.id GROUP BY s.group_id) c) AS counts
       FROM assessment_targets t WHERE t.round_id = $1 ORDER BY t.sort_order, t.id`,
    [round.id],
  );
  const { scheme, minGroupSizeShown } = round.rules;
  // stored results are the published ones only once computed (a closed round has none yet)
  const current = round.state === 'computed' || round.state === 'published';
  const withheldTargets: string[] = [];
  const withheldGroups: string[] = [];
  const targets = rows.map((t): ExportTarget => {
    const counts = t.counts ?? {};
    const disclosure = disclosureOf(scheme.raterGroups, counts, minGroupSizeShown);
    const item: ExportTarget = { id: t.id, unitId: t.unit_id, parentUnitId: t.parent_unit_id, name: t.name };
    const hidden = Object.entries(disclosure.withheld);
    if (hidden.length === 0) return item;
    for (const [groupId] of hidden) {
      withheldTargets.push(t.id);
      withheldGroups.push(groupId);
    }
    const result = current ? explainedResult(scheme, t) : null;
    const contribution =
      result && !disclosure.totalWithheld ? withheldContributionOf(result, disclosure) : null;
    item.withheld = {
      groups: hidden.map(([groupId, reason]) => ({ groupId, ballotCount: counts[groupId] ?? 0, reason })),
      contribution: contribution ? toFractionString(contribution) : null,
    };
    return item;
  });
  return { targets, withheldTargets, withheldGroups };
}

/** Every target of the round the reader may see (row-level security), with its stored figures. */
async function targetResults(ctx: RequestContext, round: RoundRow) {
  const { rows } = await ctx.client.query<ResultRow>(
    `SELECT t.id, t.name, t.post, t.unit_id, t.parent_unit_id, coalesce(o.name, '') AS unit_name, t.result,
            t.proposed_grade, t.final_grade, t.override_reason
       FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id
      WHERE t.round_id = $1 ORDER BY t.sort_order, t.name`,
    [round.id],
  );
  return rows.map((row) => resultItem(round, row, explainedResult(round.rules.scheme, row)));
}

function resultItem(round: RoundRow, t: ResultRow, stored: ReturnType<typeof explainedResult>) {
  // what anyone may see: small groups and what would give them away withheld (SECURITY 22, 31)
  const result = stored ? publishedResult(round.rules.scheme, round.rules.minGroupSizeShown, stored) : null;
  return {
    id: t.id,
    name: t.name,
    post: t.post,
    unitName: t.unit_name,
    status: result?.tally.status ?? null,
    total: result?.tally.total ?? null,
    totalWithheld: result?.tally.totalWithheld ?? false,
    rank: result?.rank ?? null,
    proposedGrade: t.proposed_grade,
    proposedGradeName: GRADE_NAME(round, t.proposed_grade),
    finalGrade: t.final_grade,
    finalGradeName: GRADE_NAME(round, t.final_grade),
    overrideReason: t.override_reason,
    explanation: result,
  };
}

async function summaryOf(ctx: RequestContext, roundId: string): Promise<unknown> {
  const { rows } = await ctx.client.query<{ summary: unknown }>(
    `SELECT summary FROM assessment_rounds WHERE id = $1`,
    [roundId],
  );
  return rows[0]?.summary ?? null;
}
