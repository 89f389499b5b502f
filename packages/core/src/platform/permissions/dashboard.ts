import { definePermissions } from './define.ts';

/**
 * 大数据分析 (issue 16, R-RPT-1/2): the dashboard of one's own level (the district for 组织部, a unit for its
 * administrator, the units a leader oversees), each figure drilling down within the reader's data scope.
 */
export const DASHBOARD_PERMISSIONS = definePermissions({
  'dashboard.read': ['orgdept', 'unit_admin', 'leader'],
});
