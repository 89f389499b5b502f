import type { ModuleMatrix } from '../scope-matrix.ts';

const q = (query: Record<string, string>) => ({ query });

/**
 * The burden module's `staffing` routes in the route-scope matrix: the foreign street's borrowing (read,
 * returned), a request to borrow the foreign street's cadre, the establishment report of the foreign street.
 */
export const staffingMatrix: ModuleMatrix = {
  'GET /api/burden/borrowings': {
    requests: (fx) => [{}, q({ state: 'overdue' }), q({ orgId: fx.foreign.orgId })],
    targetsForeign: false,
  },
  'GET /api/burden/borrowings/candidates': {
    requests: () => [q({ q: '外' }), q({ q: '测试' })],
    targetsForeign: false,
  },
  'GET /api/burden/borrowings/export.xlsx': {
    requests: (fx) => [{}, q({ orgId: fx.foreign.orgId })],
    targetsForeign: false,
  },
  'GET /api/burden/borrowings/:id': {
    requests: (fx) => [{ id: fx.foreign.burdenStaffing.borrowingId }],
    targetsForeign: true,
  },
  'POST /api/burden/borrowings': {
    requests: (fx) => [
      {
        payload: {
          cadreId: fx.foreign.cadreId,
          borrowerOrgId: fx.own.orgId,
          purposeId: 'district_central',
          task: '越权借调',
          from: '2026-11-09',
          until: '2026-12-31',
        },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/burden/borrowings/:id/return': {
    requests: (fx) => [{ id: fx.foreign.burdenStaffing.borrowingId, payload: { returnedOn: '2026-11-01' } }],
    targetsForeign: true,
  },
  'GET /api/burden/establishment': {
    requests: (fx) => [{}, q({ orgId: fx.foreign.orgId })],
    targetsForeign: false,
  },
  'GET /api/burden/establishment/export.xlsx': {
    requests: (fx) => [{}, q({ orgId: fx.foreign.orgId })],
    targetsForeign: false,
  },
};

/** The borrowings of the foreign street in the route matrix's fingerprint (`$1`: its org path). */
export const fingerprint: string[] = [
  `SELECT string_agg(x::text, '|' ORDER BY x.id) FROM burden_borrowings x WHERE x.org_path <@ $1::ltree`,
];
