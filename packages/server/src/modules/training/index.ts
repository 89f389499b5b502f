import { TRAINING_PERMISSIONS } from '@ganbu/core/platform/permissions/training';
import type { DemoSeedContext } from '../../demo/context.ts';
import type { ServerModule } from '../../platform/module.ts';
import { practiceRoutes } from './practice/routes.ts';
import { programmeRoutes } from './programmes/routes.ts';
import { seedDemoPractice } from './practice/demo-seed.ts';
import { seedDemoProgrammes } from './programmes/demo-seed.ts';
import { seedDemoStations } from './stations/demo-seed.ts';
import { stationRoutes } from './stations/routes.ts';

/**
 * 教育培训 (issue 15, R-TRN-1…4): programmes, enrolment, attendance and credit with the compliance report and shortfall warnings (`programmes/`), remote-education stations (`stations/`), practice postings (`practice/`).
 */
export const trainingModule: ServerModule = {
  name: 'training',
  routes: [programmeRoutes, stationRoutes, practiceRoutes],
  permissions: TRAINING_PERMISSIONS,
  demoSeed: async (ctx: DemoSeedContext) => {
    await seedDemoProgrammes(ctx);
    await seedDemoStations(ctx);
    await seedDemoPractice(ctx);
  },
};
