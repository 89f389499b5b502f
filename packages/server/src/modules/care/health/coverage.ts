import type { CareCoverage, CareCoverageQuery } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';

/** The `health` part's answer to GET /api/care/coverage (issue 15); filled in by the part that owns it. */
export async function healthCoverage(
  _ctx: RequestContext,
  _q: Omit<CareCoverageQuery, 'kind'>,
): Promise<CareCoverage> {
  throw new AppError(400, 'VALIDATION', '该类覆盖情况尚未提供');
}
