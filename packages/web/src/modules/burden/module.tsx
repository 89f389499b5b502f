import {
  BarChartOutlined,
  ContainerOutlined,
  FileSearchOutlined,
  SwapOutlined,
  UnorderedListOutlined,
  ApartmentOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 减负松绑 and 力量保障 (issue 16): the yearly summary and the meeting, document, inspection and overtime
 * registers (`registers/`), borrowings and the establishment report (`staffing/`), the village/community
 * work list (`worklist/`).
 */
const OFFICERS = ['orgdept', 'unit_admin', 'leader'] as const;

export const burdenModule: WebModule<typeof zhCN> = {
  id: 'burden',
  routes: [
    { path: '/burden/summary', page: () => import('./registers/SummaryPage.tsx'), menuKey: 'burdenSummary' },
    {
      path: '/burden/registers',
      page: () => import('./registers/RegistersPage.tsx'),
      menuKey: 'burdenRegisters',
    },
    {
      path: '/burden/borrowings',
      page: () => import('./staffing/BorrowingsPage.tsx'),
      menuKey: 'burdenBorrowings',
    },
    {
      path: '/burden/establishment',
      page: () => import('./staffing/EstablishmentPage.tsx'),
      menuKey: 'burdenEstablishment',
    },
    {
      path: '/burden/worklist',
      page: () => import('./worklist/WorkListPage.tsx'),
      menuKey: 'burdenWorkList',
    },
  ],
  menu: [
    {
      key: 'burdenSummary',
      path: '/burden/summary',
      icon: <BarChartOutlined />,
      roles: OFFICERS,
      group: 'burden',
    },
    {
      key: 'burdenRegisters',
      path: '/burden/registers',
      icon: <ContainerOutlined />,
      roles: OFFICERS,
      group: 'burden',
    },
    {
      key: 'burdenBorrowings',
      path: '/burden/borrowings',
      icon: <SwapOutlined />,
      roles: OFFICERS,
      group: 'burden',
    },
    {
      key: 'burdenEstablishment',
      path: '/burden/establishment',
      icon: <ApartmentOutlined />,
      roles: OFFICERS,
      group: 'burden',
    },
    {
      key: 'burdenWorkList',
      path: '/burden/worklist',
      icon: <UnorderedListOutlined />,
      roles: OFFICERS,
      group: 'burden',
    },
  ],
  menuGroups: [{ key: 'burden', icon: <FileSearchOutlined />, labelKey: 'burden.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
