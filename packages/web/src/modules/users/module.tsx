import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

export const usersModule: WebModule<typeof zhCN> = {
  id: 'users',
  routes: [{ path: '/users', page: () => import('./UsersPage.tsx'), menuKey: 'users' }],
  menu: [{ key: 'users', path: '/users', icon: <TeamOutlined />, roles: ['sysadmin', 'secadmin'] }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
