import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { authKeys } from '../hooks/api/auth.ts';
import { loadModuleBundle, type BundleLoaders } from '../i18n/index.ts';
import { setApiEventHandler, setCsrfToken } from '../lib/http.ts';
import { MODULES } from '../modules/index.ts';
import { RequireAuth, RequireMenu, type LoginLocationState } from './auth-guard.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import type { ModuleRoute } from './module-kit.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { queryClient } from './query-client.ts';

/** A page of its own HTML entry (the public ballot): reached by a link inside the app, load that document. */
function OtherDocument() {
  // the server sent this very document for that address (no such entry there): do not reload forever
  const servedHere = performance
    .getEntriesByType('navigation')
    .some((e) => new URL(e.name).pathname === window.location.pathname);
  useEffect(() => {
    if (!servedHere) window.location.reload();
  }, [servedHere]);
  return servedHere ? <NotFoundPage /> : <FullPageSpin />;
}

/** Each page is its own chunk; its module's texts (current language) load together with it. */
function pageOf(route: ModuleRoute, i18n: BundleLoaders | undefined, moduleId: string): ComponentType {
  return lazy(async () => {
    const [page] = await Promise.all([route.page(), i18n ? loadModuleBundle(moduleId, i18n) : undefined]);
    return page;
  });
}

function element(route: ModuleRoute, Page: ComponentType): ReactNode {
  let node: ReactNode = <Page />;
  if (route.menuKey) node = <RequireMenu menuKey={route.menuKey}>{node}</RequireMenu>;
  // the app frame has its own Suspense around the routed content
  if (route.frame === 'bare') node = <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;
  const access = route.access ?? 'user';
  if (access === 'user' && route.frame === 'bare') node = <RequireAuth>{node}</RequireAuth>;
  if (access === 'forced') node = <RequireAuth forced>{node}</RequireAuth>;
  return node;
}

const bare: RouteObject[] = [];
const framed: RouteObject[] = [];
for (const m of MODULES) {
  const i18n: BundleLoaders | undefined = 'i18n' in m ? m.i18n : undefined;
  for (const route of m.routes) {
    const node = element(route, pageOf(route, i18n, m.id));
    if (route.frame === 'bare') bare.push({ path: route.path, element: node });
    else if (route.path === '/') framed.push({ index: true, element: node });
    else framed.push({ path: route.path.slice(1), element: node });
  }
  for (const path of ('documents' in m ? m.documents : undefined) ?? [])
    bare.push({ path, element: <OtherDocument /> });
}

export const router = createBrowserRouter([
  ...bare,
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [...framed, { path: '*', element: <NotFoundPage /> }],
  },
]);

/** Wherever a request fails for session reasons, move the user to the page that resolves it. */
setApiEventHandler((event) => {
  const path = router.state.location.pathname;
  switch (event.type) {
    case 'unauthenticated': {
      setCsrfToken(null);
      if (path === '/login') return;
      const state: LoginLocationState = { expired: event.expired, from: path };
      void router.navigate('/login', { replace: true, state });
      return;
    }
    case 'password-change-required':
      void queryClient.invalidateQueries({ queryKey: authKeys.me() });
      if (path !== '/change-password') void router.navigate('/change-password', { replace: true });
      return;
    case 'totp-enrolment-required':
      void queryClient.invalidateQueries({ queryKey: authKeys.me() });
      if (path !== '/enrol-totp') void router.navigate('/enrol-totp', { replace: true });
      return;
  }
});
