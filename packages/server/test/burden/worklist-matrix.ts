import { foreignWorkList } from '../factories/burden-staffing.ts';
import { multipartFile } from '../helpers.ts';
import { XLSX } from '../samples.ts';
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
  'GET /api/burden/worklist/template.xlsx': { requests: () => [{}], targetsForeign: false },
  // a workbook naming the foreign street as 承接单位: refused (not in scope), nothing written
  'POST /api/burden/worklist/import': {
    requests: () => [{ ...multipartFile('清单.xlsx', foreignWorkList.workbook, XLSX) }],
    targetsForeign: true,
  },
  'POST /api/burden/worklist/import/report': {
    requests: () => [{ ...multipartFile('清单.xlsx', foreignWorkList.workbook, XLSX) }],
    // the caller's own upload annotated (a 200 with the wrong cells marked), nothing written
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
