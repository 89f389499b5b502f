import { definePermissions } from './define.ts';

export const AUDIT_PERMISSIONS = definePermissions({
  'audit.read': ['auditor'],
});
