import {
  CoffeeOutlined,
  CommentOutlined,
  GiftOutlined,
  HeartOutlined,
  MedicineBoxOutlined,
  PieChartOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/**
 * 关心关爱 (issue 15): health checks and support requests (`health/`), coverage (`coverage/`), leave (`leave/`), hardship aid and families of cadres who died on duty (`aid/`), heart-to-heart talks and two-way appointments (`talks/`), and a cadre's own page (`mine/`: leave, checks, requests). The pairing module's 结对帮扶 sits in the same menu group.
 */
const OFFICERS = ['orgdept', 'unit_admin', 'leader'] as const;

export const careModule: WebModule<typeof zhCN> = {
  id: 'care',
  routes: [
    { path: '/care/health', page: () => import('./health/HealthPage.tsx'), menuKey: 'careHealth' },
    { path: '/care/coverage', page: () => import('./coverage/CoveragePage.tsx'), menuKey: 'careCoverage' },
    { path: '/care/leave', page: () => import('./leave/LeavePage.tsx'), menuKey: 'careLeave' },
    { path: '/care/aid', page: () => import('./aid/AidPage.tsx'), menuKey: 'careAid' },
    { path: '/care/talks', page: () => import('./talks/TalksPage.tsx'), menuKey: 'careTalks' },
    { path: '/care/mine', page: () => import('./mine/MyCarePage.tsx'), menuKey: 'careMine' },
  ],
  menu: [
    {
      key: 'careCoverage',
      path: '/care/coverage',
      icon: <PieChartOutlined />,
      roles: OFFICERS,
      group: 'care',
    },
    {
      key: 'careHealth',
      path: '/care/health',
      icon: <MedicineBoxOutlined />,
      roles: ['orgdept', 'unit_admin'],
      group: 'care',
    },
    {
      key: 'careLeave',
      path: '/care/leave',
      icon: <CoffeeOutlined />,
      roles: ['orgdept', 'unit_admin'],
      group: 'care',
    },
    { key: 'careAid', path: '/care/aid', icon: <GiftOutlined />, roles: OFFICERS, group: 'care' },
    {
      key: 'careTalks',
      path: '/care/talks',
      icon: <CommentOutlined />,
      roles: ['orgdept', 'leader'],
      group: 'care',
    },
    { key: 'careMine', path: '/care/mine', icon: <SmileOutlined />, roles: ['cadre'], group: 'care' },
  ],
  menuGroups: [{ key: 'care', icon: <HeartOutlined />, labelKey: 'care.menuGroup' }],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
