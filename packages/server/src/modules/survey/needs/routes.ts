import type { FastifyInstance } from 'fastify';

/** The survey module's `needs/` routes (issue 16): the needs survey (精准激励); filled in by the part that owns them. */
export async function needsRoutes(_app: FastifyInstance) {}
