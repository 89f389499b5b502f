import type { ModuleMatrix } from '../scope-matrix.ts';

/** The burden module's `staffing` routes in the route-scope matrix (filled in with the routes). */
export const staffingMatrix: ModuleMatrix = {};
