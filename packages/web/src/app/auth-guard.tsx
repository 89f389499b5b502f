import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { useMe } from '../hooks/api/auth.ts';
import { errorMessage } from '../lib/errors.ts';
import { isApiError } from '../lib/http.ts';
import { MeContext, useCurrentMe } from './me-context.ts';
import { canOpen, type MenuKey } from './menu.ts';

export interface LoginLocationState {
  expired?: boolean;
  loggedOut?: boolean;
  from?: string;
}

/**
 * Loads /me (which also restores the CSRF token after a reload) and provides it to the tree.
 * `forced` pages (change password, TOTP enrolment) only need a session; the rest of the
 * app additionally sends users with a pending obligation to the page that resolves it.
 */
export function RequireAuth({ children, forced = false }: { children: ReactNode; forced?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const state: LoginLocationState = {
        expired: me.error.code === 'SESSION_EXPIRED',
        from: location.pathname + location.search,
      };
      return <Navigate to="/login" replace state={state} />;
    }
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!forced) {
    if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
    if (me.data.mustEnrolTotp && !me.data.totpEnrolled) return <Navigate to="/enrol-totp" replace />;
  }
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}

/** Shows a 403 page instead of `children` when the user's roles do not include this menu entry. */
export function RequireMenu({ menuKey, children }: { menuKey: MenuKey; children: ReactNode }) {
  const me = useCurrentMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!canOpen(me.roles, menuKey)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('common.forbidden')}
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}
