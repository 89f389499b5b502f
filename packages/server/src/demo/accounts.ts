import type { Role, ScopeMode } from '@ganbu/core';
import type { DemoDistrict } from '@ganbu/core/demo/district';

export const DEMO_PASSWORD = 'Demo#2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  scopeMode: ScopeMode;
  /** org code path relative to the district root, or the department holding the account */
  orgKey: (d: DemoDistrict) => string;
  linkCadre?: boolean;
}

const districtKey = (d: DemoDistrict) => (d.orgs.find((o) => o.parentKey === null) as { key: string }).key;
const nthOfKind = (kind: string, n: number) => (d: DemoDistrict) => {
  const org = d.orgs.filter((o) => o.kind === kind)[n];
  if (!org) throw new Error(`demo district has no ${kind} #${n}`);
  return org.key;
};
const orgDept = (d: DemoDistrict) => d.orgs.find((o) => o.name.includes('组织部'))?.key ?? districtKey(d);

/**
 * One login per role (issue contract). The business accounts share the README's password (no forced
 * change); the three administrators get a random password and TOTP secret per data directory.
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'orgdept', displayName: '组织部干部科', roles: ['orgdept'], scopeMode: 'all', orgKey: orgDept },
  {
    username: 'street1',
    displayName: '街道一管理员',
    roles: ['unit_admin'],
    scopeMode: 'subtree',
    orgKey: nthOfKind('street', 0),
  },
  {
    username: 'street2',
    displayName: '街道二管理员',
    roles: ['unit_admin'],
    scopeMode: 'subtree',
    orgKey: nthOfKind('street', 1),
  },
  { username: 'leader', displayName: '区委领导', roles: ['leader'], scopeMode: 'all', orgKey: districtKey },
  {
    username: 'jijian',
    displayName: '纪检联络员',
    roles: ['discipline'],
    scopeMode: 'all',
    orgKey: districtKey,
  },
  {
    username: 'cadre',
    displayName: '干部（本人）',
    roles: ['cadre'],
    scopeMode: 'self',
    orgKey: nthOfKind('street', 0),
    linkCadre: true,
  },
  // 关爱专员 (issue 15, R-CARE-1): a 组织部 officer designated to answer cadres' support requests
  {
    username: 'careofficer',
    displayName: '关爱专员',
    roles: ['orgdept'],
    scopeMode: 'all',
    orgKey: orgDept,
  },
  {
    username: 'sysadmin',
    displayName: '系统管理员',
    roles: ['sysadmin'],
    scopeMode: 'all',
    orgKey: districtKey,
  },
  {
    username: 'secadmin',
    displayName: '安全管理员',
    roles: ['secadmin'],
    scopeMode: 'all',
    orgKey: districtKey,
  },
  {
    username: 'auditor',
    displayName: '审计管理员',
    roles: ['auditor'],
    scopeMode: 'all',
    orgKey: districtKey,
  },
];

const ADMIN_ROLES: Role[] = ['sysadmin', 'secadmin', 'auditor'];

export const DEMO_ADMIN_USERNAMES = DEMO_ACCOUNTS.filter((a) =>
  a.roles.some((r) => ADMIN_ROLES.includes(r)),
).map((a) => a.username);
