import {
  CalendarOutlined,
  CheckSquareOutlined,
  ReadOutlined,
  ThunderboltOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 教育培训 (issue 15): programmes with enrolment and attendance (`programmes/`), the compliance report (`compliance/`), a cadre's own training (`mine/`), remote-education stations (`stations/`) and practice postings (`practice/`).
 */
const OFFICERS = ['orgdept', 'unit_admin', 'leader'] as const;

export const trainingModule: WebModule<typeof zhCN> = {
  id: 'training',
  routes: [
    {
      path: '/training/programmes',
      page: () => import('./programmes/ProgrammesPage.tsx'),
      menuKey: 'trainingProgrammes',
    },
    {
      path: '/training/programmes/:id',
      page: () => import('./programmes/ProgrammePage.tsx'),
      menuKey: 'trainingProgrammes',
    },
    {
      path: '/training/compliance',
      page: () => import('./compliance/CompliancePage.tsx'),
      menuKey: 'trainingCompliance',
    },
    {
      path: '/training/stations',
      page: () => import('./stations/StationsPage.tsx'),
      menuKey: 'trainingStations',
    },
    {
      path: '/training/practice',
      page: () => import('./practice/PracticePage.tsx'),
      menuKey: 'practicePostings',
    },
    { path: '/training/mine', page: () => import('./mine/MyTrainingPage.tsx'), menuKey: 'trainingMine' },
  ],
  menu: [
    {
      key: 'trainingProgrammes',
      path: '/training/programmes',
      icon: <CalendarOutlined />,
      roles: OFFICERS,
      group: 'training',
    },
    {
      key: 'trainingCompliance',
      path: '/training/compliance',
      icon: <CheckSquareOutlined />,
      roles: OFFICERS,
      group: 'training',
    },
    {
      key: 'trainingStations',
      path: '/training/stations',
      icon: <WifiOutlined />,
      roles: OFFICERS,
      group: 'training',
    },
    {
      key: 'practicePostings',
      path: '/training/practice',
      icon: <ThunderboltOutlined />,
      roles: OFFICERS,
      group: 'training',
    },
    {
      key: 'trainingMine',
      path: '/training/mine',
      icon: <ReadOutlined />,
      roles: ['cadre'],
      group: 'training',
    },
  ],
  menuGroups: [{ key: 'training', icon: <ReadOutlined />, labelKey: 'training.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
