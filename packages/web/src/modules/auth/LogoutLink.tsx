import { LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { LoginLocationState } from '../../app/auth-guard.tsx';
import { useLogout } from '../../hooks/api/auth.ts';

/** Sign-out button for the standalone (forced) pages. */
export function LogoutLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Button
      type="text"
      icon={<LogoutOutlined />}
      data-testid="logout"
      loading={logout.isPending}
      onClick={async () => {
        try {
          await logout.mutateAsync();
        } catch {
          // ignore: the client session is dropped anyway
        }
        const state: LoginLocationState = { loggedOut: true };
        await navigate('/login', { replace: true, state });
      }}
    >
      {t('common.logout')}
    </Button>
  );
}
