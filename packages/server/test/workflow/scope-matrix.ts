import type { ModuleMatrix } from '../scope-matrix.ts';

/** The workflow module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  // the caller's own inbox: nothing of the foreign street's case may show
  'GET /api/inbox': { requests: () => [{}], targetsForeign: false },
  'GET /api/inbox/count': { requests: () => [{}], targetsForeign: false },
  'GET /api/cases/:id': { requests: (fx) => [{ id: fx.foreign.caseId }], targetsForeign: true },
  'POST /api/cases/:id/actions': {
    requests: (fx) => [
      { id: fx.foreign.caseId, payload: { action: 'decide', comment: '越权复核' } },
      { id: fx.foreign.caseId, payload: { action: 'withdraw' } },
    ],
    targetsForeign: true,
  },
};
