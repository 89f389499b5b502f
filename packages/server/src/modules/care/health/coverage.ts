import type { CareCoverage, CareCoverageQuery } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import * as service from './service.ts';

/** The `health` part's answer to GET /api/care/coverage (issue 15): due checks and those done, per unit. */
export async function healthCoverage(
  ctx: RequestContext,
  q: Omit<CareCoverageQuery, 'kind'>,
): Promise<CareCoverage> {
  return service.healthCoverage(ctx, q);
}
