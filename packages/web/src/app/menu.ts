import { can, ROLES, type Role } from '@ganbu/core';
import { MODULES } from '../modules/index.ts';
import type { MenuEntry, MenuGroupDef, MenuKey } from './module-kit.ts';

export type { MenuKey } from './module-kit.ts';

/** Every module's menu entries, in the order of `modules/index.ts`. */
export const MENU_ENTRIES: readonly MenuEntry[] = MODULES.flatMap((m): readonly MenuEntry[] => m.menu ?? []);

/** Keys of the side menu; `data-testid="menu-<key>"` in the layout. */
export const MENU_KEYS: readonly MenuKey[] = MENU_ENTRIES.map((e) => e.key);

export const MENU_PATHS = Object.fromEntries(MENU_ENTRIES.map((e) => [e.key, e.path])) as Record<
  MenuKey,
  string
>;

/** The sub-menus (考核评价), with their icon and label; `data-testid="menu-group-<key>"`. */
export const MENU_GROUP_DEFS: readonly MenuGroupDef[] = MODULES.flatMap(
  (m): readonly MenuGroupDef[] => ('menuGroups' in m ? m.menuGroups : undefined) ?? [],
);

/** Menu entries shown together under one sub-menu. */
export const MENU_GROUPS: Readonly<Record<string, readonly MenuKey[]>> = Object.fromEntries(
  MENU_GROUP_DEFS.map((g) => [g.key, MENU_ENTRIES.filter((e) => e.group === g.key).map((e) => e.key)]),
);
export type MenuGroup = string;

/** Which menu entries (and so which pages) each role may use, from the entries' `roles`. */
export const ROLE_MENUS = {} as Record<Role, readonly MenuKey[]>;
for (const role of ROLES)
  ROLE_MENUS[role] = MENU_ENTRIES.filter((e) => e.roles === 'all' || e.roles.includes(role)).map(
    (e) => e.key,
  );

/** Everyone signed in has these, even an account without roles. */
const ALWAYS: readonly MenuKey[] = MENU_ENTRIES.filter((e) => e.roles === 'all').map((e) => e.key);

export function menuKeysFor(roles: readonly Role[]): MenuKey[] {
  const allowed = new Set<MenuKey>([...ALWAYS, ...roles.flatMap((r) => ROLE_MENUS[r])]);
  return MENU_KEYS.filter((k) => allowed.has(k));
}

export function canOpen(roles: readonly Role[], key: MenuKey): boolean {
  return menuKeysFor(roles).includes(key);
}

/** The menu key whose page contains `pathname`. */
export function menuKeyOfPath(pathname: string): MenuKey {
  const found = MENU_KEYS.find((k) => k !== 'home' && pathname.startsWith(MENU_PATHS[k]));
  return found ?? 'home';
}

/** What a user may do inside the pages (the server enforces the same, see core PERMISSIONS). */
export function capabilitiesOf(roles: readonly Role[]) {
  return {
    editOrgs: can(roles, 'org.write'),
    manageUsers: can(roles, 'user.write'),
    grantRoles: can(roles, 'role.grant'),
    editSettings: can(roles, 'settings.write'),
    editCadres: can(roles, 'cadre.write'),
    manageAssessment: can(roles, 'assessment.manage'),
  };
}

/**
 * Whether the user may see a cadre record's sensitive fields in clear: roles with
 * `cadre.sensitive`, and a cadre (仅本人) for their own linked record.
 */
export function canRevealCadre(
  me: { roles: readonly Role[]; cadreId: string | null },
  cadreId: string,
): boolean {
  return can(me.roles, 'cadre.sensitive') || (me.roles.includes('cadre') && me.cadreId === cadreId);
}
