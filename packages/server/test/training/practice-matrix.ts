import type { ModuleMatrix } from '../scope-matrix.ts';

const query = (q: Record<string, string>) => ({ query: q });

/** The training module's `practice` routes in the route-scope matrix (aimed at the foreign cadre's posting). */
export const practiceMatrix: ModuleMatrix = {
  'GET /api/training/practice/policy': { requests: () => [{}], targetsForeign: false },
  'GET /api/training/practice': {
    requests: (fx) => [{}, query({ cadreId: fx.foreign.cadreId }), query({ status: 'ended' })],
    targetsForeign: false,
  },
  'POST /api/training/practice': {
    requests: (fx) => [
      {
        payload: {
          cadreId: fx.foreign.cadreId,
          kind: 'frontline',
          post: '越权选派',
          startedOn: '2026-03-01',
        },
      },
      // an own cadre posted to a foreign host unit
      {
        payload: {
          cadreId: fx.own.cadreId,
          kind: 'frontline',
          post: '越权选派',
          hostOrgId: fx.foreign.villageId,
          startedOn: '2026-03-01',
        },
      },
    ],
    targetsForeign: true,
  },
  'PATCH /api/training/practice/:id': {
    requests: (fx) => [
      { id: fx.foreign.practice.postingId, payload: { outcome: { rating: 'fail', note: '越权登记' } } },
      { id: fx.foreign.practice.postingId, payload: { post: '越权修改' } },
    ],
    targetsForeign: true,
  },
};

/** The practice postings of the foreign street's cadres, in the route matrix's foreign fingerprint. */
export const fingerprint: string[] = [
  `SELECT string_agg(p::text, '|' ORDER BY p.id) FROM practice_postings p
     WHERE p.cadre_id IN (SELECT id FROM cadres WHERE org_path <@ $1::ltree)`,
];
