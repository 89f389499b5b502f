import { HealthSchema } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: '健康检查',
        response: { 200: HealthSchema },
      },
    },
    async (req) => {
      await req.ctx.client.query('SELECT 1');
      return { status: 'ok' as const };
    },
  );
}
