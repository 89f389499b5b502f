import { HomeOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';

/** The welcome page (its texts are the app frame's, in the shared bundle). */
export const homeModule: WebModule = {
  id: 'home',
  routes: [{ path: '/', page: () => import('./HomePage.tsx'), menuKey: 'home' }],
  menu: [{ key: 'home', path: '/', icon: <HomeOutlined />, roles: 'all' }],
};
