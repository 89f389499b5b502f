import type { FastifyInstance } from 'fastify';

/** The selection module's `indicators/` routes (issue 14); filled in by the part that owns them. */
export async function indicatorRoutes(_app: FastifyInstance) {}
