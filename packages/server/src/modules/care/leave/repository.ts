import type pg from 'pg';
import { withReportMemory } from '../../../db/report-memory.ts';

/**
 * The SQL of `care/leave/`. Row-level security decides what is visible: a leave record is seen in the
 * subtree of the cadre's unit and by the cadre (仅本人).
 */

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export interface CadreLeaveRow {
  id: string;
  name: string;
  org_id: string;
  org_name: string;
  org_path: string;
  work_start_date: string | null;
  taken_annual: number;
  recuperation_days: number;
}

const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`];

const CADRE_LEAVE_SELECT = `
  SELECT c.id, c.name, c.org_id, o.name AS org_name, c.org_path::text AS org_path, c.work_start_date,
         coalesce((SELECT sum(l.days) FROM care_leave_records l
                    WHERE l.cadre_id = c.id AND l.counts_against_annual AND l.start_on BETWEEN $1 AND $2), 0)::int
           AS taken_annual,
         coalesce((SELECT sum(l.days) FROM care_leave_records l
                    WHERE l.cadre_id = c.id AND l.kind = 'recuperation' AND l.start_on BETWEEN $1 AND $2), 0)::int
           AS recuperation_days
    FROM cadres c JOIN orgs o ON o.id = c.org_id`;

/** The active cadres visible to the user with their annual leave taken in the year, by unit and name. */
export async function listCadreLeave(
  client: pg.ClientBase,
  f: { year: number; q?: string; limit: number; offset: number },
): Promise<{ rows: CadreLeaveRow[]; total: number }> {
  const params: unknown[] = yearBounds(f.year);
  const where = ['c.deactivated_at IS NULL'];
  if (f.q) {
    params.push(like(f.q));
    where.push(`c.name ILIKE $${params.length}`);
  }
  params.push(f.limit, f.offset);
  const { rows } = await client.query<CadreLeaveRow & { total: number }>(
    `SELECT page.*, count(*) OVER ()::int AS total FROM (${CADRE_LEAVE_SELECT} WHERE ${where.join(' AND ')}) page
      ORDER BY (SELECT path FROM orgs WHERE id = page.org_id), page.name, page.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  if (rows.length === 0 && f.offset > 0) {
    const { rows: n } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cadres c WHERE c.deactivated_at IS NULL${f.q ? ' AND c.name ILIKE $1' : ''}`,
      f.q ? [like(f.q)] : [],
    );
    return { rows: [], total: n[0]?.n ?? 0 };
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** One visible cadre with the year's leave figures (deactivated ones too: their past stays readable). */
export async function findCadreLeave(
  client: pg.ClientBase,
  cadreId: string,
  year: number,
): Promise<CadreLeaveRow | null> {
  const { rows } = await client.query<CadreLeaveRow>(`${CADRE_LEAVE_SELECT} WHERE c.id = $3`, [
    ...yearBounds(year),
    cadreId,
  ]);
  return rows[0] ?? null;
}

/** Lock the cadre's row while a record is checked against the balance (two at once cannot both fit). */
export async function lockCadre(client: pg.ClientBase, cadreId: string): Promise<void> {
  await client.query('SELECT id FROM cadres WHERE id = $1 FOR UPDATE', [cadreId]);
}

export interface LeaveRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  org_path: string;
  kind: 'annual' | 'recuperation' | 'other';
  start_on: string;
  end_on: string;
  days: number;
  counts_against_annual: boolean;
  note: string;
  explanation: string;
}

const LEAVE_SELECT = `
  SELECT l.id, l.cadre_id, c.name AS cadre_name, l.org_path::text AS org_path, l.kind,
         l.start_on::text AS start_on, l.end_on::text AS end_on, l.days, l.counts_against_annual, l.note,
         l.explanation
    FROM care_leave_records l JOIN cadres c ON c.id = l.cadre_id`;

export async function listLeave(client: pg.ClientBase, cadreId: string, year: number): Promise<LeaveRow[]> {
  const { rows } = await client.query<LeaveRow>(
    `${LEAVE_SELECT} WHERE l.cadre_id = $1 AND l.start_on BETWEEN $2 AND $3 ORDER BY l.start_on, l.created_at`,
    [cadreId, ...yearBounds(year)],
  );
  return rows;
}

export async function findLeave(client: pg.ClientBase, id: string): Promise<LeaveRow | null> {
  const { rows } = await client.query<LeaveRow>(`${LEAVE_SELECT} WHERE l.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Whether a record of the cadre overlaps the period. */
export async function overlaps(
  client: pg.ClientBase,
  cadreId: string,
  startOn: string,
  endOn: string,
): Promise<boolean> {
  const { rows } = await client.query(
    'SELECT 1 FROM care_leave_records WHERE cadre_id = $1 AND start_on <= $3 AND end_on >= $2 LIMIT 1',
    [cadreId, startOn, endOn],
  );
  return rows.length > 0;
}

export async function insertLeave(
  client: pg.ClientBase,
  r: {
    cadreId: string;
    orgPath: string;
    kind: string;
    startOn: string;
    endOn: string;
    days: number;
    countsAgainstAnnual: boolean;
    note: string;
    explanation: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO care_leave_records (cadre_id, org_path, kind, start_on, end_on, days, counts_against_annual,
                                     note, explanation, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      r.cadreId,
      r.orgPath,
      r.kind,
      r.startOn,
      r.endOn,
      r.days,
      r.countsAgainstAnnual,
      r.note,
      r.explanation,
      r.createdBy,
    ],
  );
  return rows[0]!.id;
}

export async function deleteLeave(client: pg.ClientBase, id: string): Promise<boolean> {
  const { rowCount } = await client.query('DELETE FROM care_leave_records WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

// ---------------------------------------------------------------- coverage

export interface OrgRow {
  id: string;
  name: string;
  path: string;
}

export async function findOrg(client: pg.ClientBase, id: string): Promise<OrgRow | null> {
  const { rows } = await client.query<OrgRow>('SELECT id, name, path::text AS path FROM orgs WHERE id = $1', [
    id,
  ]);
  return rows[0] ?? null;
}

/** The unit at the root of the caller's scope (the district for 全部). */
export async function scopeRoot(client: pg.ClientBase): Promise<OrgRow | null> {
  const { rows } = await client.query<OrgRow>(
    `SELECT o.id, o.name, o.path::text AS path FROM orgs o
      WHERE CASE WHEN (SELECT app_scope_root()) = ''::ltree THEN o.parent_id IS NULL
                 ELSE o.path = (SELECT app_scope_root()) END
      ORDER BY o.path LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** The active direct child units of a unit, visible to the user, in path order. */
export async function childUnits(client: pg.ClientBase, parentId: string): Promise<OrgRow[]> {
  const { rows } = await client.query<OrgRow>(
    `SELECT id, name, path::text AS path FROM orgs WHERE parent_id = $1 AND active ORDER BY path`,
    [parentId],
  );
  return rows;
}

/**
 * The active cadres under a unit grouped by the child unit they sit under (its path; null: the unit's own)
 * and by 参加工作时间 (`taken` 0), and per child unit the annual days those cadres took in the year (rows with
 * `work_start_date` null and `people` 0): the entitlement is computed once per start date, and the days
 * taken are summed per child (the only way they are used).
 */
export async function leaveByChild(
  client: pg.ClientBase,
  path: string,
  year: number,
): Promise<{ child: string | null; work_start_date: string | null; people: number; taken: number }[]> {
  const child = (col: string) => `CASE WHEN nlevel(${col}) > $2 THEN subpath(${col}, 0, $2 + 1)::text END`;
  // Two hash-grouped scans of the cadres, the second hash-joined to the year's leave rows (row-level security
  // makes the planner expect one row per table: without hash plans the join is 76,000 index look-ups).
  const { rows } = await withReportMemory(
    client,
    () =>
      client.query<{
        child: string | null;
        work_start_date: string | null;
        people: number;
        taken: number;
      }>(
        `SELECT ${child('c.org_path')} AS child, c.work_start_date, count(*)::int AS people, 0 AS taken
           FROM cadres c
          WHERE c.org_path <@ $1::ltree AND c.deactivated_at IS NULL
          GROUP BY 1, 2
         UNION ALL
         SELECT ${child('c.org_path')}, NULL, 0, coalesce(sum(l.days), 0)::int
           FROM care_leave_records l
           JOIN cadres c ON c.id = l.cadre_id
          WHERE l.counts_against_annual AND l.start_on BETWEEN $3 AND $4 AND l.org_path <@ $1::ltree
            AND c.org_path <@ $1::ltree AND c.deactivated_at IS NULL
          GROUP BY 1`,
        [path, path.split('.').length, ...yearBounds(year)],
      ),
    { hashPlans: true },
  );
  return rows;
}
