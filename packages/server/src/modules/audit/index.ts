import { AUDIT_PERMISSIONS } from '@ganbu/core/platform/permissions/audit';
import type { ServerModule } from '../../platform/module.ts';
import { auditRoutes } from './routes.ts';

/** 审计日志: the hash-chained audit log, its list, export and verification. */
export const auditModule: ServerModule = {
  name: 'audit',
  routes: [auditRoutes],
  permissions: AUDIT_PERMISSIONS,
};
