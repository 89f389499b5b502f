import type { ModuleMatrix } from '../scope-matrix.ts';

/** Pay runs, lines, export, what-if (the runs helper fills it). */
export const runMatrix: ModuleMatrix = {};
