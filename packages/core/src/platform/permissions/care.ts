import { definePermissions } from './define.ts';

/**
 * 关心关爱 (issue 15): 组织部 and a unit administrator keep health checks, leave, hardship aid and pairings in
 * their scope and read coverage; leaders read coverage and record the talks they hold; a cadre sees their own
 * leave and checks, asks for a talk (双向约谈) or for support. Talk content and mental-health requests are
 * restricted further by row (named persons only).
 */
export const CARE_PERMISSIONS = definePermissions({
  'care.read': ['orgdept', 'unit_admin', 'leader'],
  'care.manage': ['orgdept', 'unit_admin'],
  'care.mine': ['cadre'],
  'talk.read': ['orgdept', 'leader'],
  'talk.write': ['orgdept', 'leader'],
});
