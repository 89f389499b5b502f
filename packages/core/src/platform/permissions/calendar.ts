import { definePermissions } from './define.ts';

/**
 * 工作日历: every business role and the cadre read the working-day calendar (deadlines are counted in
 * working days); only 组织部 changes the district's overrides. The three administrators have no business data.
 */
export const CALENDAR_PERMISSIONS = definePermissions({
  'calendar.read': ['orgdept', 'unit_admin', 'leader', 'discipline', 'cadre'],
  'calendar.write': ['orgdept'],
});
