import type { AuditLabel } from '../platform/audit-labels.ts';

/** How the audit page names what care (leave, hardship aid, families of cadres who died on duty) writes (filled in with the routes). */
export const CARE_AID_AUDIT: {
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
