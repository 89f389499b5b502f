import {
  AssessmentOkSchema,
  IdParamSchema,
  MyBallotListSchema,
  NamedRatersInputSchema,
  NamedRatersResultSchema,
  RoundCreateInputSchema,
  RoundListSchema,
  RoundSchema,
  RoundTargetListSchema,
  RoundTargetParamsSchema,
  RoundTransitionInputSchema,
  TargetReportInputSchema,
  TokenIssueInputSchema,
  TokenIssueResultSchema,
  TokenRevokeInputSchema,
  TurnoutSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addRound, getRound, listRounds } from './service/rounds.ts';
import { listTargets, submitReport } from './service/targets.ts';
import { assignNamedRaters, issueTokens, myBallots, revokeToken, turnout } from './service/tokens.ts';
import { transitionRound } from './service/transition.ts';

/** 考核轮次: create, targets and 述职, slips, turnout, the state machine. */
export async function roundRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];
  const read = { permission: 'assessment.read' as const };
  const manage = { permission: 'assessment.manage' as const };

  r.get(
    '/api/assessment/rounds',
    { config: read, schema: { tags, summary: '考核轮次列表', response: { 200: RoundListSchema } } },
    async (req) => listRounds(req.ctx),
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
    async (req) => addRound(req.ctx, req.body),
  );

  r.get(
    '/api/assessment/rounds/:id',
    {
      config: read,
      schema: { tags, summary: '考核轮次', params: IdParamSchema, response: { 200: RoundSchema } },
    },
    async (req) => getRound(req.ctx, req.params.id),
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
    async (req) => listTargets(req.ctx, req.params.id),
  );

  r.put(
    '/api/assessment/rounds/:id/targets/:targetId/report',
    {
      config: read,
      schema: {
        tags,
        summary: '提交述职报告（本人、本单位或组织方）',
        params: RoundTargetParamsSchema,
        body: TargetReportInputSchema,
        response: { 200: AssessmentOkSchema },
      },
    },
    async (req) => submitReport(req.ctx, req.params.id, req.params.targetId, req.body.report),
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
    async (req) => issueTokens(req.ctx, app.cipher, req.params.id, req.body),
  );

  r.post(
    '/api/assessment/rounds/:id/raters',
    {
      config: manage,
      schema: {
        tags,
        summary: '指定实名评议人（每人一张评议票，经本人账号领取；选票仍不记录账号）',
        params: IdParamSchema,
        body: NamedRatersInputSchema,
        response: { 200: NamedRatersResultSchema },
      },
    },
    async (req) => assignNamedRaters(req.ctx, app.cipher, req.params.id, req.body),
  );

  r.get(
    '/api/assessment/my-ballots',
    {
      config: read,
      schema: { tags, summary: '我的评议任务（实名评议）', response: { 200: MyBallotListSchema } },
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
        response: { 200: AssessmentOkSchema },
      },
    },
    async (req) => revokeToken(req.ctx, app.cipher, req.params.id, req.body.code),
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
    async (req) => turnout(req.ctx, req.params.id),
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
    async (req) => transitionRound(req.ctx, req.params.id, req.body.action),
  );
}
