import { definePermissions } from './define.ts';

/**
 * 减负松绑 and 力量保障 (issue 16): 组织部 and a unit administrator keep the registers (meetings, documents,
 * inspections, the work list, overtime) in their scope and read the establishment report; a department's
 * administrator asks to borrow a cadre (借调), the lending street gives its opinion and 组织部 decides through
 * the workflow (`case.act`); leaders read the registers and the summary.
 */
export const BURDEN_PERMISSIONS = definePermissions({
  'burden.read': ['orgdept', 'unit_admin', 'leader'],
  'burden.manage': ['orgdept', 'unit_admin'],
  'borrowing.request': ['orgdept', 'unit_admin'],
});
