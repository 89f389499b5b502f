import { ELIGIBILITY_PERMISSIONS } from '@ganbu/core/platform/permissions/eligibility';
import type { ServerModule } from '../../platform/module.ts';
import { eligibilityRoutes } from './routes.ts';

/**
 * 资格 (R-RUL-1/2): the eligibility engine's answers per cadre, purpose and date, and the early-warning
 * flags (R-DIS-2). Other modules ask `eligibilityOf` / `eligibilityForComputation` (service.ts). Its demo
 * facts are the discipline module's demo records (one demo seed for the strict-management tables).
 */
export const eligibilityModule: ServerModule = {
  name: 'eligibility',
  routes: [eligibilityRoutes],
  permissions: ELIGIBILITY_PERMISSIONS,
};
