import { definePermissions } from './define.ts';

/** 结对帮扶: officers of a unit pair and follow up; leaders and the cadre herself read. */
export const PAIRING_PERMISSIONS = definePermissions({
  'pairing.read': ['orgdept', 'unit_admin', 'leader', 'cadre'],
  'pairing.write': ['orgdept', 'unit_admin'],
});
