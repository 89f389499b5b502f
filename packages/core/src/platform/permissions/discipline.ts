import { definePermissions } from './define.ts';

/**
 * 从严管理, 容错纠错, 澄清正名 (issue 12): 组织部 and 纪检联络 read and write; the cadre reads their own
 * outcomes (row-level security narrows to them); a unit files risk projects and applies for tolerance for
 * its cadres, and the cadre for themself; the accuser of a false accusation is for 纪检联络 alone.
 */
export const DISCIPLINE_PERMISSIONS = definePermissions({
  'discipline.read': ['orgdept', 'discipline', 'cadre'],
  'discipline.write': ['orgdept', 'discipline'],
  'risk_filing.read': ['orgdept', 'discipline', 'unit_admin'],
  'risk_filing.write': ['orgdept', 'unit_admin'],
  'tolerance.apply': ['orgdept', 'discipline', 'unit_admin', 'cadre'],
  'clarification.accuser': ['discipline'],
});
