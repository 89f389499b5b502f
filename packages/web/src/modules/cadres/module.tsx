import { SolutionOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/** The cadre roster (花名册), records, imports and corrections. */
export const cadresModule: WebModule<typeof zhCN> = {
  id: 'cadres',
  routes: [
    { path: '/cadres', page: () => import('./CadresPage.tsx'), menuKey: 'cadres' },
    { path: '/cadres/import', page: () => import('./CadreImportPage.tsx'), menuKey: 'cadres' },
    { path: '/cadres/:id', page: () => import('./CadreRecordPage.tsx'), menuKey: 'cadres' },
    // print view without the app frame, so the page prints as the two A4 sheets only
    {
      path: '/cadres/:id/approval-form',
      page: () => import('./approval/ApprovalFormPage.tsx'),
      menuKey: 'cadres',
      frame: 'bare',
    },
  ],
  menu: [
    {
      key: 'cadres',
      path: '/cadres',
      icon: <SolutionOutlined />,
      roles: ['orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
    },
  ],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
