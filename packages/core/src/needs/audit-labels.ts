import type { AuditLabel } from '../platform/audit-labels.ts';

/** How the audit page names what the needs survey writes: surveys, their one-time codes, closing. */
export const NEEDS_AUDIT = {
  actions: {},
  routes: {},
  objectTypes: {},
  // by the action code's first part and the route's first segment (shared with the module's other parts)
  modules: { survey: { label: { zh: '精准激励', en: 'Precision incentives' }, objectType: null } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
