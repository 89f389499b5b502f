import type { DemoDistrict } from '@ganbu/core/demo/district';
import type pg from 'pg';
import type { FieldCipher } from '../platform/field-cipher.ts';
import type { DemoAdmin } from './admin-secrets.ts';
import type { DemoSlips } from './assessment.ts';

/** What the demo seed hands back to whoever started it (printed once by `npm start` and the CLI). */
export interface DemoSeedReport {
  /** the administrators' one-time secrets (filled by the users step) */
  admins: DemoAdmin[];
  /** unused slips of the open round, to try the ballot page (filled by the assessment step) */
  slips: DemoSlips;
}

/**
 * Shared by the modules' demo-seed steps (`ServerModule.demoSeed`), which run in the module list's order:
 * a step reads what earlier steps recorded here (ids by the generator's keys) and adds its own.
 */
export interface DemoSeedContext {
  /** the seed's one transaction, in the system scope */
  client: pg.ClientBase;
  cipher: FieldCipher;
  now: Date;
  /** the generator's seed (the same district for the same number) */
  seed: number;
  district: DemoDistrict;
  /** the district's orgs by generator key: id and ltree path (filled by the org step) */
  orgIds: Map<string, string>;
  orgPaths: Map<string, string>;
  /** the demo cadres' ids by generator key (filled by the cadre step) */
  cadreIds: Map<string, string>;
  report: DemoSeedReport;
  /** fixed administrator secrets (tests), else random per data directory */
  adminSecrets?: Record<string, { password: string; totpSecret: string }>;
}
