import { definePermissions } from './define.ts';

export const SETTINGS_PERMISSIONS = definePermissions({
  /** the district-wide security policy */
  'settings.write': ['secadmin'],
});
