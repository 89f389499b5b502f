import type { ModuleMatrix } from '../scope-matrix.ts';

/** The training module's `stations` routes in the route-scope matrix (aimed at the foreign village's station). */
export const stationsMatrix: ModuleMatrix = {
  'GET /api/training/stations': { requests: () => [{}], targetsForeign: false },
  'POST /api/training/stations': {
    requests: (fx) => [
      { payload: { parentId: fx.foreign.villageId, name: '越权站点' } },
      // an own station managed by a foreign cadre
      { payload: { parentId: fx.own.villageId, name: '越权站点', managerId: fx.foreign.cadreId } },
    ],
    targetsForeign: true,
  },
  'PATCH /api/training/stations/:id': {
    requests: (fx) => [{ id: fx.foreign.practice.stationId, payload: { address: '越权修改' } }],
    targetsForeign: true,
  },
  'GET /api/training/stations/:id/activities': {
    requests: (fx) => [{ id: fx.foreign.practice.stationId }],
    targetsForeign: true,
  },
  'POST /api/training/stations/:id/activities': {
    requests: (fx) => [
      {
        id: fx.foreign.practice.stationId,
        payload: { heldOn: '2026-10-01', topic: '越权登记', attendees: 1 },
      },
    ],
    targetsForeign: true,
  },
  'POST /api/training/stations/rounds': {
    requests: (fx) => [
      {
        payload: {
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          stationIds: [fx.foreign.practice.stationId],
        },
      },
    ],
    targetsForeign: true,
  },
};

/** The register entries and activities of the foreign street's stations, in the foreign fingerprint. */
export const fingerprint: string[] = [
  `SELECT string_agg(s::text, '|' ORDER BY s.org_id) FROM station_profiles s
     WHERE s.org_id IN (SELECT id FROM orgs WHERE path <@ $1::ltree)`,
  `SELECT string_agg(a::text, '|' ORDER BY a.id) FROM station_activities a
     WHERE a.org_id IN (SELECT id FROM orgs WHERE path <@ $1::ltree)`,
];
