import type { FastifyInstance } from 'fastify';

/** The selection module's `after/` routes (issue 14); filled in by the part that owns them. */
export async function afterRoutes(_app: FastifyInstance) {}
