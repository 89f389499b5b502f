import { DashboardOutlined, LineChartOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 大数据分析 (issue 16, R-RPT-1/2): the dashboard of the reader's level (`overview/`), every figure drilling
 * down to the people or records it counts. Its charts load only with these pages.
 */
export const dashboardModule: WebModule<typeof zhCN> = {
  id: 'dashboard',
  routes: [{ path: '/dashboard', page: () => import('./overview/DashboardPage.tsx'), menuKey: 'dashboard' }],
  menu: [
    {
      key: 'dashboard',
      path: '/dashboard',
      icon: <DashboardOutlined />,
      roles: ['orgdept', 'unit_admin', 'leader'],
      group: 'analysis',
    },
  ],
  menuGroups: [{ key: 'analysis', icon: <LineChartOutlined />, labelKey: 'analysis.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
