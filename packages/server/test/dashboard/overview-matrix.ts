import type { ModuleMatrix } from '../scope-matrix.ts';

/**
 * The dashboard's routes in the route-scope matrix: each asked for the foreign street by id (refused as not
 * found), and without a unit (the reader's own scope, which must hold nothing of the foreign street). The
 * drill-down is also asked for the foreign street's row by key from the reader's own unit.
 */
const levels = ['district', 'unit', 'leader'] as const;
type Q = { query: Record<string, string> };

export const overviewMatrix: ModuleMatrix = {
  'GET /api/dashboard': {
    requests: (fx): Q[] => [
      ...levels.map((level) => ({ query: { year: '2026', level } })),
      { query: { year: '2026', orgId: fx.foreign.orgId } },
      { query: { year: '2026', orgId: fx.foreign.villageId, level: 'unit' } },
    ],
    targetsForeign: false,
  },
  'GET /api/dashboard/drill': {
    requests: (fx): Q[] => [
      { query: { year: '2026', section: 'headcount', key: fx.foreign.orgId } },
      { query: { year: '2026', section: 'headcount', key: fx.foreign.orgId, orgId: fx.foreign.orgId } },
      { query: { year: '2026', section: 'age', key: '35-44', orgId: fx.foreign.orgId } },
      { query: { year: '2026', section: 'age', key: '35-44', level: 'leader' } },
      { query: { year: '2026', section: 'pay', key: `self:${fx.foreign.orgId}` } },
      { query: { year: '2026', section: 'training', key: fx.foreign.orgId, series: 'short' } },
    ],
    targetsForeign: false,
  },
  'GET /api/dashboard/export': {
    requests: (fx): Q[] => [
      { query: { year: '2026', section: 'headcount' } },
      { query: { year: '2026', section: 'age', orgId: fx.foreign.orgId } },
    ],
    targetsForeign: false,
  },
  'GET /api/dashboard/drill/export': {
    requests: (fx): Q[] => [
      { query: { year: '2026', section: 'age', key: '35-44' } },
      { query: { year: '2026', section: 'headcount', key: fx.foreign.orgId } },
      { query: { year: '2026', section: 'gender', key: 'female', orgId: fx.foreign.orgId } },
    ],
    targetsForeign: false,
  },
};

/** The dashboard owns no table: nothing of it in the foreign street's fingerprint. */
export const fingerprint: string[] = [];
