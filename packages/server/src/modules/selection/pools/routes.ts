import {
  PoolCadreParamsSchema,
  PoolDueReviewListSchema,
  PoolDueReviewsQuerySchema,
  PoolEntryCheckAnswerSchema,
  PoolEntryCheckQuerySchema,
  PoolHistorySchema,
  PoolLeaveSchema,
  PoolMemberParamsSchema,
  PoolMemberPatchSchema,
  PoolMemberSchema,
  PoolNominateSchema,
  PoolOverviewSchema,
  PoolQuerySchema,
  PoolReserveQuerySchema,
  PoolReviewParamsSchema,
  PoolReviewResultSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 人才库 (后备干部 / 年轻干部库): each handler is one call into the service. */
export async function poolRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection'];
  const read = { permission: 'pool.read' as const };
  const manage = { permission: 'pool.manage' as const };

  r.get(
    '/api/pools/reserve',
    {
      config: read,
      schema: {
        tags,
        summary: '单位下的后备干部（按政策包层级、逐单位名额情况与成员）',
        querystring: PoolReserveQuerySchema,
        response: { 200: PoolOverviewSchema },
      },
    },
    async (req) => service.overview(req.ctx, { kind: 'reserve', orgId: req.query.orgId }),
  );

  r.get(
    '/api/pools',
    {
      config: read,
      schema: {
        tags,
        summary: '人才库（后备干部、年轻干部库；可按类别、层级、单位）',
        querystring: PoolQuerySchema,
        response: { 200: PoolOverviewSchema },
      },
    },
    async (req) => service.overview(req.ctx, req.query),
  );

  r.get(
    '/api/pools/entry-check',
    {
      config: read,
      schema: {
        tags,
        summary: '入库资格预审（条件、计入单位与名额，不保存）',
        querystring: PoolEntryCheckQuerySchema,
        response: { 200: PoolEntryCheckAnswerSchema },
      },
    },
    async (req) => service.entryCheck(req.ctx, req.query),
  );

  r.post(
    '/api/pools/members',
    {
      config: manage,
      schema: {
        tags,
        summary: '推荐入库（核对条件与名额，安排定期考核）',
        body: PoolNominateSchema,
        response: { 200: PoolMemberSchema },
      },
    },
    async (req) => service.nominate(req.ctx, req.body),
  );

  r.post(
    '/api/pools/members/:id/leave',
    {
      config: manage,
      schema: {
        tags,
        summary: '出库（动态调整，须写明原因）',
        params: PoolMemberParamsSchema,
        body: PoolLeaveSchema,
        response: { 200: PoolMemberSchema },
      },
    },
    async (req) => service.leave(req.ctx, req.params.id, req.body),
  );

  r.patch(
    '/api/pools/members/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '推荐为“两委”候选人 / 备注',
        params: PoolMemberParamsSchema,
        body: PoolMemberPatchSchema,
        response: { 200: PoolMemberSchema },
      },
    },
    async (req) => service.patch(req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/pools/members/:id/reviews/:reviewId',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记定期考核结果（不再保留的出库）',
        params: PoolReviewParamsSchema,
        body: PoolReviewResultSchema,
        response: { 200: PoolMemberSchema },
      },
    },
    async (req) => service.recordReview(req.ctx, req.params.id, req.params.reviewId, req.body),
  );

  r.get(
    '/api/pools/reviews',
    {
      config: read,
      schema: {
        tags,
        summary: '到期的人才库考核（含逾期）',
        querystring: PoolDueReviewsQuerySchema,
        response: { 200: PoolDueReviewListSchema },
      },
    },
    async (req) => service.dueReviews(req.ctx, req.query),
  );

  r.get(
    '/api/pools/cadres/:cadreId',
    {
      config: read,
      schema: {
        tags,
        summary: '干部的人才库经历（在库与已出库）',
        params: PoolCadreParamsSchema,
        response: { 200: PoolHistorySchema },
      },
    },
    async (req) => service.history(req.ctx, req.params.cadreId),
  );
}
