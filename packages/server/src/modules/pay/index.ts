import { PAY_PERMISSIONS } from '@ganbu/core/platform/permissions/pay';
import type { ServerModule } from '../../platform/module.ts';
import { seedDemoPay } from './demo-seed.ts';
import { payRunRoutes } from './run-routes.ts';
import { registerPayCaseHandlers } from './service/cases.ts';
import { payTableRoutes } from './tables/routes.ts';

/**
 * 经济激励 (issue 13, R-PAY-1…5): the district's pay tables and statistics (`tables/`), pay runs computed by
 * core `pay/` from frozen inputs, their lines with explanations (sensitive: every read audited), the Excel
 * export, the what-if comparison under another pack version, and approval through the `pay_run` case.
 */
export const payModule: ServerModule = {
  name: 'pay',
  routes: [payTableRoutes, payRunRoutes],
  permissions: PAY_PERMISSIONS,
  // a run's approval is a case of the workflow engine: this module answers its transitions
  onReady: async () => registerPayCaseHandlers(),
  demoSeed: seedDemoPay,
};
