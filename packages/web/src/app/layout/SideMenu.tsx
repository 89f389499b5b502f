import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentMe } from '../me-context.ts';
import {
  MENU_ENTRIES,
  MENU_GROUP_DEFS,
  MENU_PATHS,
  menuKeyOfPath,
  menuKeysFor,
  type MenuKey,
} from '../menu.ts';
import type { MenuEntry } from '../module-kit.ts';

const ENTRY = new Map<MenuKey, MenuEntry>(MENU_ENTRIES.map((e) => [e.key, e]));

/** The role-dependent side menu (entries from the module manifests, see menu.ts); grouped entries sit in an (open) sub-menu. */
export function SideMenu({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const location = useLocation();
  const keys = menuKeysFor(me.roles);

  type Item = NonNullable<MenuProps['items']>[number];
  const entry = (key: MenuKey): Item => ({
    key,
    icon: ENTRY.get(key)?.icon,
    label: <span data-testid={`menu-${key}`}>{t(`menu.${key}`)}</span>,
  });
  const items: Item[] = [];
  const placed = new Set<string>();
  for (const key of keys) {
    const group = MENU_GROUP_DEFS.find((g) => g.key === ENTRY.get(key)?.group);
    if (!group) {
      items.push(entry(key));
      continue;
    }
    if (placed.has(group.key)) continue;
    placed.add(group.key);
    items.push({
      key: `group-${group.key}`,
      icon: group.icon,
      label: <span data-testid={`menu-group-${group.key}`}>{t(group.labelKey)}</span>,
      children: keys.filter((k) => ENTRY.get(k)?.group === group.key).map(entry),
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
