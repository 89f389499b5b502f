import { IdParamSchema, PackDetailSchema, PackListSchema } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getPack, listPacks } from './packs.ts';

/** 政策包: read the district's packs (every version). */
export async function packRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['packs'];
  r.get(
    '/api/packs',
    {
      config: { permission: 'assessment.read' },
      schema: { tags, summary: '政策包列表（各版本）', response: { 200: PackListSchema } },
    },
    async (req) => ({ items: await listPacks(req.ctx.client) }),
  );
  r.get(
    '/api/packs/:id',
    {
      config: { permission: 'assessment.read' },
      schema: { tags, summary: '政策包内容', params: IdParamSchema, response: { 200: PackDetailSchema } },
    },
    async (req) => getPack(req.ctx.client, req.params.id),
  );
}
