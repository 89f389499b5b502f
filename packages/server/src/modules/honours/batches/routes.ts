import type { FastifyInstance } from 'fastify';

/** The honours module's `batches/` routes (issue 15); filled in by the part that owns them. */
export async function batchRoutes(_app: FastifyInstance) {}
