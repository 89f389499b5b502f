import type { ModuleMatrix } from '../scope-matrix.ts';

/** The audit module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/audit': {
    requests: (fx) => [{}, { query: { actor: fx.foreign.username } }],
    targetsForeign: false,
  },
  'GET /api/audit/export.xlsx': { requests: () => [{}], targetsForeign: false },
  'GET /api/audit/verify': { requests: () => [{}], targetsForeign: false },
};
