import type { FastifyInstance } from 'fastify';

/** The care module's `health/` routes (issue 15); filled in by the part that owns them. */
export async function healthRoutes(_app: FastifyInstance) {}
