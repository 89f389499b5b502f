import type { ModuleMatrix } from '../scope-matrix.ts';

/** The dashboard module's `overview` routes in the route-scope matrix (filled in with the routes). */
export const overviewMatrix: ModuleMatrix = {};
