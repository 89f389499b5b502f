import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The honours module's `batches` routes in the route-scope matrix: the foreign street's batch, its nomination
 * of the foreign cadre and the objection to it, and the foreign cadre in the bodies of new nominations.
 */
const batch = (fx: Parameters<ModuleMatrix[string]['requests']>[0]) => fx.foreign.honours.batchId!;

export const batchesMatrix: ModuleMatrix = {
  'GET /api/honours/policy': { requests: () => [{}], targetsForeign: false },
  'GET /api/honours/batches': {
    requests: () => [{}, { query: { year: '2026', state: 'nominating', kindId: 'commendation' } }],
    targetsForeign: false,
  },
  'POST /api/honours/batches': {
    // a batch always belongs to the caller's district: the foreign street cannot be named
    requests: () => [{ payload: { name: '越权批次', year: 2026, kindId: 'commendation' } }],
    targetsForeign: false,
  },
  'GET /api/honours/batches/:id': { requests: (fx) => [{ id: batch(fx) }], targetsForeign: true },
  'POST /api/honours/batches/:id/open': {
    requests: (fx) => [{ id: batch(fx), payload: {} }],
    targetsForeign: true,
  },
  'POST /api/honours/batches/:id/cancel': {
    requests: (fx) => [{ id: batch(fx), payload: {} }],
    targetsForeign: true,
  },
  'POST /api/honours/batches/:id/nominations': {
    requests: (fx) => [
      { id: batch(fx), payload: { cadreId: fx.foreign.cadreId, deeds: '越权推荐' } },
      { id: batch(fx), payload: { cadreId: fx.own.cadreId, deeds: '越权推荐' } },
    ],
    targetsForeign: true,
  },
  'POST /api/honours/batches/:id/nominations/:nominationId/withdraw': {
    requests: (fx) => [
      { id: batch(fx), params: { nominationId: fx.foreign.honours.nominationId! }, payload: {} },
    ],
    targetsForeign: true,
  },
  'GET /api/honours/batches/:id/proposals': { requests: (fx) => [{ id: batch(fx) }], targetsForeign: true },
  'POST /api/honours/batches/:id/notice': {
    requests: (fx) => [{ id: batch(fx), payload: { startOn: '2026-10-12' } }],
    targetsForeign: true,
  },
  'POST /api/honours/batches/:id/objections': {
    requests: (fx) => [
      {
        id: batch(fx),
        payload: {
          nominationId: fx.foreign.honours.nominationId,
          receivedOn: '2026-10-12',
          content: '越权异议',
        },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/honours/batches/:id/objections/:objectionId/resolve': {
    requests: (fx) => [
      {
        id: batch(fx),
        params: { objectionId: fx.foreign.honours.objectionId! },
        payload: { outcome: 'upheld', resolution: '越权处理', resolvedOn: '2026-10-12' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/honours/batches/:id/decide': {
    requests: (fx) => [
      { id: batch(fx), payload: { decidedOn: '2026-10-20', documentNumber: '越权〔2026〕1号' } },
    ],
    targetsForeign: true,
  },
  'GET /api/honours/batches/:id/notice.docx': { requests: (fx) => [{ id: batch(fx) }], targetsForeign: true },
  'GET /api/cadres/:id/honours': { requests: (fx) => [{ id: fx.foreign.cadreId }], targetsForeign: true },
};

/** The foreign street's honours rows in the route matrix's foreign fingerprint ($1: its org path). */
export const fingerprint: string[] = [
  `SELECT string_agg(x::text, '|' ORDER BY x.id) FROM honour_batches x WHERE x.org_path <@ $1::ltree`,
  `SELECT string_agg(x::text, '|' ORDER BY x.id) FROM honour_nominations x WHERE x.unit_path <@ $1::ltree`,
  `SELECT string_agg(x::text, '|' ORDER BY x.id) FROM honour_objections x
     JOIN honour_nominations n ON n.id = x.nomination_id WHERE n.unit_path <@ $1::ltree`,
];
