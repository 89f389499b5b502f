import type { FastifyInstance } from 'fastify';

/** The burden module's `registers/` routes (issue 16): meetings, documents, inspections and overtime registers, the summary; filled in by the part that owns them. */
export async function registerRoutes(_app: FastifyInstance) {}
