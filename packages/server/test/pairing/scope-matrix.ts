import type { ModuleMatrix } from '../scope-matrix.ts';

/** The pairing module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/pairings': { requests: () => [{}, { query: { current: 'true' } }], targetsForeign: false },
  'POST /api/pairings': {
    requests: (fx) => [
      // a foreign cadre paired with an own one, either way round
      {
        payload: {
          cadreId: fx.foreign.cadreId,
          mentorId: fx.own.cadreId,
          focus: '越权结对',
          startedOn: '2026-03-01',
        },
      },
      {
        payload: {
          cadreId: fx.own.cadreId,
          mentorId: fx.foreign.cadreId,
          focus: '越权结对',
          startedOn: '2026-03-01',
        },
      },
    ],
    targetsForeign: true,
  },
  'PATCH /api/pairings/:id': {
    requests: (fx) => [{ id: fx.foreign.pairingId, payload: { endedOn: '2026-06-30' } }],
    targetsForeign: true,
  },
  'GET /api/pairings/:id/notes': { requests: (fx) => [{ id: fx.foreign.pairingId }], targetsForeign: true },
  'POST /api/pairings/:id/notes': {
    requests: (fx) => [{ id: fx.foreign.pairingId, payload: { notedOn: '2026-04-01', content: '越权记录' } }],
    targetsForeign: true,
  },
  'GET /api/pairings/:id/reviews': { requests: (fx) => [{ id: fx.foreign.pairingId }], targetsForeign: true },
  'POST /api/pairings/:id/reviews': {
    requests: (fx) => [
      {
        id: fx.foreign.pairingId,
        payload: { reviewedOn: '2026-10-01', rating: 'good', summary: '越权评议', decision: 'end' },
      },
    ],
    targetsForeign: true,
  },
};
