import type { FastifyInstance } from 'fastify';

/** The care module's `talks/` routes (issue 15); filled in by the part that owns them. */
export async function talkRoutes(_app: FastifyInstance) {}
