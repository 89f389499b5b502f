import { DASHBOARD_LEVELS, type DashboardLevel, type Role } from '@ganbu/core';
import type { DashboardParams } from './api.ts';

/**
 * The levels a reader may switch between: 组织部 the district and any unit of it, a leader their overview and
 * a unit, a unit administrator their unit. The server decides what each level counts within the reader's scope.
 */
export function levelsFor(roles: readonly Role[]): DashboardLevel[] {
  const has = (r: Role) => roles.includes(r);
  return DASHBOARD_LEVELS.filter((level) => {
    if (level === 'district') return has('orgdept');
    if (level === 'leader') return has('leader');
    return has('orgdept') || has('leader') || has('unit_admin');
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?level=&orgId=&year=` from the address bar (a malformed value is dropped: the server's default applies). */
export function paramsOfSearch(search: URLSearchParams, levels: readonly DashboardLevel[]): DashboardParams {
  const level = search.get('level') ?? '';
  const orgId = search.get('orgId') ?? '';
  const year = Number(search.get('year') ?? '');
  return {
    level: (levels as readonly string[]).includes(level) ? (level as DashboardLevel) : undefined,
    orgId: UUID.test(orgId) ? orgId : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
  };
}

export function searchOfParams(p: DashboardParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.level) out.level = p.level;
  if (p.orgId) out.orgId = p.orgId;
  if (p.year) out.year = String(p.year);
  return out;
}
