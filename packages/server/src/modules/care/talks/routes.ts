import {
  IdParamSchema,
  TalkContentSchema,
  TalkInputSchema,
  TalkLeaderInputSchema,
  TalkLeaderListSchema,
  TalkLeaderSchema,
  TalkLeaderUpdateSchema,
  TalkListQuerySchema,
  TalkListSchema,
  TalksRecordedSchema,
  TalkPlanQuerySchema,
  TalkPlanSchema,
  TalkRequestAnswerSchema,
  TalkRequestInputSchema,
  TalkRequestLeaderListSchema,
  TalkRequestListSchema,
  TalkRequestSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as requests from './requests.ts';
import * as service from './service.ts';

/** 谈心谈话与双向约谈 (R-CARE-4/5): each handler is one call into the service. */
export async function talkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];

  r.get(
    '/api/care/talk-leaders',
    {
      config: { permission: 'talk.read' },
      schema: { tags, summary: '谈话领导及其挂钩单位', response: { 200: TalkLeaderListSchema } },
    },
    async (req) => ({ items: await service.listLeaders(req.ctx) }),
  );

  r.post(
    '/api/care/talk-leaders',
    {
      config: { permission: 'care.manage' },
      schema: {
        tags,
        summary: '登记谈话领导（区委主要负责人或挂钩区领导）及挂钩单位',
        body: TalkLeaderInputSchema,
        response: { 200: TalkLeaderSchema },
      },
    },
    async (req) => service.createLeader(req.ctx, req.body),
  );

  r.patch(
    '/api/care/talk-leaders/:id',
    {
      config: { permission: 'care.manage' },
      schema: {
        tags,
        summary: '修改谈话领导、挂钩单位或离任',
        params: IdParamSchema,
        body: TalkLeaderUpdateSchema,
        response: { 200: TalkLeaderSchema },
      },
    },
    async (req) => service.updateLeader(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/care/talk-plan',
    {
      config: { permission: 'talk.read' },
      schema: {
        tags,
        summary: '年度谈心谈话计划（按政策包计算的谈话对，含已谈次数）',
        querystring: TalkPlanQuerySchema,
        response: { 200: TalkPlanSchema },
      },
    },
    async (req) => service.talkPlan(req.ctx, req.query),
  );

  r.get(
    '/api/care/talks',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '谈话记录（时间、谈话人、谈话对象；内容另行授权查看）',
        querystring: TalkListQuerySchema,
        response: { 200: TalkListSchema },
      },
    },
    async (req) => service.listTalks(req.ctx, req.query),
  );

  r.post(
    '/api/care/talks',
    {
      config: { permission: 'talk.write' },
      schema: {
        tags,
        summary: '登记谈话',
        body: TalkInputSchema,
        response: { 200: TalksRecordedSchema },
      },
    },
    async (req) => ({ items: await service.recordTalks(req.ctx, req.body) }),
  );

  r.get(
    '/api/care/talks/:id/content',
    {
      config: { permission: 'talk.read' },
      schema: {
        tags,
        summary: '谈话内容（仅谈话领导本人和组织部可见）',
        params: IdParamSchema,
        response: { 200: TalkContentSchema },
      },
    },
    async (req) => service.talkContent(req.ctx, req.params.id),
  );

  r.get(
    '/api/care/talk-requests/leaders',
    {
      config: { permission: 'care.mine' },
      schema: { tags, summary: '可申请约谈的领导', response: { 200: TalkRequestLeaderListSchema } },
    },
    async (req) => requests.requestableLeaders(req.ctx),
  );

  r.get(
    '/api/care/talk-requests/mine',
    {
      config: { permission: 'care.mine' },
      schema: { tags, summary: '我的约谈申请', response: { 200: TalkRequestListSchema } },
    },
    async (req) => ({ items: await requests.myRequests(req.ctx) }),
  );

  r.post(
    '/api/care/talk-requests',
    {
      config: { permission: 'care.mine' },
      schema: {
        tags,
        summary: '申请约谈领导（双向约谈）',
        body: TalkRequestInputSchema,
        response: { 200: TalkRequestSchema },
      },
    },
    async (req) => requests.requestTalk(req.ctx, req.body),
  );

  r.get(
    '/api/care/talk-requests',
    {
      config: { permission: 'talk.read' },
      schema: {
        tags,
        summary: '约谈申请（领导本人收到的；组织部：范围内全部）',
        response: { 200: TalkRequestListSchema },
      },
    },
    async (req) => ({ items: await requests.listRequests(req.ctx) }),
  );

  r.post(
    '/api/care/talk-requests/:id/answer',
    {
      config: { permission: 'talk.write' },
      schema: {
        tags,
        summary: '领导答复约谈申请（安排时间或回复）',
        params: IdParamSchema,
        body: TalkRequestAnswerSchema,
        response: { 200: TalkRequestSchema },
      },
    },
    async (req) => requests.answerRequest(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/care/talk-requests/:id/withdraw',
    {
      config: { permission: 'care.mine' },
      schema: {
        tags,
        summary: '撤回本人的约谈申请',
        params: IdParamSchema,
        response: { 200: TalkRequestSchema },
      },
    },
    async (req) => requests.withdrawRequest(req.ctx, req.params.id),
  );
}
