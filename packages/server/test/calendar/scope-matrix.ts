import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The calendar module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). Its
 * overrides are district-wide (no street owns them): writes target no foreign unit, and only 组织部 may
 * make them — the orgdept actor adds one override and deletes it again; the others are refused
 * (test/calendar/calendar.test.ts checks the 403 of a street administrator).
 */
export const matrix: ModuleMatrix = {
  'GET /api/calendar/working-days': {
    requests: () => [{ query: { from: '2026-09-28', n: '5' } }],
    targetsForeign: false,
  },
  'GET /api/calendar/year/:year': { requests: () => [{ params: { year: '2026' } }], targetsForeign: false },
  'GET /api/calendar/overrides': { requests: () => [{}], targetsForeign: false },
  'POST /api/calendar/overrides': {
    requests: () => [{ payload: { date: '2026-11-20', kind: 'holiday', note: '路由矩阵' } }],
    targetsForeign: false,
  },
  'DELETE /api/calendar/overrides/:day': {
    requests: () => [{ params: { day: '2026-11-20' } }],
    targetsForeign: false,
  },
};
