import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The survey module's `needs` routes in the route-scope matrix: the foreign street's open survey (read, codes
 * issued and revoked, closed), its closed survey's results and recommendation, a survey opened for the foreign
 * street, and the public answer with the foreign survey's bearer code.
 */
export const needsMatrix: ModuleMatrix = {
  'GET /api/surveys': { requests: () => [{}], targetsForeign: false },
  // the recommendation for a foreign unit: the reader's visible surveys only (none covers it)
  'GET /api/surveys/recommendation': {
    requests: (fx) => [{ query: { orgId: fx.foreign.orgId } }, { query: { orgId: fx.foreign.villageId } }],
    targetsForeign: false,
  },
  'GET /api/surveys/:id': {
    requests: (fx) => [{ id: fx.foreign.survey.surveyId }, { id: fx.foreign.survey.closedId }],
    targetsForeign: true,
  },
  'GET /api/surveys/:id/results': {
    requests: (fx) => [{ id: fx.foreign.survey.closedId }],
    targetsForeign: true,
  },
  'POST /api/surveys': {
    requests: (fx) => [
      {
        payload: {
          title: '越权调查',
          orgId: fx.foreign.orgId,
          opensOn: '2026-11-01',
          closesOn: '2026-11-30',
        },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/surveys/:id/codes': {
    requests: (fx) => [
      { id: fx.foreign.survey.surveyId, payload: { orgId: fx.foreign.orgId, count: 1 } },
      { id: fx.foreign.survey.surveyId, payload: { orgId: fx.own.orgId, count: 1 } },
    ],
    targetsForeign: true,
  },
  'POST /api/surveys/:id/codes/revoke': {
    requests: (fx) => [{ id: fx.foreign.survey.surveyId, payload: { code: fx.foreign.survey.code } }],
    targetsForeign: true,
  },
  'POST /api/surveys/:id/close': {
    requests: (fx) => [{ id: fx.foreign.survey.surveyId }],
    targetsForeign: true,
  },
  // the public answer: a code of the foreign street is a bearer credential, valid for anyone holding it —
  // its questions are shown by design; an answer that does not fit is refused and changes nothing
  'GET /api/ballot/:token/survey': {
    requests: () => [{ params: { token: 'XXXX-XXXX-XXXX-XXXX' } }],
    targetsForeign: false,
  },
  // a code of the foreign street is a bearer credential (as a ballot slip): an answer that does not fit is
  // refused and changes nothing (the matrix opens a new refusal window before each anonymous mutation)
  'POST /api/ballot/:token/survey': {
    requests: (fx) => [
      {
        params: { token: fx.foreign.survey.code },
        payload: {
          rankBand: 'nowhere',
          postBand: 'staff',
          educationBand: 'university',
          picks: ['political'],
        },
      },
    ],
    targetsForeign: true,
  },
};

/** The foreign street's surveys, codes, pool and answers in the route matrix's fingerprint (`$1`: its org path). */
export const fingerprint: string[] = [
  `SELECT string_agg(s::text, '|' ORDER BY s.id) FROM needs_surveys s WHERE s.org_path <@ $1::ltree`,
  `SELECT string_agg(k::text, '|' ORDER BY k.id) FROM needs_survey_codes k
     WHERE k.survey_id IN (SELECT id FROM needs_surveys WHERE org_path <@ $1::ltree)`,
  `SELECT count(*)::text FROM needs_answers_pending p
     WHERE p.survey_id IN (SELECT id FROM needs_surveys WHERE org_path <@ $1::ltree)`,
  `SELECT string_agg(a::text, '|' ORDER BY a.id) FROM needs_answers a
     WHERE a.survey_id IN (SELECT id FROM needs_surveys WHERE org_path <@ $1::ltree)`,
];
