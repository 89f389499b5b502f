import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { authKeys } from '../hooks/api/auth.ts';
import { setApiEventHandler, setCsrfToken } from '../lib/http.ts';
import { RequireAuth, RequireMenu, type LoginLocationState } from './auth-guard.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import type { MenuKey } from './menu.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { queryClient } from './query-client.ts';

// Each module is its own chunk.
const LoginPage = lazy(() => import('../modules/auth/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('../modules/auth/ChangePasswordPage.tsx'));
const EnrolTotpPage = lazy(() => import('../modules/auth/EnrolTotpPage.tsx'));
const HomePage = lazy(() => import('../modules/home/HomePage.tsx'));
const OrgPage = lazy(() => import('../modules/org/OrgPage.tsx'));
const UsersPage = lazy(() => import('../modules/users/UsersPage.tsx'));
const SecuritySettingsPage = lazy(() => import('../modules/security/SecuritySettingsPage.tsx'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage.tsx'));
const CadresPage = lazy(() => import('../modules/cadres/CadresPage.tsx'));
const CadreRecordPage = lazy(() => import('../modules/cadres/CadreRecordPage.tsx'));
const CadreImportPage = lazy(() => import('../modules/cadres/CadreImportPage.tsx'));
const ApprovalFormPage = lazy(() => import('../modules/cadres/approval/ApprovalFormPage.tsx'));
const AccountPage = lazy(() => import('../modules/account/AccountPage.tsx'));
const RoundsPage = lazy(() => import('../modules/assessment/rounds/RoundsPage.tsx'));
const RoundPage = lazy(() => import('../modules/assessment/round/RoundPage.tsx'));
const MyResultsPage = lazy(() => import('../modules/assessment/mine/MyResultsPage.tsx'));
const PacksPage = lazy(() => import('../modules/assessment/packs/PacksPage.tsx'));
const PackEditPage = lazy(() => import('../modules/assessment/pack-edit/PackEditPage.tsx'));
const LeaderboardPage = lazy(() => import('../modules/assessment/leaderboard/LeaderboardPage.tsx'));
const MyBallotsPage = lazy(() => import('../modules/assessment/my-ballots/MyBallotsPage.tsx'));
const BallotPage = lazy(() => import('../modules/ballot/BallotPage.tsx'));
const TokenSheetPage = lazy(() => import('../modules/assessment/tokens/TokenSheetPage.tsx'));

function standalone(node: ReactNode) {
  return <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;
}

function guarded(menuKey: MenuKey, node: ReactNode) {
  return <RequireMenu menuKey={menuKey}>{node}</RequireMenu>;
}

export const router = createBrowserRouter([
  { path: '/login', element: standalone(<LoginPage />) },
  // The public ballot (民主测评): no login, no app frame; the slip's code comes in the URL fragment.
  { path: '/ballot', element: standalone(<BallotPage />) },
  {
    path: '/change-password',
    element: <RequireAuth forced>{standalone(<ChangePasswordPage />)}</RequireAuth>,
  },
  {
    path: '/enrol-totp',
    element: <RequireAuth forced>{standalone(<EnrolTotpPage />)}</RequireAuth>,
  },
  // Print view without the app frame, so the page prints as the two A4 sheets only.
  {
    path: '/cadres/:id/approval-form',
    element: <RequireAuth>{standalone(guarded('cadres', <ApprovalFormPage />))}</RequireAuth>,
  },
  // Ballot slips of a batch just issued, to print (the round page opens it in a new tab).
  {
    path: '/assessment/tokens/print',
    element: <RequireAuth>{standalone(<TokenSheetPage />)}</RequireAuth>,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: guarded('home', <HomePage />) },
      { path: 'orgs', element: guarded('orgs', <OrgPage />) },
      { path: 'users', element: guarded('users', <UsersPage />) },
      { path: 'security', element: guarded('security', <SecuritySettingsPage />) },
      { path: 'audit', element: guarded('audit', <AuditPage />) },
      { path: 'cadres', element: guarded('cadres', <CadresPage />) },
      { path: 'cadres/import', element: guarded('cadres', <CadreImportPage />) },
      { path: 'cadres/:id', element: guarded('cadres', <CadreRecordPage />) },
      { path: 'assessment/rounds', element: guarded('assessmentRounds', <RoundsPage />) },
      { path: 'assessment/rounds/:id', element: guarded('assessmentRounds', <RoundPage />) },
      { path: 'assessment/mine', element: guarded('assessmentMine', <MyResultsPage />) },
      { path: 'assessment/packs', element: guarded('assessmentPacks', <PacksPage />) },
      { path: 'assessment/packs/edit/:id', element: guarded('assessmentPacks', <PackEditPage />) },
      {
        path: 'assessment/leaderboard',
        element: guarded('assessmentLeaderboard', <LeaderboardPage />),
      },
      { path: 'assessment/my-ballots', element: guarded('assessmentBallots', <MyBallotsPage />) },
      { path: 'account', element: guarded('account', <AccountPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
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
