import { PAIRING_PERMISSIONS } from '@ganbu/core/platform/permissions/pairing';
import type { ServerModule } from '../../platform/module.ts';
import { seedDemoPairings } from './demo-seed.ts';
import { pairingRoutes } from './routes.ts';

/** 结对帮扶 (R-CARE-6): mentors paired with cadres, and dated notes of the follow-up. */
export const pairingModule: ServerModule = {
  name: 'pairing',
  routes: [pairingRoutes],
  permissions: PAIRING_PERMISSIONS,
  demoSeed: seedDemoPairings,
};
