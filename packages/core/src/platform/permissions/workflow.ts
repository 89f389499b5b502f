import { definePermissions } from './define.ts';

/**
 * 待办 and case workflow: every business role and the cadre have an inbox, read the cases they may see
 * (row-level security decides which) and act at the steps that are theirs (the engine decides which); the
 * three administrators handle no business matters.
 */
export const WORKFLOW_PERMISSIONS = definePermissions({
  'inbox.read': ['orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
  'case.act': ['orgdept', 'unit_admin', 'leader', 'cadre', 'discipline'],
});
