import type { ModuleMatrix } from '../scope-matrix.ts';

const IND = 'reserve-street-leadership'; // Fengze: counts the 副处级 reserve pool, which holds the foreign cadre
/** a query string (one type for every request of a route, whatever keys it has) */
const q = (query: Record<string, string>) => ({ query });

/**
 * The structure indicators in the route-scope matrix: every route aimed at the foreign street (its unit as
 * `orgId`: refused as not found) and at the caller's own scope (the foreign cadre's pool membership must
 * not be counted or listed).
 */
export const indicatorsMatrix: ModuleMatrix = {
  'GET /api/indicators': {
    requests: (fx) => [{}, q({ orgId: fx.foreign.orgId }), q({ orgId: fx.foreign.villageId })],
    targetsForeign: false,
  },
  'GET /api/indicators/:id/breakdown': {
    requests: (fx) => [
      { id: IND },
      { id: IND, ...q({ orgId: fx.foreign.orgId }) },
      { id: 'department-leaders-street-experience', ...q({ orgId: fx.foreign.orgId }) },
    ],
    targetsForeign: false,
  },
  'GET /api/indicators/:id/people': {
    requests: (fx) => [
      { id: IND, ...q({ part: 'population' }) },
      { id: IND, ...q({ orgId: fx.foreign.orgId, part: 'population' }) },
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
