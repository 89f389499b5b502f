import { CARE_PERMISSIONS } from '@ganbu/core/platform/permissions/care';
import type { DemoSeedContext } from '../../demo/context.ts';
import type { ServerModule } from '../../platform/module.ts';
import { aidRoutes } from './aid/routes.ts';
import { coverageRoutes } from './coverage.ts';
import { healthRoutes } from './health/routes.ts';
import { leaveRoutes } from './leave/routes.ts';
import { registerTalkCaseHandlers } from './talks/cases.ts';
import { seedDemoAid } from './aid/demo-seed.ts';
import { seedDemoHealth } from './health/demo-seed.ts';
import { seedDemoLeave } from './leave/demo-seed.ts';
import { seedDemoTalks } from './talks/demo-seed.ts';
import { talkRoutes } from './talks/routes.ts';

/**
 * 关心关爱 (issue 15, R-CARE-1…6): health checks and support requests (`health/`), leave (`leave/`), hardship aid and families of cadres who died on duty (`aid/`), heart-to-heart talks and two-way appointments (`talks/`), coverage (`coverage.ts`).
 */
export const careModule: ServerModule = {
  name: 'care',
  routes: [healthRoutes, leaveRoutes, aidRoutes, talkRoutes, coverageRoutes],
  permissions: CARE_PERMISSIONS,
  onReady: async () => registerTalkCaseHandlers(),
  demoSeed: async (ctx: DemoSeedContext) => {
    await seedDemoHealth(ctx);
    await seedDemoLeave(ctx);
    await seedDemoAid(ctx);
    await seedDemoTalks(ctx);
  },
};
