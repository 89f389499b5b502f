import type { ModuleMatrix } from '../scope-matrix.ts';

const PDF = Buffer.from('%PDF-1.4\n%越权\n');

/**
 * The discipline module's routes in the route-scope matrix (runner: test/platform/scope-matrix.test.ts),
 * aimed at the foreign street's record, filing, tolerance case and clarification.
 */
export const matrix: ModuleMatrix = {
  'GET /api/discipline-kinds': {
    requests: () => [{}, { query: { date: '2026-03-02' } }],
    targetsForeign: false,
  },
  'GET /api/discipline-records': {
    requests: (fx) => [
      {},
      { query: { unitId: fx.foreign.orgId, kind: 'reminder' } },
      { query: { unitId: fx.own.orgId, kind: 'admonishment' } },
    ],
    targetsForeign: false,
  },
  'POST /api/discipline-records': {
    requests: (fx) => [
      {
        payload: {
          cadreId: fx.foreign.cadreId,
          kind: 'admonishment',
          facts: '越权记录',
          decidedBy: '区纪委',
          decidedOn: '2026-03-02',
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/cadres/:id/discipline-records': {
    requests: (fx) => [{ id: fx.foreign.cadreId }],
    targetsForeign: true,
  },
  'GET /api/discipline-records/:id': {
    requests: (fx) => [{ id: fx.foreign.recordId }],
    targetsForeign: true,
  },
  'POST /api/discipline-records/:id/revoke': {
    requests: (fx) => [{ id: fx.foreign.recordId, payload: { reason: '越权撤销' } }],
    targetsForeign: true,
  },
  'GET /api/discipline-records/:id/attachments': {
    requests: (fx) => [{ id: fx.foreign.recordId }],
    targetsForeign: true,
  },
  'POST /api/discipline-records/:id/attachments': {
    requests: (fx) => [
      {
        id: fx.foreign.recordId,
        query: { name: 'x.pdf' },
        headers: { 'content-type': 'application/pdf' },
        payload: PDF,
      },
    ],
    targetsForeign: true,
  },
  'GET /api/discipline-records/:id/attachments/:attachmentId': {
    requests: (fx) => [{ id: fx.foreign.recordId, params: { attachmentId: fx.foreign.attachmentId } }],
    targetsForeign: true,
  },
  'GET /api/risk-filings': { requests: () => [{}], targetsForeign: false },
  'POST /api/risk-filings': {
    requests: (fx) => [
      {
        payload: {
          orgId: fx.foreign.orgId,
          project: '越权报备',
          risks: '无',
          measures: '无',
          workStartsOn: '2026-12-01',
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/tolerance-cases': { requests: () => [{}, { query: { state: 'open' } }], targetsForeign: false },
  'POST /api/tolerance-cases': {
    requests: (fx) => [
      {
        payload: {
          cadreId: fx.foreign.cadreId,
          appliedBy: 'unit',
          factsOn: '2026-02-18',
          facts: '越权申请',
          recordIds: [fx.foreign.recordId],
        },
      },
      {
        payload: {
          cadreId: fx.own.cadreId,
          appliedBy: 'cadre',
          factsOn: '2026-02-18',
          facts: '挂接他人记录',
          recordIds: [fx.foreign.recordId],
          riskFilingId: fx.foreign.filingId,
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/tolerance-cases/:id': {
    requests: (fx) => [{ id: fx.foreign.toleranceCaseId }],
    targetsForeign: true,
  },
  'PATCH /api/tolerance-cases/:id': {
    requests: (fx) => [{ id: fx.foreign.toleranceCaseId, payload: { investigation: '越权调查' } }],
    targetsForeign: true,
  },
  'GET /api/tolerance-cases/:id/committee/candidates': {
    requests: (fx) => [{ id: fx.foreign.toleranceCaseId }],
    targetsForeign: true,
  },
  'PUT /api/tolerance-cases/:id/committee': {
    requests: (fx) => [{ id: fx.foreign.toleranceCaseId, payload: { userIds: [fx.foreign.userId] } }],
    targetsForeign: true,
  },
  'POST /api/tolerance-cases/:id/decision': {
    requests: (fx) => [
      {
        id: fx.foreign.toleranceCaseId,
        payload: {
          outcome: 'exempt',
          recordIds: [fx.foreign.recordId],
          reason: '越权决定',
          documentNo: '越〔2026〕1号',
        },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/tolerance-cases/:id/measures': {
    requests: (fx) => [
      { id: fx.foreign.toleranceCaseId, payload: { measure: '越权措施', dueOn: '2026-12-31' } },
    ],
    targetsForeign: true,
  },
  'POST /api/tolerance-cases/:id/measures/:measureId/done': {
    requests: (fx) => [{ id: fx.foreign.toleranceCaseId, params: { measureId: fx.foreign.measureId } }],
    targetsForeign: true,
  },
  'POST /api/tolerance-cases/:id/followups': {
    requests: (fx) => [
      { id: fx.foreign.toleranceCaseId, payload: { visitedOn: '2026-10-01', notes: '越权回访' } },
    ],
    targetsForeign: true,
  },
  'GET /api/clarifications': {
    requests: () => [{}, { query: { state: 'concluded' } }],
    targetsForeign: false,
  },
  'POST /api/clarifications': {
    requests: (fx) => [
      {
        payload: {
          cadreId: fx.foreign.cadreId,
          receivedOn: '2026-08-01',
          channel: '来信',
          allegation: '越权登记',
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/clarifications/:id': {
    requests: (fx) => [{ id: fx.foreign.clarificationId }],
    targetsForeign: true,
  },
  'POST /api/clarifications/:id/conclusion': {
    requests: (fx) => [
      {
        id: fx.foreign.clarificationId,
        payload: { conclusion: 'unfounded', verification: '越权认定', documentNo: '越〔2026〕2号' },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/clarifications/:id/notice.docx': {
    requests: (fx) => [{ id: fx.foreign.clarificationId }],
    targetsForeign: true,
  },
  'PUT /api/clarifications/:id/accuser': {
    requests: (fx) => [{ id: fx.foreign.clarificationId, payload: { accuser: '越权', handling: '' } }],
    targetsForeign: true,
  },
};
