import type { ModuleMatrix } from '../scope-matrix.ts';

/** The training module's `stations` routes in the route-scope matrix (filled in with the routes). */
export const stationsMatrix: ModuleMatrix = {};
