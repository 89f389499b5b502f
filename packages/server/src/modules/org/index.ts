import { ORG_PERMISSIONS } from '@ganbu/core/platform/permissions/org';
import type { ServerModule } from '../../platform/module.ts';
import { seedDemoOrgs } from './demo-seed.ts';
import { orgRoutes } from './routes.ts';

/** 组织机构: the district's org tree. */
export const orgModule: ServerModule = {
  name: 'org',
  routes: [orgRoutes],
  permissions: ORG_PERMISSIONS,
  demoSeed: seedDemoOrgs,
};
