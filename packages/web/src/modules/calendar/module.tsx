import { CalendarOutlined, SettingOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/** 工作日历: holidays, make-up workdays, the district's overrides, and the deadline calculator. */
export const calendarModule: WebModule<typeof zhCN> = {
  id: 'calendar',
  routes: [{ path: '/settings/calendar', page: () => import('./CalendarPage.tsx'), menuKey: 'calendar' }],
  menu: [
    {
      key: 'calendar',
      path: '/settings/calendar',
      icon: <CalendarOutlined />,
      // 组织部 keeps it; a leader reads it
      roles: ['orgdept', 'leader'],
      group: 'system',
    },
  ],
  menuGroups: [{ key: 'system', icon: <SettingOutlined />, labelKey: 'system.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
