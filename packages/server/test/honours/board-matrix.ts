import type { ModuleMatrix } from '../scope-matrix.ts';

/** The honours module's `board` routes in the route-scope matrix (filled in with the routes). */
export const boardMatrix: ModuleMatrix = {};
