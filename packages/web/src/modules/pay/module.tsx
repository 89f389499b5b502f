import { AccountBookOutlined, CalculatorOutlined, TableOutlined, WalletOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 经济激励 (issue 13): pay runs with explanations, approval, export and what-if (组织部, a unit, 领导); the
 * district's pay tables and statistics (组织部); a cadre's own lines (我的待遇).
 */
export const payModule: WebModule<typeof zhCN> = {
  id: 'pay',
  routes: [
    { path: '/pay/runs', page: () => import('./RunsPage.tsx'), menuKey: 'payRuns' },
    { path: '/pay/runs/:id', page: () => import('./RunPage.tsx'), menuKey: 'payRuns' },
    { path: '/pay/tables', page: () => import('./tables/TablesPage.tsx'), menuKey: 'payTables' },
    { path: '/pay/mine', page: () => import('./MyPayPage.tsx'), menuKey: 'payMine' },
  ],
  menu: [
    {
      key: 'payRuns',
      path: '/pay/runs',
      icon: <CalculatorOutlined />,
      roles: ['orgdept', 'unit_admin', 'leader'],
      group: 'pay',
    },
    { key: 'payTables', path: '/pay/tables', icon: <TableOutlined />, roles: ['orgdept'], group: 'pay' },
    { key: 'payMine', path: '/pay/mine', icon: <WalletOutlined />, roles: ['cadre'], group: 'pay' },
  ],
  menuGroups: [{ key: 'pay', icon: <AccountBookOutlined />, labelKey: 'pay.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
