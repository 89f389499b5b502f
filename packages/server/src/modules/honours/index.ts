import { HONOUR_PERMISSIONS } from '@ganbu/core/platform/permissions/honours';
import type { DemoSeedContext } from '../../demo/context.ts';
import type { ServerModule } from '../../platform/module.ts';
import { batchRoutes } from './batches/routes.ts';
import { boardRoutes } from './board/routes.ts';
import { seedDemoBatches } from './batches/demo-seed.ts';

/**
 * 精神激励 (issue 15, R-HON-1/2): commendation batches with quotas, eligibility, 公示 and decision (`batches/`), the hero board (`board/`).
 */
export const honoursModule: ServerModule = {
  name: 'honours',
  routes: [batchRoutes, boardRoutes],
  permissions: HONOUR_PERMISSIONS,
  demoSeed: async (ctx: DemoSeedContext) => {
    await seedDemoBatches(ctx);
  },
};
