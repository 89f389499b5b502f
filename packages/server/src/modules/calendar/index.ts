import { CALENDAR_PERMISSIONS } from '@ganbu/core/platform/permissions/calendar';
import type { ServerModule } from '../../platform/module.ts';
import { calendarRoutes } from './routes.ts';

/** 工作日历 (issue 12 §4): national holidays and make-up workdays, the district's overrides, deadlines. */
export const calendarModule: ServerModule = {
  name: 'calendar',
  routes: [calendarRoutes],
  permissions: CALENDAR_PERMISSIONS,
};
