import { SELECTION_PERMISSIONS } from '@ganbu/core/platform/permissions/selection';
import type { DemoSeedContext } from '../../demo/context.ts';
import type { ServerModule } from '../../platform/module.ts';
import { seedDemoAfter } from './after/demo-seed.ts';
import { seedDemoIndicators } from './indicators/demo-seed.ts';
import { seedDemoPools } from './pools/demo-seed.ts';
import { seedDemoProcesses } from './process/demo-seed.ts';
import { afterRoutes } from './after/routes.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { poolRoutes } from './pools/routes.ts';
import { registerSelectionCaseHandlers } from './process/cases.ts';
import { processRoutes } from './process/routes.ts';

/**
 * 选拔任用与结构 (issue 14, R-SEL-1…6): structure indicators computed live over the org tree with drill-down
 * (`indicators/`), selection processes as cases of the workflow engine with 公示 on the working-day calendar
 * (`process/`), 后备干部 and 年轻干部库 (`pools/`), post-appointment reviews, unfit measures and exchanges
 * (`after/`).
 */
export const selectionModule: ServerModule = {
  name: 'selection',
  routes: [indicatorRoutes, processRoutes, poolRoutes, afterRoutes],
  permissions: SELECTION_PERMISSIONS,
  // a process is a case of the workflow engine: this module answers its transitions
  onReady: async () => registerSelectionCaseHandlers(),
  // pools first (the Fengze reserve indicator counts them), then processes, whose appointments schedule reviews
  demoSeed: async (ctx: DemoSeedContext) => {
    await seedDemoIndicators(ctx);
    await seedDemoPools(ctx);
    await seedDemoProcesses(ctx);
    await seedDemoAfter(ctx);
  },
};
