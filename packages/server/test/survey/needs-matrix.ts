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
  // no request here: every refusal of an anonymous public route is counted in the shared refusal window
  // (refusal-audit.ts: the first 5 of a window written, the rest counted), and a second anonymous POST per
  // actor (after the ballot's) pushes the ballot's own refusal past it, failing the matrix's audit-row check for
  // a route that did nothing wrong. The answer with a foreign street's code is a bearer credential by design
  // (as a ballot slip); refusals changing nothing are covered in test/survey/needs.test.ts.
  'POST /api/ballot/:token/survey': {
    requests: () => [],
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
