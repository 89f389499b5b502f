import type { WebModule } from '../../app/module-kit.ts';

/** Sign-in and the obligations that come before the app (texts in the shared bundle: the app frame). */
export const authModule: WebModule = {
  id: 'auth',
  routes: [
    { path: '/login', page: () => import('./LoginPage.tsx'), frame: 'bare', access: 'public' },
    {
      path: '/change-password',
      page: () => import('./ChangePasswordPage.tsx'),
      frame: 'bare',
      access: 'forced',
    },
    { path: '/enrol-totp', page: () => import('./EnrolTotpPage.tsx'), frame: 'bare', access: 'forced' },
  ],
};
