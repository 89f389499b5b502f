import type { FastifyInstance } from 'fastify';

/** The training module's `programmes/` routes (issue 15); filled in by the part that owns them. */
export async function programmeRoutes(_app: FastifyInstance) {}
