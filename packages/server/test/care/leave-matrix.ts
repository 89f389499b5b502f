import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The care module's `leave` routes in the route-scope matrix: the foreign cadre's year and leave record, and
 * leave recorded for the foreign cadre.
 */
export const leaveMatrix: ModuleMatrix = {
  'GET /api/care/leave': {
    requests: () => [{ query: { year: '2026' } }, { query: { year: '2026', q: '测试' } }],
    targetsForeign: false,
  },
  'GET /api/care/leave/cadres/:id': {
    requests: (fx) => [{ id: fx.foreign.cadreId, query: { year: '2026' } }],
    targetsForeign: true,
  },
  'GET /api/care/leave/mine': { requests: () => [{ query: { year: '2026' } }], targetsForeign: false },
  'POST /api/care/leave/records': {
    requests: (fx) => [
      {
        payload: { cadreId: fx.foreign.cadreId, kind: 'other', startOn: '2026-04-06', endOn: '2026-04-07' },
      },
    ],
    targetsForeign: true,
  },
  'DELETE /api/care/leave/records/:id': {
    requests: (fx) => [{ id: fx.foreign.careAid.leaveId }],
    targetsForeign: true,
  },
};
