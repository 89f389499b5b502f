import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../me-context.ts';
import { MENU_PATHS, menuKeyOfPath, menuKeysFor, type MenuKey } from '../menu.ts';

const MENU_ICONS: Record<MenuKey, ReactNode> = {
  home: <HomeOutlined />,
  orgs: <ApartmentOutlined />,
  users: <TeamOutlined />,
  security: <SafetyCertificateOutlined />,
  audit: <AuditOutlined />,
  cadres: <SolutionOutlined />,
  account: <UserOutlined />,
};

/** The role-dependent side menu (see menu.ts). */
export function SideMenu({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const location = useLocation();
  const keys = menuKeysFor(me.roles);

  return (
    <Menu
      theme={theme}
      mode="inline"
      selectedKeys={[menuKeyOfPath(location.pathname)]}
      items={keys.map((key) => ({
        key,
        icon: MENU_ICONS[key],
        label: <span data-testid={`menu-${key}`}>{t(`menu.${key}`)}</span>,
      }))}
      onClick={({ key }) => {
        void navigate(MENU_PATHS[key as MenuKey]);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
