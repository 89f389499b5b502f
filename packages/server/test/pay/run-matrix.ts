import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * Pay runs, lines, export, what-if, approval and 我的待遇 in the route-scope matrix (runner:
 * test/platform/scope-matrix.test.ts), aimed at the foreign street's computed run and its line.
 */
export const runMatrix: ModuleMatrix = {
  'POST /api/pay/runs': {
    requests: (fx) => [
      { payload: { kind: 'street-uplift', period: '2026', orgId: fx.foreign.orgId } },
      { payload: { kind: 'performance-bonus', period: '2026', orgId: fx.foreign.villageId, budget: 100 } },
    ],
    targetsForeign: true,
  },
  'GET /api/pay/runs': {
    requests: () => [{}, { query: { kind: 'street-uplift', period: '2026' } }],
    targetsForeign: false,
  },
  'GET /api/pay/runs/:id': {
    requests: (fx) => [{ id: fx.foreign.payRunId }],
    targetsForeign: true,
  },
  'POST /api/pay/runs/:id/compute': {
    requests: (fx) => [{ id: fx.foreign.payRunId }],
    targetsForeign: true,
  },
  'GET /api/pay/runs/:id/lines': {
    requests: (fx) => [
      { id: fx.foreign.payRunId },
      { id: fx.foreign.payRunId, query: { unitId: fx.foreign.orgId } },
    ],
    targetsForeign: true,
  },
  'GET /api/pay/runs/:id/lines.xlsx': {
    requests: (fx) => [{ id: fx.foreign.payRunId }],
    targetsForeign: true,
  },
  'POST /api/pay/runs/:id/what-if': {
    requests: (fx) => [{ id: fx.foreign.payRunId, payload: { packId: 'fengze', budget: 1_000_000 } }],
    targetsForeign: true,
  },
  'POST /api/pay/runs/:id/submit': {
    requests: (fx) => [{ id: fx.foreign.payRunId, payload: {} }],
    targetsForeign: true,
  },
  'POST /api/pay/runs/:id/paid': {
    requests: (fx) => [{ id: fx.foreign.payRunId, payload: {} }],
    targetsForeign: true,
  },
  'GET /api/pay/mine': {
    requests: () => [{}],
    targetsForeign: false,
  },
};
