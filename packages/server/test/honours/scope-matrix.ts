import type { ModuleMatrix } from '../scope-matrix.ts';
import * as batchesPart from './batches-matrix.ts';
import * as boardPart from './board-matrix.ts';

/** The honours module's routes in the route-scope matrix (issue 15), one file per part. */
export const matrix: ModuleMatrix = {
  ...batchesPart.batchesMatrix,
  ...boardPart.boardMatrix,
};

/** Each part's tables in the route matrix's fingerprint (a part's `fingerprint`: SQL over `$1`, the foreign org path). */
export const fingerprint: string[] = [
  ...((batchesPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((boardPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
];
