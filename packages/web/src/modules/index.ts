import type { BundleOf } from '../app/module-kit.ts';
import { accountModule } from './account/module.tsx';
import { assessmentModule } from './assessment/module.tsx';
import { auditModule } from './audit/module.tsx';
import { authModule } from './auth/module.tsx';
import { ballotModule } from './ballot/module.tsx';
import { cadresModule } from './cadres/module.tsx';
import { disciplineModule } from './discipline/module.tsx';
import { calendarModule } from './calendar/module.tsx';
import { homeModule } from './home/module.tsx';
import { inboxModule } from './inbox/module.tsx';
import { orgModule } from './org/module.tsx';
import { pairingModule } from './pairing/module.tsx';
import { payModule } from './pay/module.tsx';
import { selectionModule } from './selection/module.tsx';
import { honoursModule } from './honours/module.tsx';
import { trainingModule } from './training/module.tsx';
import { careModule } from './care/module.tsx';
import { burdenModule } from './burden/module.tsx';
import { dashboardModule } from './dashboard/module.tsx';
import { surveyModule } from './survey/module.tsx';
import { securityModule } from './security/module.tsx';
import { usersModule } from './users/module.tsx';

/**
 * The web modules, in menu order. The router, the side menu and the role → menu map iterate this list;
 * adding a module is its own folder (`module.tsx`, pages, `i18n/`) and one line here.
 */
export const MODULES = [
  homeModule,
  inboxModule,
  orgModule,
  usersModule,
  securityModule,
  auditModule,
  cadresModule,
  assessmentModule,
  pairingModule,
  disciplineModule,
  payModule,
  selectionModule,
  honoursModule,
  trainingModule,
  careModule,
  burdenModule,
  dashboardModule,
  surveyModule,
  calendarModule,
  accountModule,
  authModule,
  ballotModule,
] as const;

type IntersectAll<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R]
  ? BundleOf<H> & IntersectAll<R>
  : unknown;

/** Every module's texts together (typed `t()`, see i18n/i18next.d.ts). */
export type ModuleTexts = IntersectAll<typeof MODULES>;
