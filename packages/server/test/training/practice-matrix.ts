import type { ModuleMatrix } from '../scope-matrix.ts';

/** The training module's `practice` routes in the route-scope matrix (filled in with the routes). */
export const practiceMatrix: ModuleMatrix = {};
