import { BankOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { RoleTags } from '../../components/RoleTags.tsx';
import { useLogout } from '../../hooks/api/auth.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { InboxBadge } from '../../modules/inbox/InboxBadge.tsx';
import type { LoginLocationState } from '../auth-guard.tsx';
import { useCurrentMe } from '../me-context.ts';

export function HeaderBar({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const logout = useLogout();

  const doLogout = async () => {
    try {
      await logout.mutateAsync();
    } catch {
      // the session is gone either way on the client side
    }
    const state: LoginLocationState = { loggedOut: true };
    await navigate('/login', { replace: true, state });
  };

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        lineHeight: 'normal',
        boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {mobile ? (
        <>
          <Button type="text" icon={<MenuOutlined />} onClick={onOpenMenu} aria-label={t('common.menu')} />
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
            {t('common.appShort')}
          </Typography.Text>
        </>
      ) : (
        <div style={{ flex: 1 }} />
      )}
      <Flex align="center" gap={mobile ? 4 : 12} style={{ minWidth: 0 }}>
        <Space size={4} align="center" style={{ minWidth: 0 }}>
          <UserOutlined />
          <Typography.Text strong ellipsis style={{ maxWidth: mobile ? 96 : 160 }} data-testid="header-user">
            {me.displayName}
          </Typography.Text>
        </Space>
        {mobile ? null : (
          <>
            <Space size={4} align="center">
              <BankOutlined />
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }} data-testid="header-org">
                {me.orgName}
              </Typography.Text>
            </Space>
            <span>
              <RoleTags roles={me.roles} />
            </span>
          </>
        )}
        <InboxBadge />
        <LanguageSwitch compact={mobile} />
        <Popconfirm title={t('common.logout')} onConfirm={doLogout} placement="bottomRight">
          <Button type="text" icon={<LogoutOutlined />} data-testid="logout" loading={logout.isPending}>
            {mobile ? null : t('common.logout')}
          </Button>
        </Popconfirm>
      </Flex>
    </Layout.Header>
  );
}
