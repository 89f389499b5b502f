import type { ModuleMatrix } from '../scope-matrix.ts';
import * as overviewPart from './overview-matrix.ts';

/** The dashboard module's routes in the route-scope matrix (issue 16), one file per part. */
export const matrix: ModuleMatrix = {
  ...overviewPart.overviewMatrix,
};

/** Each part's tables in the route matrix's fingerprint (a part's `fingerprint`: SQL over `$1`, the foreign org path). */
export const fingerprint: string[] = [
  ...((overviewPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
];
