import { InboxOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 待办: the steps of cases waiting for the user, the matters they opened, reminders posted to them, and a
 * case's own page. Its `CaseTimeline` and `CaseActions` (components/) serve every module that shows a case.
 */
export const inboxModule: WebModule<typeof zhCN> = {
  id: 'inbox',
  routes: [
    { path: '/inbox', page: () => import('./InboxPage.tsx'), menuKey: 'inbox' },
    { path: '/inbox/cases/:id', page: () => import('./CasePage.tsx'), menuKey: 'inbox' },
  ],
  menu: [
    {
      key: 'inbox',
      path: '/inbox',
      icon: <InboxOutlined />,
      roles: ['orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
    },
  ],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
