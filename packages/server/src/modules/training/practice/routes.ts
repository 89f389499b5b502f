import {
  IdParamSchema,
  PracticeCreateInputSchema,
  PracticeListQuerySchema,
  PracticeListSchema,
  PracticePolicySchema,
  PracticePostingSchema,
  PracticeUpdateInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 实战历练 (R-TRN-4): each handler is one call into the service. */
export async function practiceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['training'];

  r.get(
    '/api/training/practice/policy',
    {
      config: { permission: 'training.read' },
      schema: { tags, summary: '实战历练类别与站点规定（政策包）', response: { 200: PracticePolicySchema } },
    },
    async (req) => service.getPolicy(req.ctx),
  );

  r.get(
    '/api/training/practice',
    {
      config: { permission: 'training.read' },
      schema: {
        tags,
        summary: '实战历练列表（数据范围内）',
        querystring: PracticeListQuerySchema,
        response: { 200: PracticeListSchema },
      },
    },
    async (req) => service.listPostings(req.ctx, req.query),
  );

  r.post(
    '/api/training/practice',
    {
      config: { permission: 'practice.manage' },
      schema: {
        tags,
        summary: '选派实战历练',
        body: PracticeCreateInputSchema,
        response: { 200: PracticePostingSchema },
      },
    },
    async (req) => service.createPosting(req.ctx, req.body),
  );

  r.patch(
    '/api/training/practice/:id',
    {
      config: { permission: 'practice.manage' },
      schema: {
        tags,
        summary: '修改历练岗位、结束日期或登记历练成效',
        params: IdParamSchema,
        body: PracticeUpdateInputSchema,
        response: { 200: PracticePostingSchema },
      },
    },
    async (req) => service.updatePosting(req.ctx, req.params.id, req.body),
  );
}
