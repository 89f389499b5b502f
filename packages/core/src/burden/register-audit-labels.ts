import type { AuditLabel } from '../platform/audit-labels.ts';

/** How the audit page names what the `registers` part writes: meetings, documents, inspections (督查检查考核), overtime, and their imports. */
export const BURDEN_REGISTER_AUDIT = {
  actions: {},
  routes: {},
  objectTypes: {},
  // by the action code's first part and the route's first segment (shared with the module's other parts)
  modules: { burden: { label: { zh: '减负松绑', en: 'Burden reduction' }, objectType: null } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
