import type { FastifyInstance } from 'fastify';

/** The burden module's `staffing/` routes (issue 16): 借调 (borrowing) and 专编专用 (establishment); filled in by the part that owns them. */
export async function staffingRoutes(_app: FastifyInstance) {}
