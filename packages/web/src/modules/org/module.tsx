import { ApartmentOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

export const orgModule: WebModule<typeof zhCN> = {
  id: 'org',
  routes: [{ path: '/orgs', page: () => import('./OrgPage.tsx'), menuKey: 'orgs' }],
  menu: [
    {
      key: 'orgs',
      path: '/orgs',
      icon: <ApartmentOutlined />,
      roles: ['sysadmin', 'orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
    },
  ],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
