import type { ModuleMatrix } from '../scope-matrix.ts';
import { runMatrix } from './run-matrix.ts';
import { tablesMatrix } from './tables-matrix.ts';

/** The pay module's routes in the route-scope matrix: the runs' and the district tables'. */
export const matrix: ModuleMatrix = { ...tablesMatrix, ...runMatrix };
