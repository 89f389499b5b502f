import type { AuditLabel } from '../platform/audit-labels.ts';

const CARE: AuditLabel = { zh: '关心关爱', en: 'Care' };

/** How the audit page names what care's `health/` writes: health checks, care officers, support requests. */
export const CARE_HEALTH_AUDIT = {
  actions: {
    'care.health.mark': { zh: '登记已体检', en: 'Record health checks done' },
    'care.health.update': { zh: '更正体检登记', en: 'Correct a health check' },
    'care.health.delete': { zh: '撤销体检登记', en: 'Withdraw a health check' },
    'care.officer.designate': { zh: '指定关爱专员', en: 'Designate care officer' },
    'care.officer.deactivate': { zh: '取消关爱专员', en: 'Withdraw care officer' },
    'care.support.create': { zh: '提出心理支持请求', en: 'Ask for support' },
    'care.support.answer': { zh: '答复心理支持请求', en: 'Answer support request' },
    'care.support.close': { zh: '关闭心理支持请求', en: 'Close support request' },
  },
  routes: {
    'POST /api/care/health/checks': { zh: '登记已体检', en: 'Record health checks done' },
    'PUT /api/care/health/checks/:id': { zh: '更正体检登记', en: 'Correct a health check' },
    'DELETE /api/care/health/checks/:id': { zh: '撤销体检登记', en: 'Withdraw a health check' },
    'POST /api/care/officers': { zh: '指定关爱专员', en: 'Designate care officer' },
    'POST /api/care/officers/:id/deactivate': { zh: '取消关爱专员', en: 'Withdraw care officer' },
    'POST /api/care/support': { zh: '提出心理支持请求', en: 'Ask for support' },
    'POST /api/care/support/:id/answer': { zh: '答复心理支持请求', en: 'Answer support request' },
    'POST /api/care/support/:id/close': { zh: '关闭心理支持请求', en: 'Close support request' },
  },
  objectTypes: {
    care_health_check: { zh: '体检登记', en: 'Health check' },
    care_officer: { zh: '关爱专员', en: 'Care officer' },
    care_support_request: { zh: '心理支持请求', en: 'Support request' },
  },
  // by the action code's first part and the route's first segment (shared with the other care parts)
  modules: { care: { label: CARE, objectType: null } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
