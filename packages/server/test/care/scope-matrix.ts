import type { ModuleMatrix } from '../scope-matrix.ts';
import { aidMatrix } from './aid-matrix.ts';
import { coverageMatrix } from './coverage-matrix.ts';
import { healthMatrix } from './health-matrix.ts';
import { leaveMatrix } from './leave-matrix.ts';
import { talksMatrix } from './talks-matrix.ts';

/** The care module's routes in the route-scope matrix (issue 15), one file per part. */
export const matrix: ModuleMatrix = {
  ...healthMatrix,
  ...leaveMatrix,
  ...aidMatrix,
  ...talksMatrix,
  ...coverageMatrix,
};
