import type { ModuleMatrix } from '../scope-matrix.ts';

/** The burden module's `registers` routes in the route-scope matrix (filled in with the routes). */
export const registersMatrix: ModuleMatrix = {};
