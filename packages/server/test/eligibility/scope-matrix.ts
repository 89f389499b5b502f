import type { ModuleMatrix } from '../scope-matrix.ts';

/** The eligibility module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/cadres/:id/eligibility': {
    requests: (fx) => [
      { id: fx.foreign.cadreId, query: { purpose: 'promotion', date: '2026-11-02' } },
      { id: fx.foreign.cadreId, query: { purpose: 'excellent', date: '2026-12-31' } },
    ],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/eligibility/all': {
    requests: (fx) => [{ id: fx.foreign.cadreId }],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/warnings': { requests: (fx) => [{ id: fx.foreign.cadreId }], targetsForeign: true },
};
