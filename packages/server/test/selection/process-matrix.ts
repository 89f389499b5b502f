import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * Selection processes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts), aimed at the
 * foreign street's process (fx.foreign.selection: its candidate, running 公示 and open objection), or at
 * opening one for the foreign street and putting the foreign cadre into the own actor's view.
 */
const sel = (fx: Parameters<ModuleMatrix[string]['requests']>[0]) => fx.foreign.selection;

export const processMatrix: ModuleMatrix = {
  'GET /api/selection/kinds': {
    requests: () => [{}],
    targetsForeign: false,
  },
  'POST /api/selection/processes': {
    requests: (fx) => [
      {
        payload: {
          kindId: 'plain',
          orgId: fx.foreign.orgId,
          title: '越权发起',
          post: { title: '副主任', rank: '副科级' },
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/selection/processes': {
    requests: (fx) => {
      const queries: Record<string, string>[] = [{}, { orgId: fx.foreign.orgId }, { state: 'open' }];
      return queries.map((query) => ({ query }));
    },
    targetsForeign: false,
  },
  'GET /api/selection/processes/:id': {
    requests: (fx) => [{ id: sel(fx).processId }],
    targetsForeign: true,
  },
  'POST /api/selection/processes/:id/candidates': {
    requests: (fx) => [{ id: sel(fx).processId, payload: { cadreId: fx.foreign.cadreId } }],
    targetsForeign: true,
  },
  'POST /api/selection/processes/:id/candidates/:candidateId/out': {
    requests: (fx) => [
      {
        id: sel(fx).processId,
        params: { candidateId: sel(fx).candidateId },
        payload: { reason: '越权出列' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/selection/processes/:id/steps/:stepId/results': {
    requests: (fx) => [
      {
        id: sel(fx).processId,
        params: { stepId: 'recommendation' },
        payload: { results: [{ candidateId: sel(fx).candidateId, votesFor: 1, votesAgainst: 0 }] },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/selection/processes/:id/decision': {
    requests: (fx) => [{ id: sel(fx).processId, payload: { chosenCandidateIds: [sel(fx).candidateId] } }],
    targetsForeign: true,
  },
  'POST /api/selection/processes/:id/notices': {
    requests: (fx) => [{ id: sel(fx).processId, payload: { start: '2026-11-02' } }],
    targetsForeign: true,
  },
  'GET /api/selection/processes/:id/notices/:noticeId/document': {
    requests: (fx) => [{ id: sel(fx).processId, params: { noticeId: sel(fx).noticeId } }],
    targetsForeign: true,
  },
  'POST /api/selection/processes/:id/notices/:noticeId/objections': {
    requests: (fx) => [
      {
        id: sel(fx).processId,
        params: { noticeId: sel(fx).noticeId },
        payload: { receivedOn: '2026-11-03', summary: '越权登记' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/selection/processes/:id/objections/:objectionId/close': {
    requests: (fx) => [
      {
        id: sel(fx).processId,
        params: { objectionId: sel(fx).objectionId },
        payload: { finding: 'unfounded', handling: '越权办结', closedOn: '2026-11-04' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/selection/processes/:id/act': {
    requests: (fx) => [
      { id: sel(fx).processId, payload: { action: 'approve' } },
      { id: sel(fx).processId, payload: { action: 'withdraw', comment: '越权撤回' } },
    ],
    targetsForeign: true,
  },
};
