import { definePermissions } from './define.ts';

export const ORG_PERMISSIONS = definePermissions({
  'org.read': ['sysadmin', 'secadmin', 'orgdept', 'unit_admin', 'leader', 'cadre'],
  'org.write': ['sysadmin', 'orgdept'],
});
