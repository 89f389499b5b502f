import type { ModuleMatrix } from '../scope-matrix.ts';

/** The selection module's `process/` routes in the route-scope matrix (filled in with the routes). */
export const processMatrix: ModuleMatrix = {};
