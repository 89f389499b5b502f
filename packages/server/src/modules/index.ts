import type { ServerModule } from '../platform/module.ts';
import { assessmentModule } from './assessment/index.ts';
import { auditModule } from './audit/index.ts';
import { authModule } from './auth/index.ts';
import { cadreModule } from './cadre/index.ts';
import { disciplineModule } from './discipline/index.ts';
import { calendarModule } from './calendar/index.ts';
import { eligibilityModule } from './eligibility/index.ts';
import { healthModule } from './health/index.ts';
import { orgModule } from './org/index.ts';
import { pairingModule } from './pairing/index.ts';
import { payModule } from './pay/index.ts';
import { selectionModule } from './selection/index.ts';
import { honoursModule } from './honours/index.ts';
import { trainingModule } from './training/index.ts';
import { careModule } from './care/index.ts';
import { burdenModule } from './burden/index.ts';
import { surveyModule } from './survey/index.ts';
import { dashboardModule } from './dashboard/index.ts';
import { settingsModule } from './settings/index.ts';
import { usersModule } from './users/index.ts';
import { workflowModule } from './workflow/index.ts';

/**
 * Every server module, once. Order matters: routes register and the demo seed runs in this order, so a
 * module comes after those its demo data builds on (cadres sit in orgs; demo accounts link to cadres).
 */
export const SERVER_MODULES: readonly ServerModule[] = [
  healthModule,
  authModule,
  orgModule,
  cadreModule,
  usersModule,
  settingsModule,
  auditModule,
  assessmentModule,
  workflowModule,
  pairingModule,
  disciplineModule,
  calendarModule,
  eligibilityModule,
  payModule,
  selectionModule,
  honoursModule,
  trainingModule,
  careModule,
  burdenModule,
  surveyModule,
  dashboardModule,
];
