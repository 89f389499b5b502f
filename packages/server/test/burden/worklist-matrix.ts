import type { ModuleMatrix } from '../scope-matrix.ts';

const q = (query: Record<string, string>) => ({ query });

/** The burden module's `worklist` routes in the route-scope matrix: the foreign street's work-list item. */
const item = (orgId: string) => ({
  orgId,
  organiserName: '区民政局',
  year: 2026,
  name: '越权事项',
  modeId: null,
  amountFen: null,
});

export const worklistMatrix: ModuleMatrix = {
  'GET /api/burden/worklist': {
    requests: (fx) => [{}, q({ unfunded: 'true' }), q({ orgId: fx.foreign.orgId })],
    targetsForeign: false,
  },
  'GET /api/burden/worklist/export.xlsx': {
    requests: (fx) => [{}, q({ orgId: fx.foreign.orgId })],
    targetsForeign: false,
  },
  'POST /api/burden/worklist': {
    requests: (fx) => [{ payload: item(fx.foreign.orgId) }, { payload: item(fx.foreign.villageId) }],
    targetsForeign: true,
  },
  'PUT /api/burden/worklist/:id': {
    requests: (fx) => [
      { id: fx.foreign.burdenStaffing.workListItemId, payload: item(fx.own.orgId) },
      { id: fx.foreign.burdenStaffing.workListItemId, payload: item(fx.foreign.orgId) },
    ],
    targetsForeign: true,
  },
};

/** The work-list items of the foreign street in the route matrix's fingerprint (`$1`: its org path). */
export const fingerprint: string[] = [
  `SELECT string_agg(x::text, '|' ORDER BY x.id) FROM burden_worklist_items x WHERE x.org_path <@ $1::ltree`,
];
