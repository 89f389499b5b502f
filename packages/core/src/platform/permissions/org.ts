import { definePermissions } from './define.ts';

export const ORG_PERMISSIONS = definePermissions({
  'org.read': ['sysadmin', 'secadmin', 'orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
  'org.write': ['sysadmin', 'orgdept'],
});
