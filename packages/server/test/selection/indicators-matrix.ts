import type { ModuleMatrix } from '../scope-matrix.ts';

const IND = 'reserve-street-leadership'; // Fengze: counts the 副处级 reserve pool, which holds the foreign cadre

/**
 * The structure indicators in the route-scope matrix: every route aimed at the foreign street (its unit as
 * `orgId`: refused as not found) and at the caller's own scope (the foreign cadre's pool membership must
 * not be counted or listed).
 */
export const indicatorsMatrix: ModuleMatrix = {
  'GET /api/indicators': {
    requests: (fx) => [
      {},
      { query: { orgId: fx.foreign.orgId } },
      { query: { orgId: fx.foreign.villageId } },
    ],
    targetsForeign: false,
  },
  'GET /api/indicators/:id/breakdown': {
    requests: (fx) => [
      { id: IND },
      { id: IND, query: { orgId: fx.foreign.orgId } },
      { id: 'department-leaders-street-experience', query: { orgId: fx.foreign.orgId } },
    ],
    targetsForeign: false,
  },
  'GET /api/indicators/:id/people': {
    requests: (fx) => [
      { id: IND, query: { part: 'population' } },
      { id: IND, query: { orgId: fx.foreign.orgId, part: 'population' } },
    ],
    targetsForeign: false,
  },
  'POST /api/indicators/preview': {
    requests: (fx) => [
      {
        payload: {
          orgId: fx.foreign.orgId,
          indicator: {
            id: 'probe',
            name: '越权预览',
            population: { pool: { kind: 'reserve' } },
            numerator: {},
            target: { measure: 'count', op: 'gte', count: 1 },
          },
        },
      },
    ],
    targetsForeign: true,
  },
};
