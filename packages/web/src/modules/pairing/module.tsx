import { HeartOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';
import type { zhCN } from './i18n/zh-CN.ts';

/** 结对帮扶: who mentors whom, and the notes of the follow-up. */
export const pairingModule: WebModule<typeof zhCN> = {
  id: 'pairing',
  routes: [{ path: '/care/pairings', page: () => import('./PairingsPage.tsx'), menuKey: 'pairing' }],
  menu: [
    {
      key: 'pairing',
      path: '/care/pairings',
      icon: <HeartOutlined />,
      roles: ['orgdept', 'unit_admin', 'leader', 'cadre'],
      // 关心关爱: sits in the care module's menu group
      group: 'care',
    },
  ],
  i18n: {
    'zh-CN': () => import('./i18n/zh-CN.ts').then((m) => m.zhCN),
    en: () => import('./i18n/en.ts').then((m) => m.en),
  },
};
