import type { FastifyInstance } from 'fastify';

/** The selection module's `process/` routes (issue 14); filled in by the part that owns them. */
export async function processRoutes(_app: FastifyInstance) {}
