import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The care module's `talks` routes in the route-scope matrix: the foreign street's talk (fact and
 * restricted content) and its cadre's two-way appointment must stay out of every other answer.
 */
export const talksMatrix: ModuleMatrix = {
  'GET /api/care/talk-leaders': { requests: () => [{}], targetsForeign: false },
  'POST /api/care/talk-leaders': {
    requests: (fx) => [
      { payload: { name: '越权领导', title: '区委常委', kind: 'linked', orgIds: [fx.foreign.orgId] } },
      { payload: { name: '越权领导', title: '区委常委', kind: 'linked', userId: fx.foreign.userId } },
    ],
    targetsForeign: true,
  },
  'PATCH /api/care/talk-leaders/:id': {
    // no leader of the foreign street exists (leaders are the district's): link one to the foreign street
    requests: (fx) => [{ id: fx.foreign.careTalks.talkId, payload: { orgIds: [fx.foreign.orgId] } }],
    targetsForeign: true,
  },
  'GET /api/care/talk-plan': {
    requests: (fx): { query: Record<string, string> }[] => [
      { query: { year: '2026' } },
      { query: { year: '2026', orgId: fx.foreign.orgId } },
    ],
    targetsForeign: false,
  },
  'GET /api/care/talks': {
    requests: (fx): { query: Record<string, string> }[] => [
      { query: { year: '2026' } },
      { query: { cadreId: fx.foreign.cadreId } },
    ],
    targetsForeign: false,
  },
  'POST /api/care/talks': {
    requests: (fx) => [
      {
        payload: {
          leaderId: fx.foreign.careTalks.talkId,
          cadreIds: [fx.foreign.cadreId],
          heldOn: '2026-10-10',
          form: 'individual',
          topics: '越权谈话',
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/care/talks/:id/content': {
    requests: (fx) => [{ id: fx.foreign.careTalks.talkId }],
    targetsForeign: true,
  },
  'GET /api/care/talk-requests/leaders': { requests: () => [{}], targetsForeign: false },
  'GET /api/care/talk-requests/mine': { requests: () => [{}], targetsForeign: false },
  'POST /api/care/talk-requests': {
    requests: (fx) => [{ payload: { leaderId: fx.foreign.careTalks.talkId, reason: '越权约谈' } }],
    targetsForeign: true,
  },
  'GET /api/care/talk-requests': { requests: () => [{}], targetsForeign: false },
  'POST /api/care/talk-requests/:id/answer': {
    requests: (fx) => [{ id: fx.foreign.careTalks.requestId, payload: { answer: '越权答复' } }],
    targetsForeign: true,
  },
  'POST /api/care/talk-requests/:id/withdraw': {
    requests: (fx) => [{ id: fx.foreign.careTalks.requestId }],
    targetsForeign: true,
  },
};
