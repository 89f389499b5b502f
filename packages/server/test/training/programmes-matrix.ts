import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The training module's `programmes` routes in the route-scope matrix: the foreign street's dispatch
 * programme with its session, the foreign cadre's enrolment and attendance, and foreign cadres or units in
 * the bodies and queries of new ones.
 */
export const programmesMatrix: ModuleMatrix = {
  'GET /api/training/policy': { requests: () => [{}], targetsForeign: false },
  'GET /api/training/programmes': {
    requests: (fx) => [{}, { query: 'year=2026' }, { query: `organiserOrgId=${fx.foreign.orgId}` }],
    targetsForeign: false,
  },
  'POST /api/training/programmes': {
    requests: (fx) => [
      // organised by the foreign street, and an own programme aimed at the foreign street
      {
        payload: {
          name: '越权培训班',
          kindId: 'special',
          organiserOrgId: fx.foreign.orgId,
          startOn: '2026-12-01',
          endOn: '2026-12-02',
          days: 2,
          enrolmentMode: 'application',
        },
      },
      {
        payload: {
          name: '越权培训班',
          kindId: 'special',
          organiserOrgId: fx.own.orgId,
          startOn: '2026-12-01',
          endOn: '2026-12-02',
          days: 2,
          target: { orgIds: [fx.foreign.orgId], condition: null },
          enrolmentMode: 'application',
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/training/programmes/:id': {
    requests: (fx) => [{ id: fx.foreign.training.programmeId }],
    targetsForeign: true,
  },
  'POST /api/training/programmes/:id/enrolments': {
    requests: (fx) => [
      { id: fx.foreign.training.programmeId, payload: { cadreIds: [fx.own.cadreId] } },
      { id: fx.foreign.training.programmeId, payload: { cadreIds: [fx.foreign.cadreId] } },
    ],
    targetsForeign: true,
  },
  'POST /api/training/programmes/:id/apply': {
    requests: (fx) => [{ id: fx.foreign.training.programmeId, payload: { note: '越权报名' } }],
    targetsForeign: true,
  },
  'POST /api/training/programmes/:id/attendance': {
    requests: (fx) => [
      {
        id: fx.foreign.training.programmeId,
        payload: {
          sessionId: fx.foreign.training.sessionId,
          records: [{ cadreId: fx.foreign.cadreId, attended: false, leaveReason: '越权' }],
        },
      },
    ],
    targetsForeign: true,
  },
  'GET /api/training/programmes/:id/attendance': {
    requests: (fx) => [{ id: fx.foreign.training.programmeId }],
    targetsForeign: true,
  },
  'GET /api/training/enrolments': {
    requests: (fx) => [
      {},
      { query: 'mustSend=true' },
      { query: `programmeId=${fx.foreign.training.programmeId}` },
    ],
    targetsForeign: false,
  },
  'POST /api/training/enrolments/:id/decide': {
    requests: (fx) => [
      { id: fx.foreign.training.enrolmentId, payload: { decision: 'reject', reason: '越权' } },
    ],
    targetsForeign: true,
  },
  'POST /api/training/enrolments/:id/confirm': {
    requests: (fx) => [{ id: fx.foreign.training.enrolmentId, payload: {} }],
    targetsForeign: true,
  },
  'POST /api/training/enrolments/:id/substitute': {
    requests: (fx) => [
      {
        id: fx.foreign.training.enrolmentId,
        payload: { substituteCadreId: fx.own.cadreId, reason: '越权替换' },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/training/enrolments/:id/substitution': {
    requests: (fx) => [{ id: fx.foreign.training.enrolmentId, payload: { accept: true, note: '越权' } }],
    targetsForeign: true,
  },
  'GET /api/training/compliance': {
    requests: (fx) => [{}, { query: 'year=2026&asOf=2026-10-20' }, { query: `orgId=${fx.foreign.orgId}` }],
    targetsForeign: false,
  },
  'GET /api/training/cadres/:id/record': {
    requests: (fx) => [{ id: fx.foreign.cadreId }],
    targetsForeign: true,
  },
  'GET /api/training/mine': { requests: () => [{}, { query: 'year=2026' }], targetsForeign: false },
  'GET /api/training/holding': { requests: () => [{}, { query: 'year=2026' }], targetsForeign: false },
  'POST /api/training/warnings': {
    requests: () => [{ payload: { asOf: '2026-10-20' } }],
    targetsForeign: false,
  },
};
