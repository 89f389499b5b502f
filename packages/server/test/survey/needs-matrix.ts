import type { ModuleMatrix } from '../scope-matrix.ts';

/** The survey module's `needs` routes in the route-scope matrix (filled in with the routes). */
export const needsMatrix: ModuleMatrix = {};
