import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

export const securityModule: WebModule<typeof zhCN> = {
  id: 'security',
  routes: [{ path: '/security', page: () => import('./SecuritySettingsPage.tsx'), menuKey: 'security' }],
  menu: [{ key: 'security', path: '/security', icon: <SafetyCertificateOutlined />, roles: ['secadmin'] }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
