import { TINY_PDF } from '../samples.ts';
import type { ModuleMatrix } from '../scope-matrix.ts';

/** The assessment module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/packs': { requests: () => [{}], targetsForeign: false },
  'GET /api/packs/:id': { requests: (fx) => [{ id: fx.packId }], targetsForeign: false },
  'POST /api/packs': { requests: () => [{ payload: { body: { id: 'x' } } }], targetsForeign: false },
  'PUT /api/packs/selected': {
    requests: () => [{ payload: { packId: 'no-such-pack' } }],
    targetsForeign: false,
  },
  'GET /api/packs/:id/diff/:otherId': {
    requests: (fx) => [{ id: fx.packId, params: { otherId: fx.packId } }],
    targetsForeign: false,
  },
  'GET /api/assessment/rounds': { requests: () => [{}], targetsForeign: false },
  'POST /api/assessment/rounds': {
    requests: (fx) => [
      { payload: roundInput(fx.foreign.orgId, [fx.foreign.cadreId]) },
      { payload: roundInput(fx.own.orgId, [fx.foreign.cadreId]) },
    ],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id': { requests: (fx) => [{ id: fx.foreign.roundId }], targetsForeign: true },
  'GET /api/assessment/rounds/:id/targets': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'PUT /api/assessment/rounds/:id/targets/:targetId/report': {
    requests: (fx) => [
      { id: fx.foreign.roundId, params: { targetId: fx.foreign.targetId }, payload: { report: '越权述职' } },
    ],
    targetsForeign: true,
  },
  'PUT /api/assessment/rounds/:id/targets/:targetId/report-file': {
    requests: (fx) => [
      {
        id: fx.foreign.roundId,
        params: { targetId: fx.foreign.targetId },
        payload: TINY_PDF,
        headers: { 'content-type': 'application/pdf' },
      },
    ],
    targetsForeign: true,
  },
  'DELETE /api/assessment/rounds/:id/targets/:targetId/report-file': {
    requests: (fx) => [{ id: fx.foreign.roundId, params: { targetId: fx.foreign.targetId } }],
    targetsForeign: true,
  },
  // 考核等次申诉: a result of the foreign street is no one's here to appeal
  'POST /api/assessment/rounds/:id/targets/:targetId/appeal': {
    requests: (fx) => [
      { id: fx.foreign.roundId, params: { targetId: fx.foreign.targetId }, payload: { reason: '越权申诉' } },
    ],
    targetsForeign: true,
  },
  'GET /api/assessment/appeals/mine': { requests: () => [{}], targetsForeign: false },
  'GET /api/assessment/rounds/:id/targets/:targetId/report-file': {
    requests: (fx) => [{ id: fx.foreign.roundId, params: { targetId: fx.foreign.targetId } }],
    targetsForeign: true,
  },
  // a slip is a bearer credential (see the ballot below): an unknown one opens no file
  'GET /api/ballot/:token/reports/:targetId': {
    requests: (fx) => [{ params: { token: 'XXXX-XXXX-XXXX', targetId: fx.foreign.targetId } }],
    targetsForeign: false,
  },
  'POST /api/assessment/rounds/:id/tokens': {
    requests: (fx) => [
      { id: fx.foreign.roundId, payload: { groupId: 'leadership', count: 1, unitId: fx.foreign.orgId } },
    ],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/raters': {
    requests: (fx) => [
      { id: fx.foreign.roundId, payload: { groupId: 'leadership', userIds: [fx.foreign.userId] } },
    ],
    targetsForeign: true,
  },
  'GET /api/assessment/my-ballots': { requests: () => [{}], targetsForeign: false },
  'POST /api/assessment/rounds/:id/tokens/revoke': {
    requests: (fx) => [{ id: fx.foreign.roundId, payload: { code: fx.foreign.ballotCode } }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/turnout': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/transition': {
    requests: (fx) => [{ id: fx.foreign.roundId, payload: { action: 'close' } }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/results': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/results/calibration': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/results/:targetId': {
    requests: (fx) => [{ id: fx.foreign.roundId, params: { targetId: fx.foreign.targetId } }],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/results.xlsx': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/waivers': {
    requests: (fx) => [
      {
        id: fx.foreign.roundId,
        payload: { targetId: fx.foreign.targetId, groupId: 'leadership', reason: '越权豁免' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/waivers/unit': {
    requests: (fx) => [
      {
        id: fx.foreign.roundId,
        payload: { orgId: fx.foreign.orgId, groupId: 'leadership', reason: '越权豁免' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/assessment/rounds/:id/grades': {
    requests: (fx) => [
      {
        id: fx.foreign.roundId,
        payload: { targetId: fx.foreign.targetId, grade: 'excellent', reason: '越权调整' },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/assessment/rounds/:id/ballots.json': {
    requests: (fx) => [{ id: fx.foreign.roundId }],
    targetsForeign: true,
  },
  // the public ballot: a slip of the foreign street is a bearer credential, valid for anyone holding it —
  // reading it shows that round's targets by design; the matrix checks that it changes nothing else
  'POST /api/ballot/:token': {
    requests: (fx) => [
      {
        params: { token: fx.foreign.ballotCode },
        payload: { scores: [{ targetId: fx.own.orgId, points: [20, 20, 20, 30, 10] }] },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/ballot/:token': {
    requests: () => [{ params: { token: 'XXXX-XXXX-XXXX' } }],
    targetsForeign: false,
  },
};

function roundInput(orgId: string, cadreIds: string[]) {
  return {
    name: '越权考核',
    packId: 'fengze',
    schemeId: 'street-annual',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    orgId,
    population: { cadreIds },
  };
}
