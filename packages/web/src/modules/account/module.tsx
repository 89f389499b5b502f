import { UserOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/module-kit.ts';

/** One's own account: password and TOTP (texts in the shared bundle: the app frame). */
export const accountModule: WebModule = {
  id: 'account',
  routes: [{ path: '/account', page: () => import('./AccountPage.tsx'), menuKey: 'account' }],
  menu: [{ key: 'account', path: '/account', icon: <UserOutlined />, roles: 'all' }],
};
