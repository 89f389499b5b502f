import {
  ApartmentOutlined,
  AuditOutlined,
  FundProjectionScreenOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 选拔任用与结构 (issue 14): structure indicators with drill-down to people and the indicator editor
 * (`indicators/`), selection processes with 公示 and objections (`process/`), reserve and young-cadre pools
 * (`pools/`), post-appointment reviews, unfit measures and exchanges (`after/`).
 */
const OFFICERS = ['orgdept', 'unit_admin', 'leader'] as const;

export const selectionModule: WebModule<typeof zhCN> = {
  id: 'selection',
  routes: [
    {
      path: '/selection/indicators',
      page: () => import('./indicators/IndicatorsPage.tsx'),
      menuKey: 'indicators',
    },
    {
      path: '/selection/indicators/:id',
      page: () => import('./indicators/IndicatorPage.tsx'),
      menuKey: 'indicators',
    },
    {
      path: '/selection/processes',
      page: () => import('./process/ProcessesPage.tsx'),
      menuKey: 'selectionProcesses',
    },
    {
      path: '/selection/processes/:id',
      page: () => import('./process/ProcessPage.tsx'),
      menuKey: 'selectionProcesses',
    },
    { path: '/selection/pools', page: () => import('./pools/PoolsPage.tsx'), menuKey: 'pools' },
    { path: '/selection/after', page: () => import('./after/AfterPage.tsx'), menuKey: 'selectionAfter' },
  ],
  menu: [
    {
      key: 'indicators',
      path: '/selection/indicators',
      icon: <FundProjectionScreenOutlined />,
      roles: OFFICERS,
      group: 'selection',
    },
    {
      key: 'selectionProcesses',
      path: '/selection/processes',
      icon: <SolutionOutlined />,
      roles: OFFICERS,
      group: 'selection',
    },
    { key: 'pools', path: '/selection/pools', icon: <TeamOutlined />, roles: OFFICERS, group: 'selection' },
    {
      key: 'selectionAfter',
      path: '/selection/after',
      icon: <AuditOutlined />,
      roles: OFFICERS,
      group: 'selection',
    },
  ],
  menuGroups: [{ key: 'selection', icon: <ApartmentOutlined />, labelKey: 'selection.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
