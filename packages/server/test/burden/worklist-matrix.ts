import type { ModuleMatrix } from '../scope-matrix.ts';

/** The burden module's `worklist` routes in the route-scope matrix (filled in with the routes). */
export const worklistMatrix: ModuleMatrix = {};
