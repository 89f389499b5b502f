/** Roles of the platform. The first three are the MLPS "three officers" (三员分立). */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'orgdept', 'unit_admin', 'leader', 'cadre'] as const;
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
 * What each role may do. Data scope (which rows) is enforced by the database;
 * this is the other axis: which kinds of action a role may take at all.
 */
export const PERMISSIONS = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'role.grant',
  'settings.write',
  'audit.read',
  'cadre.read',
  'cadre.write',
  /** see ID number, phone, health and family in clear (each read audited) */
  'cadre.sensitive',
  /** read policy packs, rounds and results in scope (results only once published, unless organiser) */
  'assessment.read',
  /** create and run assessment rounds: tokens, transitions, review, publish */
  'assessment.manage',
  /** choose, clone and edit policy packs */
  'pack.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // 系统管理员: accounts and the org tree, never the audit log or role grants.
  sysadmin: ['org.read', 'org.write', 'user.read', 'user.write'],
  // 安全管理员: grants roles, sets security policy.
  secadmin: ['org.read', 'user.read', 'role.grant', 'settings.write'],
  // 审计管理员: reads the audit log, nothing else.
  auditor: ['audit.read'],
  orgdept: [
    'org.read',
    'org.write',
    'cadre.read',
    'cadre.write',
    'cadre.sensitive',
    'assessment.read',
    'assessment.manage',
    'pack.write',
  ],
  unit_admin: [
    'org.read',
    'cadre.read',
    'cadre.write',
    'cadre.sensitive',
    'assessment.read',
    'assessment.manage',
  ],
  leader: ['org.read', 'cadre.read', 'assessment.read'],
  cadre: ['org.read', 'cadre.read', 'assessment.read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}
