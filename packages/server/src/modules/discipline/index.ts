import { DISCIPLINE_PERMISSIONS } from '@ganbu/core/platform/permissions/discipline';
import type { ServerModule } from '../../platform/module.ts';
import { clarificationRoutes } from './clarification-routes.ts';
import { seedDemoDiscipline } from './demo-seed.ts';
import { riskFilingRoutes } from './filing-routes.ts';
import { registerCaseHandlers } from './service/cases.ts';
import { disciplineRecordRoutes } from './record-routes.ts';
import { toleranceRoutes } from './tolerance-routes.ts';

/**
 * 从严管理 (R-DIS-1), 改革创新风险报备 and 容错纠错 (R-TOL-1…3), 澄清正名 (R-TOL-4): records, filings, cases and
 * reports, confidential by row-level security (migrations 0019, 0020), every read audited.
 */
export const disciplineModule: ServerModule = {
  name: 'discipline',
  routes: [disciplineRecordRoutes, riskFilingRoutes, toleranceRoutes, clarificationRoutes],
  permissions: DISCIPLINE_PERMISSIONS,
  // 容错申请 and 澄清正名 are cases of the workflow engine: this module answers their transitions
  onReady: async () => registerCaseHandlers(),
  demoSeed: seedDemoDiscipline,
};
