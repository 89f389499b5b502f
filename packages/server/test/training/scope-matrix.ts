import type { ModuleMatrix } from '../scope-matrix.ts';
import * as practicePart from './practice-matrix.ts';
import * as programmesPart from './programmes-matrix.ts';
import * as stationsPart from './stations-matrix.ts';

/** The training module's routes in the route-scope matrix (issue 15), one file per part. */
export const matrix: ModuleMatrix = {
  ...practicePart.practiceMatrix,
  ...programmesPart.programmesMatrix,
  ...stationsPart.stationsMatrix,
};

/** Each part's tables in the route matrix's fingerprint (a part's `fingerprint`: SQL over `$1`, the foreign org path). */
export const fingerprint: string[] = [
  ...((practicePart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((programmesPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((stationsPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
];
