import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  EditOutlined,
  FileDoneOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../me-context.ts';
import {
  MENU_GROUPS,
  MENU_PATHS,
  menuKeyOfPath,
  menuKeysFor,
  type MenuGroup,
  type MenuKey,
} from '../menu.ts';

const MENU_ICONS: Record<MenuKey, ReactNode> = {
  home: <HomeOutlined />,
  orgs: <ApartmentOutlined />,
  users: <TeamOutlined />,
  security: <SafetyCertificateOutlined />,
  audit: <AuditOutlined />,
  cadres: <SolutionOutlined />,
  assessmentRounds: <UnorderedListOutlined />,
  assessmentLeaderboard: <BarChartOutlined />,
  assessmentBallots: <EditOutlined />,
  assessmentMine: <FileDoneOutlined />,
  assessmentPacks: <BookOutlined />,
  account: <UserOutlined />,
};

const GROUP_ICONS: Record<MenuGroup, ReactNode> = {
  assessment: <TrophyOutlined />,
};

const GROUP_LABELS = { assessment: 'assessment.menuGroup' } as const satisfies Record<MenuGroup, string>;

function groupOf(key: MenuKey): MenuGroup | undefined {
  return (Object.keys(MENU_GROUPS) as MenuGroup[]).find((g) =>
    (MENU_GROUPS[g] as readonly MenuKey[]).includes(key),
  );
}

/** The role-dependent side menu (see menu.ts); grouped entries sit in an (open) sub-menu. */
export function SideMenu({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const location = useLocation();
  const keys = menuKeysFor(me.roles);

  type Item = NonNullable<MenuProps['items']>[number];
  const entry = (key: MenuKey): Item => ({
    key,
    icon: MENU_ICONS[key],
    label: <span data-testid={`menu-${key}`}>{t(`menu.${key}`)}</span>,
  });
  const items: Item[] = [];
  const placed = new Set<MenuGroup>();
  for (const key of keys) {
    const group = groupOf(key);
    if (!group) {
      items.push(entry(key));
      continue;
    }
    if (placed.has(group)) continue;
    placed.add(group);
    items.push({
      key: `group-${group}`,
      icon: GROUP_ICONS[group],
      label: <span data-testid={`menu-group-${group}`}>{t(GROUP_LABELS[group])}</span>,
      children: keys.filter((k) => groupOf(k) === group).map(entry),
    });
  }

  return (
    <Menu
      theme={theme}
      mode="inline"
      selectedKeys={[menuKeyOfPath(location.pathname)]}
      defaultOpenKeys={[...placed].map((g) => `group-${g}`)}
      items={items}
      onClick={({ key }) => {
        void navigate(MENU_PATHS[key as MenuKey]);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
