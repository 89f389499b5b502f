import type { ModuleMatrix } from '../scope-matrix.ts';

/** The care module's `health` routes in the route-scope matrix (filled in with the routes). */
export const healthMatrix: ModuleMatrix = {};
