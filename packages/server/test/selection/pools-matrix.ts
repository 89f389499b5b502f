import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The selection module's `pools/` routes in the route-scope matrix: aimed at the foreign street (its unit,
 * its cadre, the cadre's reserve membership and its review), or at the own scope for the lists.
 */
const q = (query: Record<string, string>) => ({ query });
const otherReview = '00000000-0000-4000-8000-000000000001';

export const poolsMatrix: ModuleMatrix = {
  'GET /api/pools/reserve': {
    requests: (fx) => [{}, q({ orgId: fx.foreign.orgId }), q({ orgId: fx.foreign.villageId })],
    targetsForeign: true,
  },
  'GET /api/pools': {
    requests: (fx) => [
      {},
      q({ kind: 'reserve', level: '副处级' }),
      q({ orgId: fx.foreign.orgId }),
      q({ kind: 'young', orgId: fx.foreign.villageId }),
    ],
    targetsForeign: true,
  },
  'GET /api/pools/entry-check': {
    requests: (fx) => [
      q({ cadreId: fx.foreign.cadreId, kind: 'reserve', level: '副处级' }),
      q({ cadreId: fx.own.cadreId, kind: 'reserve', level: '副处级', unitOrgId: fx.foreign.orgId }),
    ],
    targetsForeign: true,
  },
  'POST /api/pools/members': {
    requests: (fx) => [
      { payload: { cadreId: fx.foreign.cadreId, kind: 'young', level: '优秀年轻干部', reason: '越权推荐' } },
      {
        payload: {
          cadreId: fx.own.cadreId,
          kind: 'young',
          level: '优秀年轻干部',
          unitOrgId: fx.foreign.orgId,
          reason: '越权计入',
        },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/pools/members/:id/leave': {
    requests: (fx) => [{ id: fx.foreign.selection.poolMemberId, payload: { reason: '越权出库' } }],
    targetsForeign: true,
  },
  'PATCH /api/pools/members/:id': {
    requests: (fx) => [{ id: fx.foreign.selection.poolMemberId, payload: { twoCommitteesCandidate: true } }],
    targetsForeign: true,
  },
  'POST /api/pools/members/:id/reviews/:reviewId': {
    requests: (fx) => [
      {
        id: fx.foreign.selection.poolMemberId,
        params: { reviewId: otherReview },
        payload: { result: '越权登记', keeps: false },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/pools/reviews': {
    requests: (fx) => [{}, q({ withinDays: '3660' }), q({ orgId: fx.foreign.orgId })],
    targetsForeign: true,
  },
  'GET /api/pools/cadres/:cadreId': {
    requests: (fx) => [{ params: { cadreId: fx.foreign.cadreId } }],
    targetsForeign: true,
  },
};
