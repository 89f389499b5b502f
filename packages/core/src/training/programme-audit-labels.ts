import type { AuditLabel } from '../platform/audit-labels.ts';

/** How the audit page names what training writes (filled in with the routes). */
export const TRAINING_AUDIT: {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, AuditLabel>;
} = {
  actions: {},
  routes: {},
  objectTypes: {},
  modules: {},
};
