import type { FastifyInstance } from 'fastify';

/** The training module's `stations/` routes (issue 15); filled in by the part that owns them. */
export async function stationRoutes(_app: FastifyInstance) {}
