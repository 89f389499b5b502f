import { definePermissions } from './define.ts';

export const CADRE_PERMISSIONS = definePermissions({
  'cadre.read': ['orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
  'cadre.write': ['orgdept', 'unit_admin'],
  /** see ID number, phone, health and family in clear (each read audited) */
  'cadre.sensitive': ['orgdept', 'unit_admin'],
});
