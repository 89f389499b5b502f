import type { FastifyInstance } from 'fastify';

/** The dashboard module's `overview/` routes (issue 16): the dashboards per level; filled in by the part that owns them. */
export async function dashboardRoutes(_app: FastifyInstance) {}
