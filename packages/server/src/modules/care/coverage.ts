import {
  CareCoverageQuerySchema,
  CareCoverageSchema,
  type CareCoverage,
  type CareCoverageQuery,
} from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RequestContext } from '../../platform/context.ts';
import { healthCoverage } from './health/coverage.ts';
import { leaveCoverage } from './leave/coverage.ts';
import { talkCoverage } from './talks/coverage.ts';

/** One kind's coverage in the caller's scope (each part answers for its own kind). */
export type CoverageOf = (ctx: RequestContext, q: Omit<CareCoverageQuery, 'kind'>) => Promise<CareCoverage>;

const BY_KIND: Record<CareCoverageQuery['kind'], CoverageOf> = {
  health: healthCoverage,
  talk: talkCoverage,
  leave: leaveCoverage,
};

/** `GET /api/care/coverage?year=&kind=health|talk|leave[&orgId=]`: per unit, planned and done (R-CARE-1/2/4). */
export async function coverageRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/care/coverage',
    {
      config: { permission: 'care.read' },
      schema: {
        tags: ['care'],
        summary: '关心关爱覆盖情况（体检、谈心谈话、年休假）：每个下级单位的应完成数与已完成数',
        querystring: CareCoverageQuerySchema,
        response: { 200: CareCoverageSchema },
      },
    },
    async (req) => BY_KIND[req.query.kind](req.ctx, { year: req.query.year, orgId: req.query.orgId }),
  );
}
