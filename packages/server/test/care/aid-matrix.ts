import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The care module's `aid` routes in the route-scope matrix: the foreign street's hardship case (read,
 * revealed, its checklist, visits, closing) and a case opened for the foreign cadre.
 */
export const aidMatrix: ModuleMatrix = {
  'GET /api/care/aid/cases': {
    requests: () => [{}, { query: { state: 'open' } }, { query: { state: 'overdue' } }],
    targetsForeign: false,
  },
  'GET /api/care/aid/cases/:id': {
    requests: (fx) => [
      { id: fx.foreign.careAid.caseId },
      { id: fx.foreign.careAid.caseId, query: { reveal: '1' } },
    ],
    targetsForeign: true,
  },
  'POST /api/care/aid/cases': {
    requests: (fx) => [
      {
        payload: {
          cadreId: fx.foreign.cadreId,
          kindId: 'hardship',
          openedOn: '2026-10-01',
          familyContact: '越权立案',
          situation: '越权',
        },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/care/aid/cases/:id/items/:itemId': {
    requests: (fx) => [
      { id: fx.foreign.careAid.caseId, params: { itemId: 'grant' }, payload: { doneOn: '2026-10-01' } },
    ],
    targetsForeign: true,
  },
  'POST /api/care/aid/cases/:id/visits': {
    requests: (fx) => [
      {
        id: fx.foreign.careAid.caseId,
        payload: { visitedOn: '2026-10-01', visitors: '越权', content: '越权走访' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/care/aid/cases/:id/close': {
    requests: (fx) => [
      { id: fx.foreign.careAid.caseId, payload: { closedOn: '2026-10-01', note: '越权结案' } },
    ],
    targetsForeign: true,
  },
};
