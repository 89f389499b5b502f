import type { ModuleMatrix } from '../scope-matrix.ts';
import { afterMatrix } from './after-matrix.ts';
import { indicatorsMatrix } from './indicators-matrix.ts';
import { poolsMatrix } from './pools-matrix.ts';
import { processMatrix } from './process-matrix.ts';

/** The selection module's routes in the route-scope matrix: indicators, processes, pools, after appointment. */
export const matrix: ModuleMatrix = { ...indicatorsMatrix, ...processMatrix, ...poolsMatrix, ...afterMatrix };
