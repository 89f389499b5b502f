import type { ModuleMatrix } from '../scope-matrix.ts';
import { practiceMatrix } from './practice-matrix.ts';
import { programmesMatrix } from './programmes-matrix.ts';
import { stationsMatrix } from './stations-matrix.ts';

/** The training module's routes in the route-scope matrix (issue 15), one file per part. */
export const matrix: ModuleMatrix = { ...programmesMatrix, ...stationsMatrix, ...practiceMatrix };
