import type { ModuleMatrix } from '../scope-matrix.ts';

/** The selection module's `indicators/` routes in the route-scope matrix (filled in with the routes). */
export const indicatorsMatrix: ModuleMatrix = {};
