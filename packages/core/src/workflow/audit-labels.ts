import type { AuditLabel } from '../platform/audit-labels.ts';

const CASE: AuditLabel = { zh: '办理事项', en: 'Case' };

/** How the audit page names what the workflow module writes: its actions, routes, object type, module. */
export const WORKFLOW_AUDIT = {
  actions: {
    'case.open': { zh: '发起事项', en: 'Open case' },
    'case.act': { zh: '办理事项环节', en: 'Act on case step' },
    'case.members': { zh: '增加事项办理人员', en: 'Add case members' },
    'case.read': { zh: '查阅事项', en: 'Read case' },
  },
  routes: {
    'POST /api/cases/:id/actions': { zh: '办理事项环节', en: 'Act on case step' },
  },
  objectTypes: { case: CASE },
  // by the action code's first part (`case.act`) and the route's first segment (`/api/cases`, `/api/inbox`)
  modules: {
    case: { label: CASE, objectType: 'case' },
    cases: { label: CASE, objectType: 'case' },
    inbox: { label: { zh: '待办', en: 'Inbox' }, objectType: 'case' },
  },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
