import type { CareCoverage, CareCoverageQuery } from '@ganbu/core';
import type { RequestContext } from '../../../platform/context.ts';
import { talkCoverageOf } from './service.ts';

/**
 * The `talks` part's answer to GET /api/care/coverage?kind=talk (issue 15): per direct child unit of the
 * unit asked (default the top of the caller's scope), talks planned by the pack's talk plan (each pair of
 * leader and talkee × its times a year) and talks held in the year, by the talkee's unit.
 */
export async function talkCoverage(
  ctx: RequestContext,
  q: Omit<CareCoverageQuery, 'kind'>,
): Promise<CareCoverage> {
  return talkCoverageOf(ctx, q);
}
