import { CADRE_PERMISSIONS } from '@ganbu/core/platform/permissions/cadre';
import type { ServerModule } from '../../platform/module.ts';
import { correctionRoutes, encryptLegacyCorrections } from './corrections/routes.ts';
import { seedDemoCadres } from './demo-seed.ts';
import { cadreFormRoutes } from './form-routes.ts';
import { cadreImportRoutes } from './import-routes.ts';
import { cadreRoutes } from './routes.ts';

/** 干部信息: the cadre registry, its imports and exports, the approval form, correction requests. */
export const cadreModule: ServerModule = {
  name: 'cadre',
  routes: [cadreRoutes, cadreImportRoutes, cadreFormRoutes, correctionRoutes],
  permissions: CADRE_PERMISSIONS,
  // correction requests stored before their sensitive values were encrypted (migration 0013)
  async onReady(app) {
    const n = await encryptLegacyCorrections(app.pool, app.cipher, app.clock());
    if (n) app.log.info(`encrypted the proposed values of ${n} earlier correction requests`);
  },
  demoSeed: seedDemoCadres,
};
