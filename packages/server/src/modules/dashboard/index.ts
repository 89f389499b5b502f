import { DASHBOARD_PERMISSIONS } from '@ganbu/core/platform/permissions/dashboard';
import type { DemoSeedContext } from '../../demo/context.ts';
import type { ServerModule } from '../../platform/module.ts';
import { dashboardRoutes } from './overview/routes.ts';
import { seedDemoDashboard } from './overview/demo-seed.ts';

/**
 * 大数据分析 (issue 16, R-RPT-1/2): one dashboard per level with drill-down to the records each figure counts (`overview/`).
 */
export const dashboardModule: ServerModule = {
  name: 'dashboard',
  routes: [dashboardRoutes],
  permissions: DASHBOARD_PERMISSIONS,
  demoSeed: async (ctx: DemoSeedContext) => {
    await seedDemoDashboard(ctx);
  },
};
