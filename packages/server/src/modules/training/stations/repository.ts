import type { Station, StationActivity } from '@ganbu/core';
import type pg from 'pg';

/**
 * Row-level security decides what is visible: the station units in the user's scope, their register entry
 * and activities (children of the unit).
 */

interface StationRow {
  org_id: string;
  name: string;
  parent_name: string;
  manager_id: string | null;
  manager_name: string;
  address: string;
  equipment: string;
  activity_count: number;
  last_activity_on: string | null;
}

const SELECT = `
  SELECT o.id AS org_id, o.name, coalesce(pa.name, '') AS parent_name, s.manager_id,
         coalesce(s.manager_name, '') AS manager_name, coalesce(s.address, '') AS address,
         coalesce(s.equipment, '') AS equipment,
         (SELECT count(*)::int FROM station_activities a WHERE a.org_id = o.id) AS activity_count,
         (SELECT max(a.held_on)::text FROM station_activities a WHERE a.org_id = o.id) AS last_activity_on
    FROM orgs o
    LEFT JOIN orgs pa ON pa.id = o.parent_id
    LEFT JOIN station_profiles s ON s.org_id = o.id
   WHERE o.kind = 'station' AND o.active`;

type LatestResult = NonNullable<Station['latestResult']>;

export async function listStations(
  client: pg.ClientBase,
  schemeId: string | null,
  id?: string,
): Promise<Station[]> {
  const { rows } = await client.query<StationRow>(
    `${SELECT} ${id ? 'AND o.id = $1' : ''} ORDER BY o.path`,
    id ? [id] : [],
  );
  const latest = schemeId
    ? await latestResults(
        client,
        schemeId,
        rows.map((r) => r.org_id),
      )
    : new Map<string, LatestResult>();
  return rows.map((r) => ({
    orgId: r.org_id,
    name: r.name,
    parentName: r.parent_name,
    managerId: r.manager_id,
    managerName: r.manager_name,
    address: r.address,
    equipment: r.equipment,
    activityCount: r.activity_count,
    lastActivityOn: r.last_activity_on,
    latestResult: latest.get(r.org_id) ?? null,
  }));
}

/** Each station's latest published result of the scheme (by the round's period end). */
async function latestResults(
  client: pg.ClientBase,
  schemeId: string,
  unitIds: string[],
): Promise<Map<string, LatestResult>> {
  if (unitIds.length === 0) return new Map();
  const { rows } = await client.query<{
    unit_id: string;
    round_id: string;
    round_name: string;
    period_end: string;
    grade: string | null;
    score: string | null;
  }>(
    `SELECT DISTINCT ON (t.unit_id) t.unit_id, r.id AS round_id, r.name AS round_name,
            r.period_end::text AS period_end, coalesce(t.final_grade, t.proposed_grade) AS grade,
            coalesce(t.result ->> 'total', t.result -> 'tally' ->> 'total') AS score
       FROM assessment_targets t
       JOIN assessment_rounds r ON r.id = t.round_id
      WHERE t.cadre_id IS NULL AND t.unit_id = ANY ($1::uuid[]) AND r.scheme_id = $2 AND r.state = 'published'
      ORDER BY t.unit_id, r.period_end DESC, r.created_at DESC`,
    [unitIds, schemeId],
  );
  return new Map(
    rows.map((r) => [
      r.unit_id,
      {
        roundId: r.round_id,
        roundName: r.round_name,
        periodEnd: r.period_end,
        grade: r.grade,
        score: r.score === null ? null : Number(r.score),
      },
    ]),
  );
}

export async function findStationUnit(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; path: string }>(
    `SELECT id, name, path::text FROM orgs WHERE id = $1 AND kind = 'station'`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findCadre(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string } | null> {
  const { rows } = await client.query<{ id: string; name: string }>(
    'SELECT id, name FROM cadres WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function upsertProfile(
  client: pg.ClientBase,
  orgId: string,
  p: { managerId?: string | null; managerName?: string; address?: string; equipment?: string },
): Promise<void> {
  await client.query(
    `INSERT INTO station_profiles (org_id, manager_id, manager_name, address, equipment)
     VALUES ($1, $3, coalesce($4, ''), coalesce($5, ''), coalesce($6, ''))
     ON CONFLICT (org_id) DO UPDATE SET
       manager_id = CASE WHEN $2::boolean THEN $3 ELSE station_profiles.manager_id END,
       manager_name = coalesce($4, station_profiles.manager_name),
       address = coalesce($5, station_profiles.address),
       equipment = coalesce($6, station_profiles.equipment),
       updated_at = now()`,
    [
      orgId,
      p.managerId !== undefined,
      p.managerId ?? null,
      p.managerName ?? null,
      p.address ?? null,
      p.equipment ?? null,
    ],
  );
}

export async function listActivities(client: pg.ClientBase, orgId: string): Promise<StationActivity[]> {
  const { rows } = await client.query<{ id: string; held_on: string; topic: string; attendees: number }>(
    `SELECT id, held_on::text AS held_on, topic, attendees FROM station_activities
      WHERE org_id = $1 ORDER BY held_on DESC, created_at DESC`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, heldOn: r.held_on, topic: r.topic, attendees: r.attendees }));
}

export async function insertActivity(
  client: pg.ClientBase,
  a: { orgId: string; heldOn: string; topic: string; attendees: number; createdBy: string | null },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO station_activities (org_id, held_on, topic, attendees, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [a.orgId, a.heldOn, a.topic, a.attendees, a.createdBy],
  );
  return (rows[0] as { id: string }).id;
}
