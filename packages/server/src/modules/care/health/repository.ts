import type { CadreCondition } from '@ganbu/core';
import type pg from 'pg';
import { conditionSql, dollarParams } from '../../selection/indicators/condition-sql.ts';
import { withReportMemory } from '../../../db/report-memory.ts';

/**
 * 体检 and 心理支持 reads and writes, all under row-level security: a unit admin sees her subtree's cadres
 * and checks; a support request only its named officer and its cadre (app_rls_parties, no reader role).
 */

export interface PlanSql {
  id: string;
  name: string;
  population: CadreCondition;
  /** calendar years one check covers (healthYearsCovered) */
  covered: number;
}

/**
 * The people due a check under `plan` in `year` in the subtree `path` (active cadres of its population not
 * checked under it in the years before that it still covers), with this year's check when done: a SQL
 * select over one pass of cadres and one of the year's checks. `$1` path, `$2` year; the rest appended.
 */
function dueSelect(plan: PlanSql, asOf: string, p: (v: unknown) => string): string {
  const planId = p(plan.id);
  const planName = p(plan.name);
  const since = p(plan.covered);
  // the year's check joined on its unique key, and the earlier checks an anti-join: both one pass (an
  // aggregate of the checks joined to the cadres let the planner loop over it per cadre at 100,000)
  return `SELECT c.id AS cadre_id, c.name AS cadre_name, c.org_id, c.org_path, c.post_title,
                 ${planId}::text AS plan_id, ${planName}::text AS plan_name,
                 h.id AS check_id, h.done_on, coalesce(h.follow_up, false) AS follow_up,
                 coalesce(h.follow_up_note, '') AS follow_up_note
            FROM cadres c
            LEFT JOIN care_health_checks h ON h.cadre_id = c.id AND h.plan_id = ${planId} AND h.year = $2::int
           WHERE c.deactivated_at IS NULL AND c.org_path <@ $1::ltree
             AND ${conditionSql(plan.population, asOf, p)}
             AND NOT EXISTS (SELECT 1 FROM care_health_checks e
                              WHERE e.cadre_id = c.id AND e.plan_id = ${planId}
                                AND e.year < $2::int AND e.year > $2::int - ${since}::int)`;
}

export interface CoverageGroup {
  /** the path of the direct child unit of the unit asked the people sit under; null: the unit's own people */
  child: string | null;
  planned: number;
  done: number;
}

/**
 * Coverage per direct child unit of `path` (and the unit's own people) in one pass: a person counts once in
 * `planned` when due under at least one plan (in its population, and no check under it in the earlier years
 * it still covers), and once in `done` when every plan they are due under has this year's check.
 */
export async function coverageByChild(
  client: pg.ClientBase,
  path: string,
  year: number,
  plans: readonly PlanSql[],
  asOf: string,
): Promise<CoverageGroup[]> {
  if (plans.length === 0) return [];
  const params: unknown[] = [path, year];
  const p = dollarParams(params);
  const cadreCols = plans
    .map((plan, i) => `COALESCE(${conditionSql(plan.population, asOf, p)}, false) AS in${i}`)
    .join(', ');
  // each plan's checks of the year (and of the earlier years it still covers) as hashed sub-plans: one hash
  // of the checks per plan, probed once per cadre
  const checkCols = plans
    .map((plan, i) => {
      const id = p(plan.id);
      const done = `c.id IN (SELECT e.cadre_id FROM care_health_checks e WHERE e.plan_id = ${id} AND e.year = $2::int)`;
      const prior =
        plan.covered > 1
          ? `c.id IN (SELECT e.cadre_id FROM care_health_checks e
                       WHERE e.plan_id = ${id} AND e.year < $2::int AND e.year > $2::int - ${p(plan.covered)}::int)`
          : 'false';
      return `${done} AS done${i}, ${prior} AS prior${i}`;
    })
    .join(', ');
  const due = (i: number) => `(y.in${i} AND NOT y.prior${i})`;
  const anyDue = plans.map((_, i) => due(i)).join(' OR ');
  const allDone = plans.map((_, i) => `(NOT ${due(i)} OR y.done${i})`).join(' AND ');
  const { rows } = await withReportMemory(
    client,
    () =>
      client.query<CoverageGroup>(
        `SELECT CASE WHEN nlevel(y.org_path) > nlevel($1::ltree) THEN subpath(y.org_path, 0, nlevel($1::ltree) + 1)::text END
                AS child,
              count(*) FILTER (WHERE ${anyDue})::int AS planned,
              count(*) FILTER (WHERE (${anyDue}) AND ${allDone})::int AS done
         FROM (SELECT c.org_path, ${cadreCols}, ${checkCols}
                 FROM cadres c
                WHERE c.deactivated_at IS NULL AND c.org_path <@ $1::ltree) y
        GROUP BY 1`,
        params,
      ),
    { hashPlans: true },
  );
  return rows;
}

export interface DueRow {
  cadreId: string;
  cadreName: string;
  orgId: string;
  orgName: string;
  postTitle: string;
  planId: string;
  planName: string;
  checkId: string | null;
  doneOn: string | null;
  followUp: boolean;
  followUpNote: string;
}

/** One page of the people due under the plans (optionally only some cadres), by unit then name. */
export async function listDue(
  client: pg.ClientBase,
  a: {
    path: string;
    year: number;
    plans: readonly PlanSql[];
    asOf: string;
    state?: 'due' | 'done' | 'follow_up';
    q?: string;
    cadreIds?: readonly string[];
    limit: number;
    offset: number;
  },
): Promise<{ items: DueRow[]; total: number }> {
  if (a.plans.length === 0) return { items: [], total: 0 };
  const params: unknown[] = [a.path, a.year];
  const p = dollarParams(params);
  const union = a.plans.map((plan) => dueSelect(plan, a.asOf, p)).join('\nUNION ALL\n');
  const where: string[] = [];
  if (a.state === 'due') where.push('d.done_on IS NULL');
  if (a.state === 'done') where.push('d.done_on IS NOT NULL');
  if (a.state === 'follow_up') where.push('d.done_on IS NOT NULL AND d.follow_up');
  if (a.q) where.push(`position(${p(a.q)} in d.cadre_name) > 0`);
  if (a.cadreIds) where.push(`d.cadre_id = ANY (${p(a.cadreIds)}::uuid[])`);
  const { rows } = await client.query<DueRow & { total: number }>(
    `SELECT d.cadre_id AS "cadreId", d.cadre_name AS "cadreName", d.org_id AS "orgId", o.name AS "orgName",
            d.post_title AS "postTitle", d.plan_id AS "planId", d.plan_name AS "planName",
            d.check_id AS "checkId", to_char(d.done_on, 'YYYY-MM-DD') AS "doneOn",
            d.follow_up AS "followUp", d.follow_up_note AS "followUpNote", count(*) OVER ()::int AS total
       FROM (${union}) d JOIN orgs o ON o.id = d.org_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY d.org_path, d.cadre_name, d.cadre_id, d.plan_id
      LIMIT ${Math.trunc(a.limit)} OFFSET ${Math.trunc(a.offset)}`,
    params,
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** Record checks (one statement); the number inserted (those already on record are left). */
export async function insertChecks(
  client: pg.ClientBase,
  a: { cadreIds: readonly string[]; planId: string; year: number; doneOn: string; userId: string; at: Date },
): Promise<number> {
  const { rowCount } = await client.query(
    `INSERT INTO care_health_checks (cadre_id, org_path, plan_id, year, done_on, recorded_by, recorded_at)
     SELECT c.id, c.org_path, $2, $3, $4::date, $5, $6 FROM cadres c WHERE c.id = ANY ($1::uuid[])
     ON CONFLICT (cadre_id, plan_id, year) DO NOTHING`,
    [a.cadreIds, a.planId, a.year, a.doneOn, a.userId, a.at],
  );
  return rowCount ?? 0;
}

export interface CheckRow {
  id: string;
  cadreId: string;
  planId: string;
  year: number;
  doneOn: string;
  followUp: boolean;
  followUpNote: string;
}

const CHECK_COLUMNS = `h.id, h.cadre_id AS "cadreId", h.plan_id AS "planId", h.year,
  to_char(h.done_on, 'YYYY-MM-DD') AS "doneOn", h.follow_up AS "followUp", h.follow_up_note AS "followUpNote"`;

export async function findCheck(client: pg.ClientBase, id: string): Promise<CheckRow | null> {
  const { rows } = await client.query<CheckRow>(
    `SELECT ${CHECK_COLUMNS} FROM care_health_checks h WHERE h.id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function updateCheck(
  client: pg.ClientBase,
  id: string,
  u: { doneOn: string; followUp: boolean; followUpNote: string },
): Promise<CheckRow> {
  const { rows } = await client.query<CheckRow>(
    `UPDATE care_health_checks h SET done_on = $2::date, follow_up = $3, follow_up_note = $4
      WHERE h.id = $1 RETURNING ${CHECK_COLUMNS}`,
    [id, u.doneOn, u.followUp, u.followUpNote],
  );
  return rows[0] as CheckRow;
}

export async function deleteCheck(client: pg.ClientBase, id: string): Promise<void> {
  await client.query(`DELETE FROM care_health_checks WHERE id = $1`, [id]);
}

export async function checksOfCadre(client: pg.ClientBase, cadreId: string): Promise<CheckRow[]> {
  const { rows } = await client.query<CheckRow>(
    `SELECT ${CHECK_COLUMNS} FROM care_health_checks h WHERE h.cadre_id = $1 ORDER BY h.done_on DESC`,
    [cadreId],
  );
  return rows;
}

// ---------------------------------------------------------------- care officers

export interface OfficerRow {
  id: string;
  userId: string;
  displayName: string;
  active: boolean;
}
const OFFICER_COLUMNS = `f.id, f.user_id AS "userId", f.display_name AS "displayName", f.active`;

export async function listOfficers(client: pg.ClientBase, activeOnly: boolean): Promise<OfficerRow[]> {
  const { rows } = await client.query<OfficerRow>(
    `SELECT ${OFFICER_COLUMNS} FROM care_officers f ${activeOnly ? 'WHERE f.active' : ''}
      ORDER BY f.active DESC, f.designated_at, f.id`,
  );
  return rows;
}

export async function findOfficer(client: pg.ClientBase, id: string): Promise<OfficerRow | null> {
  const { rows } = await client.query<OfficerRow>(
    `SELECT ${OFFICER_COLUMNS} FROM care_officers f WHERE f.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findUserByName(
  client: pg.ClientBase,
  username: string,
): Promise<{ id: string; displayName: string; active: boolean } | null> {
  const { rows } = await client.query<{ id: string; displayName: string; active: boolean }>(
    `SELECT u.id, u.display_name AS "displayName", u.active FROM users u WHERE u.username = $1`,
    [username],
  );
  return rows[0] ?? null;
}

/** Designate (or re-activate) an officer; the row. */
export async function upsertOfficer(
  client: pg.ClientBase,
  a: { userId: string; displayName: string; orgPath: string; by: string; at: Date },
): Promise<OfficerRow> {
  const { rows } = await client.query<OfficerRow>(
    `INSERT INTO care_officers AS f (user_id, display_name, org_path, designated_by, designated_at)
     VALUES ($1, $2, $3::ltree, $4, $5)
     ON CONFLICT (user_id) DO UPDATE SET active = true, display_name = EXCLUDED.display_name,
       designated_by = EXCLUDED.designated_by, designated_at = EXCLUDED.designated_at
     RETURNING ${OFFICER_COLUMNS}`,
    [a.userId, a.displayName, a.orgPath, a.by, a.at],
  );
  return rows[0] as OfficerRow;
}

export async function deactivateOfficer(client: pg.ClientBase, id: string): Promise<OfficerRow | null> {
  const { rows } = await client.query<OfficerRow>(
    `UPDATE care_officers f SET active = false WHERE f.id = $1 RETURNING ${OFFICER_COLUMNS}`,
    [id],
  );
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- support requests

export interface SupportRow {
  id: string;
  cadreId: string;
  cadreName: string;
  officerUserId: string;
  officerName: string;
  category: string;
  body: string;
  status: 'open' | 'answered' | 'closed';
  answer: string;
  createdAt: string;
  answeredAt: string | null;
  closedAt: string | null;
}

// the cadre's name and the officer's are read past the users / cadres policies only for rows the caller
// already sees (the request's own parties): they come from the request's own columns' joins below, which
// row-level security on cadres would hide from the officer, so the cadre's name is kept from the insert
const SUPPORT_SELECT = `SELECT s.id, s.cadre_id AS "cadreId", s.cadre_name AS "cadreName",
    s.officer_user_id AS "officerUserId", coalesce(f.display_name, '') AS "officerName", s.category, s.body,
    s.status, s.answer, s.created_at AS "createdAt", s.answered_at AS "answeredAt", s.closed_at AS "closedAt"
  FROM care_support_requests s LEFT JOIN care_officers f ON f.user_id = s.officer_user_id`;

type SupportDbRow = Omit<SupportRow, 'createdAt' | 'answeredAt' | 'closedAt'> & {
  createdAt: Date;
  answeredAt: Date | null;
  closedAt: Date | null;
};
const presentSupport = (r: SupportDbRow): SupportRow => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  answeredAt: r.answeredAt?.toISOString() ?? null,
  closedAt: r.closedAt?.toISOString() ?? null,
});

export async function listSupport(
  client: pg.ClientBase,
  by: { cadreId: string } | { officerUserId: string },
): Promise<SupportRow[]> {
  const [col, val] = 'cadreId' in by ? ['cadre_id', by.cadreId] : ['officer_user_id', by.officerUserId];
  const { rows } = await client.query<SupportDbRow>(
    `${SUPPORT_SELECT} WHERE s.${col} = $1 ORDER BY s.created_at DESC, s.id`,
    [val],
  );
  return rows.map(presentSupport);
}

export async function findSupport(client: pg.ClientBase, id: string): Promise<SupportRow | null> {
  const { rows } = await client.query<SupportDbRow>(`${SUPPORT_SELECT} WHERE s.id = $1 FOR UPDATE OF s`, [
    id,
  ]);
  return rows[0] ? presentSupport(rows[0]) : null;
}

export async function insertSupport(
  client: pg.ClientBase,
  a: {
    cadreId: string;
    cadreName: string;
    orgPath: string;
    officerUserId: string;
    requesterId: string;
    category: string;
    body: string;
    at: Date;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO care_support_requests (cadre_id, cadre_name, org_path, officer_user_id, party_ids, category, body,
                                        status, created_by, created_at)
     VALUES ($1, $2, $3::ltree, $4, ARRAY[$4, $5]::uuid[], $6, $7, 'open', $5, $8) RETURNING id`,
    [a.cadreId, a.cadreName, a.orgPath, a.officerUserId, a.requesterId, a.category, a.body, a.at],
  );
  return (rows[0] as { id: string }).id;
}

export async function answerSupport(client: pg.ClientBase, id: string, answer: string, at: Date) {
  await client.query(
    `UPDATE care_support_requests SET answer = $2, status = 'answered', answered_at = $3 WHERE id = $1`,
    [id, answer, at],
  );
}

export async function closeSupport(client: pg.ClientBase, id: string, at: Date) {
  await client.query(`UPDATE care_support_requests SET status = 'closed', closed_at = $2 WHERE id = $1`, [
    id,
    at,
  ]);
}

/** The cadre record's unit path and name (the requester's own, visible to them). */
export async function cadreOf(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; orgPath: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; orgPath: string }>(
    `SELECT c.id, c.name, c.org_path::text AS "orgPath" FROM cadres c WHERE c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
