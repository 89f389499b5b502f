import type { ServerModule } from '../../platform/module.ts';
import { authRoutes } from './routes.ts';

/** Sign-in, sessions, password change and TOTP enrolment (every account, so no permission of its own). */
export const authModule: ServerModule = {
  name: 'auth',
  routes: [authRoutes],
};
