import type { AuditLabel } from './audit-labels.ts';

/** How the audit page names what the dashboards record: the drill-down lists (names read) and the exports. */
export const DASHBOARD_AUDIT = {
  actions: {
    'dashboard.drill': { zh: '查看看板下钻名单', en: 'Read a dashboard drill-down list' },
    'dashboard.export': { zh: '导出看板表格', en: 'Export a dashboard table' },
    'dashboard.drill.export': { zh: '导出看板下钻名单', en: 'Export a dashboard drill-down list' },
  },
  routes: {},
  objectTypes: { dashboard: { zh: '数据看板', en: 'Dashboard' } },
  // by the action code's first part and the route's first segment (shared with the module's other parts)
  modules: { dashboard: { label: { zh: '大数据分析', en: 'Dashboards' }, objectType: null } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
