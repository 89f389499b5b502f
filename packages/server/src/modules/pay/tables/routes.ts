import type { FastifyInstance } from 'fastify';

/** The district's pay tables and statistics (skeleton: the tables helper fills it). */
export async function payTableRoutes(_app: FastifyInstance) {}
