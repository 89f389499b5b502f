import {
  AfterPolicyViewSchema,
  ExchangeBatchCreateSchema,
  ExchangeBatchResultSchema,
  ExchangeEndSchema,
  ExchangeListQuerySchema,
  ExchangeListSchema,
  ExchangeSchema,
  IdParamSchema,
  PostReviewCreateSchema,
  PostReviewListQuerySchema,
  PostReviewListSchema,
  PostReviewOutcomeInputSchema,
  PostReviewSchema,
  PostReviewStartSchema,
  UnfitMeasureCloseSchema,
  UnfitMeasureCreateSchema,
  UnfitMeasureListQuerySchema,
  UnfitMeasureListSchema,
  UnfitMeasureRecordSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 任后评估, 不胜任干部, 交流挂职 (R-SEL-3, R-SEL-6): each handler is one call into the service. */
export async function afterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection'];
  const read = { permission: 'selection.read' } as const;
  const manage = { permission: 'selection.manage' } as const;

  r.get(
    '/api/selection/after/policy',
    {
      config: read,
      schema: {
        tags,
        summary: '政策包中的任后评估、不胜任干部措施与交流挂职规定',
        response: { 200: AfterPolicyViewSchema },
      },
    },
    async (req) => service.getPolicy(req.ctx),
  );

  r.get(
    '/api/selection/post-reviews',
    {
      config: read,
      schema: {
        tags,
        summary: '任后评估（数据范围内，即将到期 / 逾期 / 已完成）',
        querystring: PostReviewListQuerySchema,
        response: { 200: PostReviewListSchema },
      },
    },
    async (req) => service.listPostReviews(req.ctx, req.query),
  );

  r.post(
    '/api/selection/post-reviews',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记任后评估（其他途径任职的干部）',
        body: PostReviewCreateSchema,
        response: { 200: PostReviewSchema },
      },
    },
    async (req) => service.createPostReview(req.ctx, req.body),
  );

  r.post(
    '/api/selection/post-reviews/:id/start',
    {
      config: manage,
      schema: {
        tags,
        summary: '开始任后评估（按政策包的任职后评估方案建立考核轮次，或关联已有轮次）',
        params: IdParamSchema,
        body: PostReviewStartSchema,
        response: { 200: PostReviewSchema },
      },
    },
    async (req) => service.startPostReview(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/selection/post-reviews/:id/outcome',
    {
      config: manage,
      schema: {
        tags,
        summary: '记录任后评估结论（不胜任时确定调整措施）',
        params: IdParamSchema,
        body: PostReviewOutcomeInputSchema,
        response: { 200: PostReviewSchema },
      },
    },
    async (req) => service.decidePostReview(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/selection/unfit-measures',
    {
      config: read,
      schema: {
        tags,
        summary: '不胜任干部调整措施（数据范围内）',
        querystring: UnfitMeasureListQuerySchema,
        response: { 200: UnfitMeasureListSchema },
      },
    },
    async (req) => service.listMeasures(req.ctx, req.query),
  );

  r.post(
    '/api/selection/unfit-measures',
    {
      config: manage,
      schema: {
        tags,
        summary: '确定不胜任干部调整措施',
        body: UnfitMeasureCreateSchema,
        response: { 200: UnfitMeasureRecordSchema },
      },
    },
    async (req) => service.createMeasure(req.ctx, req.body),
  );

  r.post(
    '/api/selection/unfit-measures/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: '记录调整措施结果',
        params: IdParamSchema,
        body: UnfitMeasureCloseSchema,
        response: { 200: UnfitMeasureRecordSchema },
      },
    },
    async (req) => service.closeMeasure(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/selection/exchanges',
    {
      config: read,
      schema: {
        tags,
        summary: '交流挂职（派出单位与接收单位均可见）',
        querystring: ExchangeListQuerySchema,
        response: { 200: ExchangeListSchema },
      },
    },
    async (req) => service.listExchanges(req.ctx, req.query),
  );

  r.post(
    '/api/selection/exchanges',
    {
      config: manage,
      schema: {
        tags,
        summary: '批量派出交流挂职干部（交流：干部档案转入接收单位）',
        body: ExchangeBatchCreateSchema,
        response: { 200: ExchangeBatchResultSchema },
      },
    },
    async (req) => service.createBatch(req.ctx, app.cipher, req.body),
  );

  r.post(
    '/api/selection/exchanges/:id/end',
    {
      config: manage,
      schema: {
        tags,
        summary: '结束交流挂职并记录结果',
        params: IdParamSchema,
        body: ExchangeEndSchema,
        response: { 200: ExchangeSchema },
      },
    },
    async (req) => service.endExchange(req.ctx, req.params.id, req.body),
  );
}
