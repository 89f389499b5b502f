import type { AuditLabel } from '../platform/audit-labels.ts';

const ELIGIBILITY: AuditLabel = { zh: '资格', en: 'Eligibility' };

/**
 * How the audit page names what the eligibility module records: reads only (the answers reveal discipline
 * records, so every read is kept). Its routes sit under `/api/cadres`, whose module label is the cadre's.
 */
export const ELIGIBILITY_AUDIT = {
  actions: {
    'eligibility.read': { zh: '查看干部资格', en: 'View eligibility' },
    'eligibility.warnings': { zh: '查看从严管理预警', en: 'View early warnings' },
  },
  routes: {},
  objectTypes: {},
  modules: { eligibility: { label: ELIGIBILITY, objectType: 'cadre' } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
