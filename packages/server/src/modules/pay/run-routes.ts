import type { FastifyInstance } from 'fastify';

/** Pay runs, lines, export, what-if, 我的待遇. (skeleton: the runs helper fills it) */
export async function payRunRoutes(_app: FastifyInstance) {}
