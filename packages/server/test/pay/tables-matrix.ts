import type { ModuleMatrix } from '../scope-matrix.ts';

/** The district's pay tables and statistics (the tables helper fills it). */
export const tablesMatrix: ModuleMatrix = {};
