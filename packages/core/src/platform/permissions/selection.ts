import { definePermissions } from './define.ts';

/**
 * 选拔任用与结构 (issue 14): 组织部 reads the structure indicators, defines new ones (preview; saving goes
 * through pack.write), runs selection processes, after-appointment reviews, unfit measures and exchanges;
 * 领导 and a unit administrator read them in their scope; the pools are kept by 组织部 and, for their own
 * villages and communities, by the unit administrator (nomination).
 */
export const SELECTION_PERMISSIONS = definePermissions({
  'indicator.read': ['orgdept', 'unit_admin', 'leader'],
  'indicator.define': ['orgdept'],
  'selection.read': ['orgdept', 'unit_admin', 'leader'],
  'selection.manage': ['orgdept'],
  'pool.read': ['orgdept', 'unit_admin', 'leader'],
  'pool.manage': ['orgdept', 'unit_admin'],
});
