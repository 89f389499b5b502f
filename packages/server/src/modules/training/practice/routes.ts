import type { FastifyInstance } from 'fastify';

/** The training module's `practice/` routes (issue 15); filled in by the part that owns them. */
export async function practiceRoutes(_app: FastifyInstance) {}
