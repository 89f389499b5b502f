import {
  IdParamSchema,
  PairingCreateInputSchema,
  PairingListQuerySchema,
  PairingListSchema,
  PairingNoteInputSchema,
  PairingNoteListSchema,
  PairingReviewInputSchema,
  PairingReviewListSchema,
  PairingSchema,
  PairingUpdateInputSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 结对帮扶: each handler is one call into the service. */
export async function pairingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pairing'];

  r.get(
    '/api/pairings',
    {
      config: { permission: 'pairing.read' },
      schema: {
        tags,
        summary: '结对帮扶列表（数据范围内）',
        querystring: PairingListQuerySchema,
        response: { 200: PairingListSchema },
      },
    },
    async (req) => service.listPairings(req.ctx, req.query),
  );

  r.post(
    '/api/pairings',
    {
      config: { permission: 'pairing.write' },
      schema: { tags, summary: '新增结对', body: PairingCreateInputSchema, response: { 200: PairingSchema } },
    },
    async (req) => service.createPairing(req.ctx, req.body),
  );

  r.patch(
    '/api/pairings/:id',
    {
      config: { permission: 'pairing.write' },
      schema: {
        tags,
        summary: '修改帮扶重点或结束结对',
        params: IdParamSchema,
        body: PairingUpdateInputSchema,
        response: { 200: PairingSchema },
      },
    },
    async (req) => service.updatePairing(req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/pairings/:id/notes',
    {
      config: { permission: 'pairing.read' },
      schema: { tags, summary: '帮扶记录', params: IdParamSchema, response: { 200: PairingNoteListSchema } },
    },
    async (req) => ({ items: await service.listNotes(req.ctx, req.params.id) }),
  );

  r.post(
    '/api/pairings/:id/notes',
    {
      config: { permission: 'pairing.write' },
      schema: {
        tags,
        summary: '新增帮扶记录',
        params: IdParamSchema,
        body: PairingNoteInputSchema,
        response: { 200: PairingNoteListSchema },
      },
    },
    async (req) => ({ items: await service.addNote(req.ctx, req.params.id, req.body) }),
  );

  r.get(
    '/api/pairings/:id/reviews',
    {
      config: { permission: 'pairing.read' },
      schema: {
        tags,
        summary: '结对帮扶年度评议',
        params: IdParamSchema,
        response: { 200: PairingReviewListSchema },
      },
    },
    async (req) => ({ items: await service.listReviews(req.ctx, req.params.id) }),
  );

  r.post(
    '/api/pairings/:id/reviews',
    {
      config: { permission: 'pairing.write' },
      schema: {
        tags,
        summary: '登记年度评议（继续或结束结对）',
        params: IdParamSchema,
        body: PairingReviewInputSchema,
        response: { 200: PairingSchema },
      },
    },
    async (req) => service.addReview(req.ctx, req.params.id, req.body),
  );
}
