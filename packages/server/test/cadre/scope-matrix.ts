import { multipartFile } from '../helpers.ts';
import { LRMX_SAMPLE, sampleRecord, TINY_JPEG, XLSX } from '../samples.ts';
import type { ModuleMatrix } from '../scope-matrix.ts';

/** a query string (one type for every request of a route, whatever keys it has) */
const q = (query: Record<string, string>) => ({ query });
// 结构指标 filter: the foreign cadre is a 副处级 reserve member the indicator counts
const reserveFilter = { indicator: 'reserve-street-leadership', indicatorPart: 'population' };

/** The cadre module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts). */
export const matrix: ModuleMatrix = {
  'GET /api/cadres': {
    requests: (fx) => [
      {},
      q({ orgId: fx.foreign.orgId }),
      q(reserveFilter),
      q({ ...reserveFilter, orgId: fx.foreign.orgId }),
    ],
    targetsForeign: false,
  },
  'GET /api/cadres/:id': {
    requests: (fx) => [{ id: fx.foreign.cadreId }, { id: fx.foreign.cadreId, query: { reveal: 'true' } }],
    targetsForeign: true,
  },
  'GET /api/cadres/export.xlsx': {
    requests: (fx) => [{}, q({ orgId: fx.foreign.orgId }), q(reserveFilter)],
    targetsForeign: false,
  },
  'POST /api/cadres': {
    requests: (fx) => [{ payload: sampleRecord(fx.foreign.orgId) }],
    targetsForeign: true,
  },
  'PUT /api/cadres/:id': {
    requests: (fx) => [
      { id: fx.foreign.cadreId, payload: sampleRecord(fx.foreign.orgId) },
      { id: fx.foreign.cadreId, payload: sampleRecord(fx.own.orgId) },
    ],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/photo': { requests: (fx) => [{ id: fx.foreign.cadreId }], targetsForeign: true },
  'GET /api/cadres/import/template.xlsx': { requests: () => [{}], targetsForeign: false },
  'GET /api/cadres/export/template.xlsx': {
    requests: (fx) => [{}, { query: { orgId: fx.foreign.orgId } }],
    targetsForeign: true,
  },
  'POST /api/cadres/import/xlsx': {
    requests: (fx) => [
      { ...multipartFile('x.xlsx', fx.foreignWorkbook, XLSX) },
      { query: { mode: 'update' }, ...multipartFile('x.xlsx', fx.foreignWorkbook, XLSX) },
    ],
    targetsForeign: true,
  },
  'POST /api/cadres/import/lrmx': {
    requests: (fx) => [
      { query: { orgId: fx.foreign.orgId }, ...multipartFile('a.lrmx', LRMX_SAMPLE, 'application/xml') },
    ],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/lrmx': { requests: (fx) => [{ id: fx.foreign.cadreId }], targetsForeign: true },
  'GET /api/cadres/:id/corrections': { requests: (fx) => [{ id: fx.foreign.cadreId }], targetsForeign: true },
  'POST /api/cadres/:id/corrections': {
    requests: (fx) => [{ id: fx.foreign.cadreId, payload: { field: 'phone', proposedValue: '13800000000' } }],
    targetsForeign: true,
  },
  'GET /api/cadre-corrections': {
    requests: () => [{}, { query: { status: 'accepted' } }],
    targetsForeign: false,
  },
  'POST /api/cadre-corrections/:id/decision': {
    requests: (fx) => [{ id: fx.foreign.correctionId, payload: { status: 'accepted' } }],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/approval-form.docx': {
    requests: (fx) => [{ id: fx.foreign.cadreId }],
    targetsForeign: true,
  },
  'POST /api/cadres/import/lrmx/compare': {
    requests: () => [{ ...multipartFile('a.lrmx', LRMX_SAMPLE, 'application/xml') }],
    targetsForeign: false, // compares and writes nothing
  },
  'POST /api/cadres/import/xlsx/report': {
    requests: (fx) => [{ ...multipartFile('x.xlsx', fx.foreignWorkbook, XLSX) }],
    targetsForeign: false, // a check report of the uploaded file itself; it writes nothing
  },
  'PUT /api/cadres/:id/photo': {
    requests: (fx) => [
      { id: fx.foreign.cadreId, payload: TINY_JPEG, headers: { 'content-type': 'image/jpeg' } },
    ],
    targetsForeign: true,
  },
};
