import type { FastifyInstance } from 'fastify';

/** The care module's `aid/` routes (issue 15); filled in by the part that owns them. */
export async function aidRoutes(_app: FastifyInstance) {}
