import { BURDEN_PERMISSIONS } from '@ganbu/core/platform/permissions/burden';
import type { DemoSeedContext } from '../../demo/context.ts';
import type { ServerModule } from '../../platform/module.ts';
import { staffingRoutes } from './staffing/routes.ts';
import { seedDemoStaffing } from './staffing/demo-seed.ts';
import { workListRoutes } from './worklist/routes.ts';
import { seedDemoWorkList } from './worklist/demo-seed.ts';
import { registerRoutes } from './registers/routes.ts';
import { seedDemoRegisters } from './registers/demo-seed.ts';

/**
 * 减负松绑 and 力量保障 (issue 16, R-BUR-1…6): borrowing and establishment (`staffing/`), the village/community work list (`worklist/`), the meeting, document, inspection and overtime registers with the yearly summary (`registers/`).
 */
export const burdenModule: ServerModule = {
  name: 'burden',
  routes: [staffingRoutes, workListRoutes, registerRoutes],
  permissions: BURDEN_PERMISSIONS,
  demoSeed: async (ctx: DemoSeedContext) => {
    await seedDemoStaffing(ctx);
    await seedDemoWorkList(ctx);
    await seedDemoRegisters(ctx);
  },
};
