import { definePermissions } from './define.ts';

export const USER_PERMISSIONS = definePermissions({
  'user.read': ['sysadmin', 'secadmin'],
  'user.write': ['sysadmin'],
  /** only the security administrator grants roles (三员分立) */
  'role.grant': ['secadmin'],
});
