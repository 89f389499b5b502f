import type { FastifyInstance } from 'fastify';

/** The honours module's `board/` routes (issue 15); filled in by the part that owns them. */
export async function boardRoutes(_app: FastifyInstance) {}
