import { NEEDS_PERMISSIONS } from '@ganbu/core/platform/permissions/needs';
import type { DemoSeedContext } from '../../demo/context.ts';
import type { ServerModule } from '../../platform/module.ts';
import { needsRoutes } from './needs/routes.ts';
import { seedDemoNeeds } from './needs/demo-seed.ts';

/**
 * 精准激励 (issue 16, R-NEED-1/2): the anonymous needs survey answered with one-time codes, its results by group and the recommended incentive mix (`needs/`).
 */
export const surveyModule: ServerModule = {
  name: 'survey',
  routes: [needsRoutes],
  permissions: NEEDS_PERMISSIONS,
  demoSeed: async (ctx: DemoSeedContext) => {
    await seedDemoNeeds(ctx);
  },
};
