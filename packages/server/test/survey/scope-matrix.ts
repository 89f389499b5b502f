import type { ModuleMatrix } from '../scope-matrix.ts';
import * as needsPart from './needs-matrix.ts';

/** The survey module's routes in the route-scope matrix (issue 16), one file per part. */
export const matrix: ModuleMatrix = {
  ...needsPart.needsMatrix,
};

/** Each part's tables in the route matrix's fingerprint (a part's `fingerprint`: SQL over `$1`, the foreign org path). */
export const fingerprint: string[] = [
  ...((needsPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
];
