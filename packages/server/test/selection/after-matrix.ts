import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The selection module's `after/` routes in the route-scope matrix: the foreign street's post review, unfit
 * measure and secondment, and foreign cadres or host units in the bodies of new ones.
 */
export const afterMatrix: ModuleMatrix = {
  'GET /api/selection/after/policy': { requests: () => [{}], targetsForeign: false },
  'GET /api/selection/post-reviews': {
    requests: () => [{}, { query: { state: 'open' } }, { query: { state: 'done' } }],
    targetsForeign: false,
  },
  'POST /api/selection/post-reviews': {
    requests: (fx) => [
      { payload: { cadreId: fx.foreign.cadreId, postTitle: '越权登记', appointedOn: '2026-01-15' } },
    ],
    targetsForeign: true,
  },
  'POST /api/selection/post-reviews/:id/start': {
    requests: (fx) => [
      { id: fx.foreign.selection.postReviewId, payload: {} },
      { id: fx.foreign.selection.postReviewId, payload: { roundId: fx.foreign.roundId } },
    ],
    targetsForeign: true,
  },
  'POST /api/selection/post-reviews/:id/outcome': {
    requests: (fx) => [
      {
        id: fx.foreign.selection.postReviewId,
        payload: { outcome: 'fit', note: '越权结论', decidedOn: '2026-10-01' },
      },
      {
        id: fx.foreign.selection.postReviewId,
        payload: {
          outcome: 'unfit',
          decidedOn: '2026-10-01',
          measure: { measureId: 'retrain', reason: '越权', startOn: '2026-10-01' },
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/selection/unfit-measures': {
    requests: () => [{}, { query: { state: 'overdue' } }],
    targetsForeign: false,
  },
  'POST /api/selection/unfit-measures': {
    requests: (fx) => [
      {
        payload: { cadreId: fx.foreign.cadreId, measureId: 'recall', reason: '越权', startOn: '2026-10-01' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/selection/unfit-measures/:id/close': {
    requests: (fx) => [
      { id: fx.foreign.selection.unfitMeasureId, payload: { result: '越权结果', closedOn: '2026-10-01' } },
    ],
    targetsForeign: true,
  },
  'GET /api/selection/exchanges': {
    requests: (fx) => [{}, { query: 'batchYear=2026' }, { query: `cadreId=${fx.foreign.cadreId}` }],
    targetsForeign: false,
  },
  'POST /api/selection/exchanges': {
    requests: (fx) => [
      // a foreign cadre sent to an own unit, and an own cadre sent into the foreign street
      {
        payload: {
          batchYear: 2026,
          kindId: 'secondment',
          startOn: '2026-03-01',
          postings: [{ cadreId: fx.foreign.cadreId, hostOrgId: fx.own.villageId }],
        },
      },
      {
        payload: {
          batchYear: 2026,
          kindId: 'exchange',
          startOn: '2026-03-01',
          postings: [{ cadreId: fx.own.cadreId, hostOrgId: fx.foreign.villageId }],
        },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/selection/exchanges/:id/end': {
    requests: (fx) => [
      { id: fx.foreign.selection.exchangeId, payload: { endedOn: '2026-10-01', outcome: '越权结束' } },
    ],
    targetsForeign: true,
  },
};
