import type { ModuleMatrix } from '../scope-matrix.ts';

/** The users module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/users': { requests: (fx) => [{}, { query: { q: fx.foreign.username } }], targetsForeign: false },
  'POST /api/users': {
    requests: (fx) => [
      {
        payload: {
          username: 'intruder',
          displayName: '越权',
          orgId: fx.foreign.orgId,
          scopeMode: 'unit',
          initialPassword: 'Init#2026z',
        },
      },
    ],
    targetsForeign: true,
  },
  'PATCH /api/users/:id': {
    requests: (fx) => [
      { id: fx.foreign.userId, payload: { displayName: '越权' } },
      { id: fx.foreign.userId, payload: { active: false } },
    ],
    targetsForeign: true,
  },
  'POST /api/users/:id/roles': {
    requests: (fx) => [
      { id: fx.foreign.userId, payload: { roles: ['orgdept'], scopeMode: 'all' } },
      // moving the foreign account into one's own unit
      { id: fx.foreign.userId, payload: { roles: ['unit_admin'], scopeMode: 'unit', orgId: fx.own.orgId } },
    ],
    targetsForeign: true,
  },
  'POST /api/users/:id/reset-password': {
    requests: (fx) => [{ id: fx.foreign.userId, payload: { initialPassword: 'Reset#2026x' } }],
    targetsForeign: true,
  },
  'POST /api/users/:id/unlock': { requests: (fx) => [{ id: fx.foreign.userId }], targetsForeign: true },
};
