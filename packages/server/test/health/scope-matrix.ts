import type { ModuleMatrix } from '../scope-matrix.ts';

/** The health module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/health': { requests: () => [{}], targetsForeign: false },
};
