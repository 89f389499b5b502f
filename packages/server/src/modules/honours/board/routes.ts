import {
  HonourBoardPhotoFileResponse,
  HonourBoardQuerySchema,
  HonourBoardSchema,
  IdParamSchema,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as service from './service.ts';

/** 英雄榜 (R-HON-2): every business user of the district (honour.board). */
export async function boardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['honours'];
  const board = { permission: 'honour.board' } as const;

  r.get(
    '/api/honours/board',
    {
      config: board,
      schema: {
        tags,
        summary: '英雄榜：本年度全区受表彰干部及先进事迹',
        querystring: HonourBoardQuerySchema,
        response: { 200: HonourBoardSchema },
      },
    },
    async (req) => service.board(req.ctx, req.query.year),
  );

  r.get(
    '/api/honours/board/:id/photo',
    {
      config: board,
      schema: {
        tags,
        summary: '英雄榜照片（推荐时选用登记照片的）',
        params: IdParamSchema,
        response: { 200: HonourBoardPhotoFileResponse },
      },
    },
    async (req, reply) => {
      const p = await service.photo(req.ctx, req.params.id);
      void reply.header('content-type', p.mime).header('cache-control', 'private, no-store');
      return p.bytes;
    },
  );
}
