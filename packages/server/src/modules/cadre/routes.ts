import { CadreListItemSchema, CadreListQuerySchema, CadreListSchema, IdParamSchema } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../platform/errors.ts';
import * as repo from './repository.ts';

export async function cadreRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cadre'];
  r.get(
    '/api/cadres',
    {
      config: { permission: 'cadre.read' },
      schema: {
        tags,
        summary: '干部名册',
        querystring: CadreListQuerySchema,
        response: { 200: CadreListSchema },
      },
    },
    async (req) => repo.listCadres(req.ctx.client, req.query),
  );
  r.get(
    '/api/cadres/:id',
    {
      config: { permission: 'cadre.read' },
      schema: { tags, summary: '干部信息', params: IdParamSchema, response: { 200: CadreListItemSchema } },
    },
    async (req) => {
      const cadre = await repo.findCadre(req.ctx.client, req.params.id);
      if (!cadre) throw notFound('干部');
      return cadre;
    },
  );
}
