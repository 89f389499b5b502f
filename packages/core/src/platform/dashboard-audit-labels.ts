import type { AuditLabel } from './audit-labels.ts';

/** How the audit page names what the dashboards write (exports). */
export const DASHBOARD_AUDIT = {
  actions: {},
  routes: {},
  objectTypes: {},
  // by the action code's first part and the route's first segment (shared with the module's other parts)
  modules: { dashboard: { label: { zh: '大数据分析', en: 'Dashboards' }, objectType: null } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
