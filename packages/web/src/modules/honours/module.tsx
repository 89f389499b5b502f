import { FlagOutlined, StarOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 精神激励 (issue 15): commendation batches with quotas, 公示 and the decision's Word notice (`batches/`), and the hero board of the year's honoured cadres (`board/`).
 */
const OFFICERS = ['orgdept', 'unit_admin', 'leader'] as const;

export const honoursModule: WebModule<typeof zhCN> = {
  id: 'honours',
  routes: [
    { path: '/honours/batches', page: () => import('./batches/BatchesPage.tsx'), menuKey: 'honourBatches' },
    { path: '/honours/batches/:id', page: () => import('./batches/BatchPage.tsx'), menuKey: 'honourBatches' },
    { path: '/honours/board', page: () => import('./board/HeroBoardPage.tsx'), menuKey: 'heroBoard' },
  ],
  menu: [
    {
      key: 'honourBatches',
      path: '/honours/batches',
      icon: <FlagOutlined />,
      roles: OFFICERS,
      group: 'honours',
    },
    {
      key: 'heroBoard',
      path: '/honours/board',
      icon: <StarOutlined />,
      roles: ['orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
      group: 'honours',
    },
  ],
  menuGroups: [{ key: 'honours', icon: <TrophyOutlined />, labelKey: 'honours.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
