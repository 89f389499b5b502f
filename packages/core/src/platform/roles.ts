import { ASSESSMENT_PERMISSIONS } from './permissions/assessment.ts';
import { BURDEN_PERMISSIONS } from './permissions/burden.ts';
import { CARE_PERMISSIONS } from './permissions/care.ts';
import { DASHBOARD_PERMISSIONS } from './permissions/dashboard.ts';
import { NEEDS_PERMISSIONS } from './permissions/needs.ts';
import { HONOUR_PERMISSIONS } from './permissions/honours.ts';
import { TRAINING_PERMISSIONS } from './permissions/training.ts';
import { AUDIT_PERMISSIONS } from './permissions/audit.ts';
import { CADRE_PERMISSIONS } from './permissions/cadre.ts';
import { DISCIPLINE_PERMISSIONS } from './permissions/discipline.ts';
import { CALENDAR_PERMISSIONS } from './permissions/calendar.ts';
import { ELIGIBILITY_PERMISSIONS } from './permissions/eligibility.ts';
import { ORG_PERMISSIONS } from './permissions/org.ts';
import { PAIRING_PERMISSIONS } from './permissions/pairing.ts';
import { PAY_PERMISSIONS } from './permissions/pay.ts';
import { SELECTION_PERMISSIONS } from './permissions/selection.ts';
import { SETTINGS_PERMISSIONS } from './permissions/settings.ts';
import { USER_PERMISSIONS } from './permissions/users.ts';
import { WORKFLOW_PERMISSIONS } from './permissions/workflow.ts';

/** Roles of the platform. The first three are the MLPS "three officers" (三员分立). */
export const ROLES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'orgdept',
  'unit_admin',
  'leader',
  'cadre',
  /** 纪检联络: the discipline liaison, who reads and files strict-management records and clarifications */
  'discipline',
] as const;
export type Role = (typeof ROLES)[number];

/** 三员: system, security and audit administrators; mutually exclusive on one account. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export function isAdminRole(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}

/**
 * 三员分立: an admin role stands alone on its account. Two admin roles, or an admin role with any
 * business role (e.g. auditor + orgdept, which would let the auditor act on the data it audits),
 * break it. The database enforces the same rule (CHECK users_admin_role_alone).
 */
export function violatesSeparationOfDuties(roles: readonly Role[]): boolean {
  const distinct = new Set(roles);
  return distinct.size > 1 && [...distinct].some(isAdminRole);
}

/** An account holding an admin role must enrol a second factor (TOTP). */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some(isAdminRole);
}

/**
 * What each role may do, composed from the modules' permission lists (one line per module here).
 * Data scope (which rows) is enforced by the database; this is the other axis: which kinds of action a
 * role may take at all. The roles granted each code are declared beside it, in its module's list.
 */
const MODULE_PERMISSIONS = [
  ORG_PERMISSIONS,
  USER_PERMISSIONS,
  SETTINGS_PERMISSIONS,
  AUDIT_PERMISSIONS,
  CADRE_PERMISSIONS,
  ASSESSMENT_PERMISSIONS,
  PAIRING_PERMISSIONS,
  DISCIPLINE_PERMISSIONS,
  CALENDAR_PERMISSIONS,
  WORKFLOW_PERMISSIONS,
  ELIGIBILITY_PERMISSIONS,
  PAY_PERMISSIONS,
  SELECTION_PERMISSIONS,
  HONOUR_PERMISSIONS,
  TRAINING_PERMISSIONS,
  CARE_PERMISSIONS,
  BURDEN_PERMISSIONS,
  NEEDS_PERMISSIONS,
  DASHBOARD_PERMISSIONS,
] as const;

/** the codes of one module's list (distributes over the union of the lists) */
type CodesOf<M> = M extends unknown ? Extract<keyof M, string> : never;
export type Permission = CodesOf<(typeof MODULE_PERMISSIONS)[number]>;

/** Every permission code, in module order. */
export const PERMISSIONS: readonly Permission[] = MODULE_PERMISSIONS.flatMap(
  (m) => Object.keys(m) as Permission[],
);
if (new Set(PERMISSIONS).size !== PERMISSIONS.length) throw new Error('a permission code is declared twice');

/** the codes granted to one role, in module order */
function grantsOf(role: Role): Permission[] {
  return MODULE_PERMISSIONS.flatMap((m) =>
    (Object.entries(m) as [Permission, readonly Role[]][])
      .filter(([, roles]) => roles.includes(role))
      .map(([code]) => code),
  );
}

const ROLE_PERMISSIONS = new Map<Role, readonly Permission[]>(ROLES.map((r) => [r, grantsOf(r)]));

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS.get(r) ?? []));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS.get(r)?.includes(permission) ?? false);
}
