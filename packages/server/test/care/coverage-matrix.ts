import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * GET /api/care/coverage: asked for the foreign street by id it must be refused or answer nothing of it (the
 * health, talk and leave parts each answer their kind).
 */
export const coverageMatrix: ModuleMatrix = {
  'GET /api/care/coverage': {
    requests: (fx) =>
      ['health', 'talk', 'leave'].flatMap((kind): { query: Record<string, string> }[] => [
        { query: { year: '2026', kind } },
        { query: { year: '2026', kind, orgId: fx.foreign.orgId } },
      ]),
    targetsForeign: false,
  },
};
