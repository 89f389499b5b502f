import { can, type Role } from '@ganbu/core';

/** Keys of the side menu; `data-testid="menu-<key>"` in the layout. */
export const MENU_KEYS = [
  'home',
  'orgs',
  'users',
  'security',
  'audit',
  'cadres',
  'assessmentRounds',
  'assessmentLeaderboard',
  'assessmentBallots',
  'assessmentMine',
  'assessmentPacks',
  'account',
] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export const MENU_PATHS: Record<MenuKey, string> = {
  home: '/',
  orgs: '/orgs',
  users: '/users',
  security: '/security',
  audit: '/audit',
  cadres: '/cadres',
  assessmentRounds: '/assessment/rounds',
  assessmentLeaderboard: '/assessment/leaderboard',
  assessmentBallots: '/assessment/my-ballots',
  assessmentMine: '/assessment/mine',
  assessmentPacks: '/assessment/packs',
  account: '/account',
};

/** Menu entries shown together under one sub-menu (考核评价); `data-testid="menu-group-<key>"`. */
export const MENU_GROUPS = {
  assessment: [
    'assessmentRounds',
    'assessmentLeaderboard',
    'assessmentBallots',
    'assessmentMine',
    'assessmentPacks',
  ],
} as const satisfies Record<string, readonly MenuKey[]>;
export type MenuGroup = keyof typeof MENU_GROUPS;

/** The one place that decides which menu entries (and so which pages) each role may use. */
export const ROLE_MENUS: Record<Role, readonly MenuKey[]> = {
  sysadmin: ['home', 'orgs', 'users', 'account'],
  secadmin: ['home', 'users', 'security', 'account'],
  auditor: ['home', 'audit', 'account'],
  orgdept: [
    'home',
    'orgs',
    'cadres',
    'assessmentRounds',
    'assessmentLeaderboard',
    'assessmentBallots',
    'assessmentPacks',
    'account',
  ],
  unit_admin: [
    'home',
    'orgs',
    'cadres',
    'assessmentRounds',
    'assessmentLeaderboard',
    'assessmentBallots',
    'assessmentPacks',
    'account',
  ],
  leader: [
    'home',
    'orgs',
    'cadres',
    'assessmentRounds',
    'assessmentLeaderboard',
    'assessmentBallots',
    'assessmentPacks',
    'account',
  ],
  cadre: [
    'home',
    'orgs',
    'cadres',
    'assessmentLeaderboard',
    'assessmentBallots',
    'assessmentMine',
    'assessmentPacks',
    'account',
  ],
};

/** Everyone signed in has these, even an account without roles. */
const ALWAYS: readonly MenuKey[] = ['home', 'account'];

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
