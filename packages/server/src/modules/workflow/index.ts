import { WORKFLOW_PERMISSIONS } from '@ganbu/core/platform/permissions/workflow';
import type { ServerModule } from '../../platform/module.ts';
import { seedDemoCases } from './demo-seed.ts';
import { workflowRoutes } from './routes.ts';

/**
 * The case workflow engine and the to-do inbox (待办, R-PLAT-4): cases that walk the steps of a pack's case
 * kinds, their timelines, and the reminders other modules post. Listed before the modules that open cases.
 */
export const workflowModule: ServerModule = {
  name: 'workflow',
  routes: [workflowRoutes],
  permissions: WORKFLOW_PERMISSIONS,
  demoSeed: seedDemoCases,
};
