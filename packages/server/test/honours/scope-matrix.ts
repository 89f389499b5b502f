import type { ModuleMatrix } from '../scope-matrix.ts';
import { batchesMatrix } from './batches-matrix.ts';
import { boardMatrix } from './board-matrix.ts';

/** The honours module's routes in the route-scope matrix (issue 15), one file per part. */
export const matrix: ModuleMatrix = { ...batchesMatrix, ...boardMatrix };
