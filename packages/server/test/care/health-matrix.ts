import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The care module's `health` routes in the route-scope matrix: the foreign street's health check and support
 * request, the foreign cadre in a bulk mark, the foreign street's account designated as care officer.
 */
export const healthMatrix: ModuleMatrix = {
  'GET /api/care/health/checks': {
    requests: (fx) => [
      { query: 'year=2026' },
      { query: 'year=2026&state=done' },
      { query: `year=2026&orgId=${fx.foreign.orgId}` },
    ],
    targetsForeign: false,
  },
  'POST /api/care/health/checks': {
    requests: (fx) => [
      { payload: { planId: 'yearly', doneOn: '2026-05-01', cadreIds: [fx.foreign.cadreId] } },
    ],
    targetsForeign: true,
  },
  'PUT /api/care/health/checks/:id': {
    requests: (fx) => [
      {
        id: fx.foreign.careHealth.checkId,
        payload: { doneOn: '2026-05-02', followUp: false, followUpNote: '' },
      },
    ],
    targetsForeign: true,
  },
  'DELETE /api/care/health/checks/:id': {
    requests: (fx) => [{ id: fx.foreign.careHealth.checkId }],
    targetsForeign: true,
  },
  'GET /api/care/health/mine': { requests: () => [{}], targetsForeign: false },
  'GET /api/care/officers': { requests: () => [{}], targetsForeign: false },
  'POST /api/care/officers': {
    requests: (fx) => [{ payload: { username: fx.foreign.username } }],
    targetsForeign: true,
  },
  'POST /api/care/officers/:id/deactivate': {
    requests: (fx) => [{ id: fx.foreign.careHealth.checkId }],
    targetsForeign: true,
  },
  'GET /api/care/support/officers': { requests: () => [{}], targetsForeign: false },
  'GET /api/care/support/mine': { requests: () => [{}], targetsForeign: false },
  'POST /api/care/support': {
    // an officer id that is none (the foreign request's): refused as such, nothing filed
    requests: (fx) => [
      { payload: { officerId: fx.foreign.careHealth.supportRequestId, category: 'other', body: '越权' } },
    ],
    targetsForeign: false,
  },
  'GET /api/care/support/assigned': { requests: () => [{}], targetsForeign: false },
  'POST /api/care/support/:id/answer': {
    requests: (fx) => [{ id: fx.foreign.careHealth.supportRequestId, payload: { answer: '越权答复' } }],
    targetsForeign: true,
  },
  'POST /api/care/support/:id/close': {
    requests: (fx) => [{ id: fx.foreign.careHealth.supportRequestId }],
    targetsForeign: true,
  },
};
