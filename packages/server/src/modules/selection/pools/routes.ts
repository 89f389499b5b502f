import type { FastifyInstance } from 'fastify';

/** The selection module's `pools/` routes (issue 14); filled in by the part that owns them. */
export async function poolRoutes(_app: FastifyInstance) {}
