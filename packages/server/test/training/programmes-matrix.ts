import type { ModuleMatrix } from '../scope-matrix.ts';

/** The training module's `programmes` routes in the route-scope matrix (filled in with the routes). */
export const programmesMatrix: ModuleMatrix = {};
