import { ASSESSMENT_PERMISSIONS } from '@ganbu/core/platform/permissions/assessment';
import { seedDemoAssessment } from '../../demo/assessment.ts';
import type { ServerModule } from '../../platform/module.ts';
import { appealRoutes } from './appeal-routes.ts';
import { ballotRoutes } from './ballot-routes.ts';
import { packRoutes } from './pack-routes.ts';
import { ensureShippedPacks } from './service/packs.ts';
import { reportFileRoutes } from './report-file-routes.ts';
import { resultRoutes } from './result-routes.ts';
import { roundRoutes } from './round-routes.ts';

/** 考核评议: policy packs, rounds, slips and the public ballot, results, report files. */
export const assessmentModule: ServerModule = {
  name: 'assessment',
  routes: [packRoutes, roundRoutes, resultRoutes, reportFileRoutes, ballotRoutes, appealRoutes],
  permissions: ASSESSMENT_PERMISSIONS,
  // the shipped policy packs, loaded once per version (an edited version is never overwritten)
  onReady: (app) => ensureShippedPacks(app.pool),
  async demoSeed(ctx) {
    ctx.report.slips = await seedDemoAssessment(ctx.client, ctx.cipher, ctx.now, ctx.seed);
  },
};
