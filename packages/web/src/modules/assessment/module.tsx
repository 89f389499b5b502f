import {
  BarChartOutlined,
  BookOutlined,
  EditOutlined,
  FileDoneOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

const OFFICERS = ['orgdept', 'unit_admin', 'leader'] as const;

/** 考核评价: rounds, results, leaderboard, one's ballots and results, policy packs. */
export const assessmentModule: WebModule<typeof zhCN> = {
  id: 'assessment',
  routes: [
    {
      path: '/assessment/rounds',
      page: () => import('./rounds/RoundsPage.tsx'),
      menuKey: 'assessmentRounds',
    },
    {
      path: '/assessment/rounds/:id',
      page: () => import('./round/RoundPage.tsx'),
      menuKey: 'assessmentRounds',
    },
    { path: '/assessment/mine', page: () => import('./mine/MyResultsPage.tsx'), menuKey: 'assessmentMine' },
    { path: '/assessment/packs', page: () => import('./packs/PacksPage.tsx'), menuKey: 'assessmentPacks' },
    {
      path: '/assessment/packs/edit/:id',
      page: () => import('./pack-edit/PackEditPage.tsx'),
      menuKey: 'assessmentPacks',
    },
    {
      path: '/assessment/leaderboard',
      page: () => import('./leaderboard/LeaderboardPage.tsx'),
      menuKey: 'assessmentLeaderboard',
    },
    {
      path: '/assessment/my-ballots',
      page: () => import('./my-ballots/MyBallotsPage.tsx'),
      menuKey: 'assessmentBallots',
    },
    // ballot slips of a batch just issued, to print (the round page opens it in a new tab)
    { path: '/assessment/tokens/print', page: () => import('./tokens/TokenSheetPage.tsx'), frame: 'bare' },
  ],
  menuGroups: [{ key: 'assessment', icon: <TrophyOutlined />, labelKey: 'assessment.menuGroup' }],
  menu: [
    {
      key: 'assessmentRounds',
      path: '/assessment/rounds',
      icon: <UnorderedListOutlined />,
      roles: OFFICERS,
      group: 'assessment',
    },
    {
      key: 'assessmentLeaderboard',
      path: '/assessment/leaderboard',
      icon: <BarChartOutlined />,
      roles: [...OFFICERS, 'cadre'],
      group: 'assessment',
    },
    {
      key: 'assessmentBallots',
      path: '/assessment/my-ballots',
      icon: <EditOutlined />,
      roles: [...OFFICERS, 'cadre'],
      group: 'assessment',
    },
    {
      key: 'assessmentMine',
      path: '/assessment/mine',
      icon: <FileDoneOutlined />,
      roles: ['cadre'],
      group: 'assessment',
    },
    {
      key: 'assessmentPacks',
      path: '/assessment/packs',
      icon: <BookOutlined />,
      roles: [...OFFICERS, 'cadre'],
      group: 'assessment',
    },
  ],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
