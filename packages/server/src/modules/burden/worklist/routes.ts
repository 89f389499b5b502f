import type { FastifyInstance } from 'fastify';

/** The burden module's `worklist/` routes (issue 16): 村(社区)工作事务清单 (the work list); filled in by the part that owns them. */
export async function workListRoutes(_app: FastifyInstance) {}
