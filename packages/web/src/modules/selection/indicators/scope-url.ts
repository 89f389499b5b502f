import type { IndicatorPart } from '@ganbu/core';
import type { IndicatorScope } from './api.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?orgId=&asOf=` from the address bar (a malformed value is dropped: the server's default applies). */
export function scopeOfSearch(search: URLSearchParams): IndicatorScope {
  const orgId = search.get('orgId') ?? '';
  const asOf = search.get('asOf') ?? '';
  return {
    orgId: UUID.test(orgId) ? orgId : undefined,
    asOf: DATE.test(asOf) ? asOf : undefined,
  };
}

export function searchOfScope(scope: IndicatorScope): Record<string, string> {
  const out: Record<string, string> = {};
  if (scope.orgId) out.orgId = scope.orgId;
  if (scope.asOf) out.asOf = scope.asOf;
  return out;
}

/** The breakdown page of one indicator for a unit and a day. */
export function indicatorPath(id: string, scope: IndicatorScope): string {
  const q = new URLSearchParams(searchOfScope(scope)).toString();
  return `/selection/indicators/${encodeURIComponent(id)}${q ? `?${q}` : ''}`;
}

/** The roster filtered to exactly the people an indicator's part counts under a unit on a day. */
export function rosterPath(id: string, part: IndicatorPart, orgId: string, asOf: string): string {
  const q = new URLSearchParams({ indicator: id, indicatorPart: part, indicatorAsOf: asOf, orgId });
  return `/cadres?${q.toString()}`;
}
