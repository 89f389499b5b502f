import type { AuditLabel } from '../platform/audit-labels.ts';

/** How the audit page names what the needs survey writes: surveys, their one-time codes, closing. */
export const NEEDS_AUDIT = {
  actions: {
    'survey.create': { zh: '发起需求调查', en: 'Open needs survey' },
    'survey.codes.issue': { zh: '发放调查码', en: 'Issue survey codes' },
    'survey.codes.revoke': { zh: '作废调查码', en: 'Revoke survey code' },
    'survey.close': { zh: '结束需求调查', en: 'Close needs survey' },
  },
  routes: {
    'POST /api/surveys': { zh: '发起需求调查', en: 'Open needs survey' },
    'POST /api/surveys/:id/codes': { zh: '发放调查码', en: 'Issue survey codes' },
    'POST /api/surveys/:id/codes/revoke': { zh: '作废调查码', en: 'Revoke survey code' },
    'POST /api/surveys/:id/close': { zh: '结束需求调查', en: 'Close needs survey' },
    // the public answer (no account; nothing of it is audited one by one, as a ballot)
    'POST /api/ballot/:token/survey': { zh: '填写需求调查问卷', en: 'Answer needs survey' },
  },
  objectTypes: {
    needs_survey: { zh: '需求调查', en: 'Needs survey' },
  },
  // by the action code's first part and the route's first segment (shared with the module's other parts)
  modules: {
    survey: { label: { zh: '精准激励', en: 'Precision incentives' }, objectType: null },
    surveys: { label: { zh: '精准激励', en: 'Precision incentives' }, objectType: 'needs_survey' },
  },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
