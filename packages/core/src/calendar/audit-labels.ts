import type { AuditLabel } from '../platform/audit-labels.ts';

const CALENDAR: AuditLabel = { zh: '工作日历', en: 'Working-day calendar' };

/** How the audit page names what the calendar module writes: its actions, routes, object type, module. */
export const CALENDAR_AUDIT = {
  actions: {
    'calendar.override.create': { zh: '新增工作日历调整', en: 'Add calendar override' },
    'calendar.override.delete': { zh: '删除工作日历调整', en: 'Delete calendar override' },
  },
  routes: {
    'POST /api/calendar/overrides': { zh: '新增工作日历调整', en: 'Add calendar override' },
    'DELETE /api/calendar/overrides/:day': { zh: '删除工作日历调整', en: 'Delete calendar override' },
  },
  objectTypes: { calendar_override: CALENDAR },
  // by the action code's first part (`calendar.override.create`) and the route's first segment (`/api/calendar`)
  modules: { calendar: { label: CALENDAR, objectType: 'calendar_override' } },
} satisfies {
  actions: Record<string, AuditLabel>;
  routes: Record<string, AuditLabel>;
  objectTypes: Record<string, AuditLabel>;
  modules: Record<string, { label: AuditLabel; objectType: string | null }>;
};
