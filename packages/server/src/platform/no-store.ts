import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Answers of the API carry personal data (records, results, the audit log): no browser or proxy keeps
 * them. Every /api answer is `Cache-Control: no-store` unless its route sets `cacheable: true` or a
 * header of its own (a photo's `private, no-store`).
 */
export const noStore = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (req, reply, payload) => {
    if (
      req.url.startsWith('/api') &&
      !reply.hasHeader('cache-control') &&
      !req.routeOptions.config?.cacheable
    )
      void reply.header('cache-control', 'no-store');
    return payload;
  });
});
