import { AuditOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

export const auditModule: WebModule<typeof zhCN> = {
  id: 'audit',
  routes: [{ path: '/audit', page: () => import('./AuditPage.tsx'), menuKey: 'audit' }],
  menu: [{ key: 'audit', path: '/audit', icon: <AuditOutlined />, roles: ['auditor'] }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
