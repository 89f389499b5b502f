import type { ModuleMatrix } from '../scope-matrix.ts';
import * as staffingPart from './staffing-matrix.ts';
import * as worklistPart from './worklist-matrix.ts';
import * as registersPart from './registers-matrix.ts';

/** The burden module's routes in the route-scope matrix (issue 16), one file per part. */
export const matrix: ModuleMatrix = {
  ...staffingPart.staffingMatrix,
  ...worklistPart.worklistMatrix,
  ...registersPart.registersMatrix,
};

/** Each part's tables in the route matrix's fingerprint (a part's `fingerprint`: SQL over `$1`, the foreign org path). */
export const fingerprint: string[] = [
  ...((staffingPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((worklistPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
  ...((registersPart as unknown as { fingerprint?: string[] }).fingerprint ?? []),
];
