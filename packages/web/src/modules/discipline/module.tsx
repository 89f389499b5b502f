import {
  AuditOutlined,
  FileProtectOutlined,
  SafetyOutlined,
  SolutionOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

const OFFICERS = ['orgdept', 'discipline'] as const;

/** 从严管理: records, risk pre-filing, tolerance cases and clarification (组织部, 纪检联络; a unit files and applies). */
export const disciplineModule: WebModule<typeof zhCN> = {
  id: 'discipline',
  routes: [
    { path: '/discipline/records', page: () => import('./RecordsPage.tsx'), menuKey: 'disciplineRecords' },
    { path: '/discipline/risk-filings', page: () => import('./RiskFilingsPage.tsx'), menuKey: 'riskFilings' },
    {
      path: '/discipline/tolerance',
      page: () => import('./ToleranceCasesPage.tsx'),
      menuKey: 'toleranceCases',
    },
    {
      path: '/discipline/tolerance/:id',
      page: () => import('./ToleranceCasePage.tsx'),
      menuKey: 'toleranceCases',
    },
    {
      path: '/discipline/clarifications',
      page: () => import('./ClarificationsPage.tsx'),
      menuKey: 'clarifications',
    },
    {
      path: '/discipline/clarifications/:id',
      page: () => import('./ClarificationPage.tsx'),
      menuKey: 'clarifications',
    },
  ],
  menu: [
    {
      key: 'disciplineRecords',
      path: '/discipline/records',
      icon: <AuditOutlined />,
      roles: OFFICERS,
      group: 'discipline',
    },
    {
      key: 'riskFilings',
      path: '/discipline/risk-filings',
      icon: <FileProtectOutlined />,
      roles: [...OFFICERS, 'unit_admin'],
      group: 'discipline',
    },
    {
      key: 'toleranceCases',
      path: '/discipline/tolerance',
      icon: <ToolOutlined />,
      roles: [...OFFICERS, 'unit_admin'],
      group: 'discipline',
    },
    {
      key: 'clarifications',
      path: '/discipline/clarifications',
      icon: <SolutionOutlined />,
      roles: OFFICERS,
      group: 'discipline',
    },
  ],
  menuGroups: [{ key: 'discipline', icon: <SafetyOutlined />, labelKey: 'discipline.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
