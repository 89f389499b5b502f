import { definePermissions } from './define.ts';

/**
 * 资格: the eligibility answers reveal discipline records, so only the roles that read those records (组织部,
 * 纪检联络) hold it — and the cadre, for her own record only (the server refuses any other cadre to a
 * holder of neither reader role).
 */
export const ELIGIBILITY_PERMISSIONS = definePermissions({
  'eligibility.read': ['orgdept', 'discipline', 'cadre'],
});
