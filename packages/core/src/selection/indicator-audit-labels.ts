import type { AuditLabel } from '../platform/audit-labels.ts';

const INDICATORS: AuditLabel = { zh: '结构指标', en: 'Structure indicators' };

/**
 * How the audit page names what the structure indicators record: the list of the people behind a number
 * (it names people, so every read is kept) and the editor's preview (a POST that writes nothing, audited
 * by the platform under its route).
 */
export const INDICATOR_AUDIT = {
  actions: {
    'indicator.people': { zh: '查看结构指标人员名单', en: 'Read the people behind an indicator' },
  },
  routes: {
    'POST /api/indicators/preview': { zh: '预览结构指标', en: 'Preview an indicator' },
  },
  objectTypes: { indicator: INDICATORS },
  modules: {
    indicator: { label: INDICATORS, objectType: 'indicator' },
    indicators: { label: INDICATORS, objectType: 'indicator' },
  },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
