import type { ModuleMatrix } from '../scope-matrix.ts';
import * as aidPart from './aid-matrix.ts';
import * as coveragePart from './coverage-matrix.ts';
import * as healthPart from './health-matrix.ts';
import * as leavePart from './leave-matrix.ts';
import * as talksPart from './talks-matrix.ts';

/** The care module's routes in the route-scope matrix (issue 15), one file per part. */
export const matrix: ModuleMatrix = {
  ...aidPart.aidMatrix,
  ...coveragePart.coverageMatrix,
  ...healthPart.healthMatrix,
  ...leavePart.leaveMatrix,
  ...talksPart.talksMatrix,
};

/** Each part's tables in the route matrix's fingerprint (a part's `fingerprint`: SQL over `$1`, the foreign org path). */
export const fingerprint: string[] = [
  ...((aidPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((coveragePart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((healthPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((leavePart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((talksPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
];
