import type { FastifyInstance } from 'fastify';

/** The care module's `leave/` routes (issue 15); filled in by the part that owns them. */
export async function leaveRoutes(_app: FastifyInstance) {}
