import {
  IdParamSchema,
  RoundCreateInputSchema,
  RoundListSchema,
  RoundSchema,
  RoundTargetListSchema,
  RoundTransitionInputSchema,
  TargetReportInputSchema,
  TokenIssueInputSchema,
  TokenIssueResultSchema,
  TokenRevokeInputSchema,
  TurnoutSchema,
} from '@ganbu/core';
import type { RoundTarget } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, forbidden } from '../../platform/errors.ts';
import { settleBallots } from './ballot-box.ts';
import { computeRound, publishRound } from './compute.ts';
import { reportTarget } from './report-file-routes.ts';
import { fileInfo, reportFilesOf } from './report-files.ts';
import {
  checkReopen,
  createRound,
  findRound,
  listRounds,
  mayManage,
  nextState,
  roundToManage,
  setState,
  toRound,
} from './rounds.ts';
import { assignNamedRaters, issueTokens, myBallots, revokeToken, turnout } from './tokens.ts';

/** 考核轮次: create, targets and 述职, slips, turnout, the state machine. */
export async function roundRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];
  const read = { permission: 'assessment.read' as const };
  const manage = { permission: 'assessment.manage' as const };

  r.get(
    '/api/assessment/rounds',
    { config: read, schema: { tags, summary: '考核轮次列表', response: { 200: RoundListSchema } } },
    async (req) => ({ items: (await listRounds(req.ctx.client)).map((row) => toRound(req.ctx, row)) }),
  );

  r.post(
    '/api/assessment/rounds',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建考核轮次（方案、期间、考核对象）',
        body: RoundCreateInputSchema,
        response: { 200: RoundSchema },
      },
    },
    async (req) => {
      const id = await createRound(req.ctx, req.body);
      return toRound(req.ctx, await findRound(req.ctx.client, id));
    },
  );

  r.get(
    '/api/assessment/rounds/:id',
    {
      config: read,
      schema: { tags, summary: '考核轮次', params: IdParamSchema, response: { 200: RoundSchema } },
    },
    async (req) => toRound(req.ctx, await findRound(req.ctx.client, req.params.id)),
  );

  r.get(
    '/api/assessment/rounds/:id/targets',
    {
      config: read,
      schema: {
        tags,
        summary: '考核对象与述职报告（本人范围内）',
        params: IdParamSchema,
        response: { 200: RoundTargetListSchema },
      },
    },
    async (req) => {
      await findRound(req.ctx.client, req.params.id);
      const { rows } = await req.ctx.client.query<Omit<RoundTarget, 'reportFile'>>(
        `SELECT t.id, t.cadre_id AS "cadreId", t.unit_id AS "unitId", coalesce(o.name, '') AS "unitName", t.name,
                t.post, t.report
           FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id
          WHERE t.round_id = $1 ORDER BY t.sort_order, t.name`,
        [req.params.id],
      );
      const files = await reportFilesOf(req.ctx.client, req.params.id);
      return { items: rows.map((t) => ({ ...t, reportFile: fileInfo(files.get(t.id)) })) };
    },
  );

  r.put(
    '/api/assessment/rounds/:id/targets/:targetId/report',
    {
      config: read,
      schema: {
        tags,
        summary: '提交述职报告（本人、本单位或组织方）',
        params: z.strictObject({ id: z.string().uuid(), targetId: z.string().uuid() }),
        body: TargetReportInputSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await reportTarget(req.ctx, req.params.id, req.params.targetId);
      await req.ctx.client.query(`UPDATE assessment_targets SET report = $2 WHERE id = $1`, [
        req.params.targetId,
        req.body.report,
      ]);
      await req.ctx.audit({
        action: 'assessment.report.submit',
        objectType: 'assessment_round',
        objectId: req.params.id,
        after: { targetId: req.params.targetId, length: req.body.report.length },
      });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/assessment/rounds/:id/tokens',
    {
      config: manage,
      schema: {
        tags,
        summary: '发放评议票（票码仅返回一次，用于打印）',
        params: IdParamSchema,
        body: TokenIssueInputSchema,
        response: { 200: TokenIssueResultSchema },
      },
    },
    async (req) => issueTokens(req.ctx, app.cipher, await roundToManage(req.ctx, req.params.id), req.body),
  );

  r.post(
    '/api/assessment/rounds/:id/raters',
    {
      config: manage,
      schema: {
        tags,
        summary: '指定实名评议人（每人一张评议票，经本人账号领取；选票仍不记录账号）',
        params: IdParamSchema,
        body: z.strictObject({
          groupId: z.string().max(63),
          userIds: z.array(z.string().uuid()).min(1).max(500),
          unitId: z.string().uuid().optional(),
        }),
        response: { 200: z.object({ assigned: z.number().int() }) },
      },
    },
    async (req) =>
      assignNamedRaters(req.ctx, app.cipher, await roundToManage(req.ctx, req.params.id), req.body),
  );

  r.get(
    '/api/assessment/my-ballots',
    {
      config: read,
      schema: {
        tags,
        summary: '我的评议任务（实名评议）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                roundId: z.string().uuid(),
                roundName: z.string(),
                roundState: z.string(),
                groupId: z.string(),
                groupName: z.string(),
                used: z.boolean(),
                code: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => myBallots(req.ctx, app.cipher),
  );

  r.post(
    '/api/assessment/rounds/:id/tokens/revoke',
    {
      config: manage,
      schema: {
        tags,
        summary: '作废未使用的评议票',
        params: IdParamSchema,
        body: TokenRevokeInputSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await revokeToken(req.ctx, app.cipher, await roundToManage(req.ctx, req.params.id), req.body.code);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/assessment/rounds/:id/turnout',
    {
      config: manage,
      schema: {
        tags,
        summary: '各评议组发票与投票情况',
        params: IdParamSchema,
        response: { 200: TurnoutSchema },
      },
    },
    async (req) => {
      const round = await findRound(req.ctx.client, req.params.id);
      if (!mayManage(req.ctx, round)) throw forbidden('只有组织本轮考核的单位可以查看投票进度');
      return turnout(req.ctx, round);
    },
  );

  r.post(
    '/api/assessment/rounds/:id/transition',
    {
      config: manage,
      schema: {
        tags,
        summary: '轮次流转：开始、结束、延长、计算、公布',
        params: IdParamSchema,
        body: RoundTransitionInputSchema,
        response: { 200: RoundSchema },
      },
    },
    async (req) => {
      const round = await roundToManage(req.ctx, req.params.id);
      const action = req.body.action;
      const to = nextState(round.state, action);
      if (action === 'open' && round.target_count === 0)
        throw new AppError(409, 'ROUND_STATE', '没有考核对象，不能开始评议');
      if (action === 'reopen') checkReopen(round);
      if (action === 'compute') await computeRound(req.ctx, round);
      if (action === 'publish') await publishRound(req.ctx, round);
      // closing settles the ballot box; the close's audit row carries the count (no ballot is audited alone)
      const ballots = action === 'close' ? await settleBallots(req.ctx, round.id) : undefined;
      await setState(req.ctx, round, to, action, ballots === undefined ? undefined : { ballots });
      return toRound(req.ctx, await findRound(req.ctx.client, round.id));
    },
  );
}
