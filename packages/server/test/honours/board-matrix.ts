import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The honours module's `board` routes in the route-scope matrix. The board is district-wide by design, but
 * only of decided honours: the foreign street's nomination (not decided) and its photo never show.
 */
export const boardMatrix: ModuleMatrix = {
  'GET /api/honours/board': {
    requests: () => [{ query: { year: '2026' } }, { query: { year: '2025' } }],
    targetsForeign: false,
  },
  'GET /api/honours/board/:id/photo': {
    requests: (fx) => [{ id: fx.foreign.honours.nominationId! }],
    targetsForeign: true,
  },
};
