import type { ModuleMatrix } from '../scope-matrix.ts';

/** The org module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/orgs': { requests: () => [{}], targetsForeign: false },
  'GET /api/orgs/:id': {
    requests: (fx) => [{ id: fx.foreign.orgId }, { id: fx.foreign.villageId }],
    targetsForeign: true,
  },
  'POST /api/orgs': {
    requests: (fx) => [
      { payload: { parentId: fx.foreign.orgId, code: 'X99', name: '越权社区', kind: 'community' } },
    ],
    targetsForeign: true,
  },
  'PATCH /api/orgs/:id': {
    requests: (fx) => [
      { id: fx.foreign.villageId, payload: { name: '越权改名' } },
      { id: fx.foreign.orgId, payload: { difficulty: '9.99' } },
    ],
    targetsForeign: true,
  },
  'POST /api/orgs/:id/move': {
    requests: (fx) => [
      { id: fx.foreign.villageId, payload: { parentId: fx.own.orgId } },
      { id: fx.own.villageId, payload: { parentId: fx.foreign.orgId } },
    ],
    targetsForeign: true,
  },
  'POST /api/orgs/:id/deactivate': { requests: (fx) => [{ id: fx.foreign.villageId }], targetsForeign: true },
  'POST /api/orgs/:id/activate': { requests: (fx) => [{ id: fx.foreign.villageId }], targetsForeign: true },
};
