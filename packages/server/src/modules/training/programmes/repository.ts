import type { CadreCondition, EnrolmentMode, EnrolmentStatus, TrainingFacts } from '@ganbu/core';
import type pg from 'pg';
import { conditionSql, dollarParams } from '../../selection/indicators/condition-sql.ts';
import { withReportMemory } from '../../../db/report-memory.ts';

/**
 * The SQL of `training/programmes/`. Row-level security decides what is visible: a programme in its
 * organiser's subtree and (reading) by the units below the organiser; an enrolment or an attendance row in
 * the subtree of the cadre's unit (and by the cadre).
 */

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export interface CadreRef {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  orgPath: string;
}

/** Cadres visible to the user (in service), with their unit. */
export async function findCadres(client: pg.ClientBase, ids: readonly string[]): Promise<CadreRef[]> {
  const { rows } = await client.query<{
    id: string;
    name: string;
    org_id: string;
    org_name: string;
    org_path: string;
  }>(
    `SELECT c.id, c.name, c.org_id, o.name AS org_name, c.org_path::text AS org_path
       FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.id = ANY ($1::uuid[]) AND c.deactivated_at IS NULL`,
    [ids],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    orgPath: r.org_path,
  }));
}

/** The district's path (the tree's root). */
export async function rootPath(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ path: string }>(
    'SELECT path::text AS path FROM orgs WHERE parent_id IS NULL',
  );
  return rows[0]?.path ?? '';
}

/** Units visible to the user. */
export async function findOrgs(
  client: pg.ClientBase,
  ids: readonly string[],
): Promise<{ id: string; name: string; path: string }[]> {
  const { rows } = await client.query<{ id: string; name: string; path: string }>(
    'SELECT id, name, path::text AS path FROM orgs WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  return rows;
}

// ---------------------------------------------------------------- programmes

export interface ProgrammeRow {
  id: string;
  org_id: string;
  org_path: string;
  organiser_name: string;
  name: string;
  kind_id: string;
  kind_name: string;
  start_on: string;
  end_on: string;
  days: number | null;
  hours: number | null;
  hours_per_day: number;
  credit_days: number;
  pack_name: string;
  target_org_ids: string[];
  target_org_names: string[];
  target_condition: CadreCondition | null;
  enrolment_mode: EnrolmentMode;
  seats: number | null;
  note: string;
  enrolled: number;
  attended: number;
}

export interface SessionRow {
  id: string;
  programme_id: string;
  seq: number;
  title: string;
  on_date: string;
  days: number | null;
  hours: number | null;
  credit_days: number;
}

const TAKING_PART = `('admitted', 'named', 'confirmed', 'substitution_requested')`;

const PROGRAMME_SELECT = `
  SELECT p.id, p.org_id, p.org_path::text AS org_path, p.organiser_name, p.name, p.kind_id, p.kind_name,
         p.start_on::text AS start_on, p.end_on::text AS end_on, p.days, p.hours, p.hours_per_day,
         p.credit_days, p.pack_name, p.target_org_ids, p.target_org_names,
         p.target_condition, p.enrolment_mode, p.seats, p.note,
         (SELECT count(*) FROM training_enrolments e WHERE e.programme_id = p.id AND e.status IN ${TAKING_PART})::int
           AS enrolled,
         (SELECT count(DISTINCT a.cadre_id) FROM training_attendance a WHERE a.programme_id = p.id AND a.attended)::int
           AS attended
    FROM training_programmes p`;

function programmeOf(r: ProgrammeRow): ProgrammeRow {
  return {
    ...r,
    days: num(r.days),
    hours: num(r.hours),
    hours_per_day: Number(r.hours_per_day),
    credit_days: Number(r.credit_days),
  };
}

export async function insertProgramme(
  client: pg.ClientBase,
  p: {
    orgId: string;
    orgPath: string;
    organiserName: string;
    name: string;
    kindId: string;
    kindName: string;
    startOn: string;
    endOn: string;
    days: number | null;
    hours: number | null;
    hoursPerDay: number;
    creditDays: number;
    packName: string;
    targetOrgIds: string[];
    targetOrgNames: string[];
    targetCondition: CadreCondition | null;
    mode: EnrolmentMode;
    seats: number | null;
    note: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO training_programmes (org_id, org_path, name, kind_id, kind_name, start_on, end_on, days, hours,
                                      hours_per_day, credit_days, pack_name, target_org_ids, target_condition,
                                      enrolment_mode, seats, note, created_by, organiser_name, target_org_names)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     RETURNING id`,
    [
      p.orgId,
      p.orgPath,
      p.name,
      p.kindId,
      p.kindName,
      p.startOn,
      p.endOn,
      p.days,
      p.hours,
      p.hoursPerDay,
      p.creditDays,
      p.packName,
      p.targetOrgIds,
      p.targetCondition === null ? null : JSON.stringify(p.targetCondition),
      p.mode,
      p.seats,
      p.note,
      p.createdBy,
      p.organiserName,
      p.targetOrgNames,
    ],
  );
  return rows[0]!.id;
}

export async function insertSession(
  client: pg.ClientBase,
  s: {
    programmeId: string;
    seq: number;
    title: string;
    on: string;
    days: number | null;
    hours: number | null;
    creditDays: number;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO training_sessions (programme_id, seq, title, on_date, days, hours, credit_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [s.programmeId, s.seq, s.title, s.on, s.days, s.hours, s.creditDays],
  );
}

export async function findProgramme(client: pg.ClientBase, id: string): Promise<ProgrammeRow | null> {
  const { rows } = await client.query<ProgrammeRow>(`${PROGRAMME_SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ? programmeOf(rows[0]) : null;
}

export async function sessionsOf(
  client: pg.ClientBase,
  programmeIds: readonly string[],
): Promise<SessionRow[]> {
  const { rows } = await client.query<SessionRow>(
    `SELECT id, programme_id, seq, title, on_date::text AS on_date, days, hours, credit_days
       FROM training_sessions WHERE programme_id = ANY ($1::uuid[]) ORDER BY programme_id, seq`,
    [programmeIds],
  );
  return rows.map((s) => ({
    ...s,
    days: num(s.days),
    hours: num(s.hours),
    credit_days: Number(s.credit_days),
  }));
}

export async function listProgrammes(
  client: pg.ClientBase,
  f: {
    year?: number;
    kindId?: string;
    organiserOrgId?: string;
    q?: string;
    modes?: readonly EnrolmentMode[];
    startFrom?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ProgrammeRow[]; total: number }> {
  const params: unknown[] = [];
  const p = dollarParams(params);
  const where: string[] = [];
  if (f.year !== undefined) where.push(`extract(year FROM p.start_on)::int = ${p(f.year)}`);
  if (f.kindId) where.push(`p.kind_id = ${p(f.kindId)}`);
  if (f.organiserOrgId) where.push(`p.org_id = ${p(f.organiserOrgId)}`);
  if (f.q) where.push(`p.name ILIKE ${p(like(f.q))}`);
  if (f.modes) where.push(`p.enrolment_mode = ANY (${p(f.modes)}::text[])`);
  if (f.startFrom) where.push(`p.start_on >= ${p(f.startFrom)}::date`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows: count } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM training_programmes p ${w}`,
    params,
  );
  const { rows } = await client.query<ProgrammeRow>(
    `${PROGRAMME_SELECT} ${w} ORDER BY p.start_on DESC, p.name LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { rows: rows.map(programmeOf), total: count[0]!.n };
}

/** Programmes of each kind starting in the year (visible to the user). */
export async function heldByKind(client: pg.ClientBase, year: number): Promise<Map<string, number>> {
  const { rows } = await client.query<{ kind_id: string; n: number }>(
    `SELECT kind_id, count(*)::int AS n FROM training_programmes
      WHERE start_on >= make_date($1, 1, 1) AND start_on <= make_date($1, 12, 31) GROUP BY kind_id`,
    [year],
  );
  return new Map(rows.map((r) => [r.kind_id, r.n]));
}

/**
 * Which of the cadres are in the programme's target on `asOf`: active, in one of the target units' subtrees
 * (none: the organiser's), and meeting the target condition (if any).
 */
export async function inTarget(
  client: pg.ClientBase,
  programme: Pick<ProgrammeRow, 'target_org_ids' | 'target_condition' | 'org_path'>,
  cadreIds: readonly string[],
  asOf: string,
): Promise<Set<string>> {
  const params: unknown[] = [];
  const p = dollarParams(params);
  const units = programme.target_org_ids.length
    ? `c.org_path <@ ARRAY(SELECT t.path FROM orgs t WHERE t.id = ANY (${p(programme.target_org_ids)}::uuid[]))`
    : `c.org_path <@ ${p(programme.org_path)}::ltree`;
  const cond = programme.target_condition ? conditionSql(programme.target_condition, asOf, p) : 'TRUE';
  const { rows } = await client.query<{ id: string }>(
    `SELECT c.id FROM cadres c
      WHERE c.id = ANY (${p(cadreIds)}::uuid[]) AND c.deactivated_at IS NULL AND ${units} AND COALESCE(${cond}, false)`,
    params,
  );
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- enrolments

export interface EnrolmentRow {
  id: string;
  programme_id: string;
  programme_name: string;
  enrolment_mode: EnrolmentMode;
  seats: number | null;
  cadre_id: string;
  cadre_name: string;
  org_id: string;
  unit_name: string;
  org_path: string;
  status: EnrolmentStatus;
  rank: number | null;
  note: string;
  reason: string;
  substitute_cadre_id: string | null;
  substitute_name: string | null;
  substitute_reason: string;
  substitute_for: string | null;
  substitute_for_name: string | null;
}

const ENROLMENT_SELECT = `
  SELECT e.id, e.programme_id, p.name AS programme_name, p.enrolment_mode, p.seats, e.cadre_id,
         c.name AS cadre_name, c.org_id, o.name AS unit_name, e.org_path::text AS org_path, e.status, e.rank,
         e.note, e.reason, e.substitute_cadre_id, s.name AS substitute_name, e.substitute_reason, e.substitute_for,
         (SELECT fc.name FROM training_enrolments f JOIN cadres fc ON fc.id = f.cadre_id WHERE f.id = e.substitute_for)
           AS substitute_for_name
    FROM training_enrolments e
    JOIN training_programmes p ON p.id = e.programme_id
    JOIN cadres c ON c.id = e.cadre_id
    JOIN orgs o ON o.id = c.org_id
    LEFT JOIN cadres s ON s.id = e.substitute_cadre_id`;

export async function insertEnrolment(
  client: pg.ClientBase,
  e: {
    programmeId: string;
    cadreId: string;
    orgPath: string;
    status: EnrolmentStatus;
    note: string;
    substituteFor?: string | null;
    createdBy: string | null;
  },
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO training_enrolments (programme_id, cadre_id, org_path, status, note, substitute_for, created_by)
     VALUES ($1, $2, $3::ltree, $4, $5, $6, $7) ON CONFLICT (programme_id, cadre_id) DO NOTHING RETURNING id`,
    [e.programmeId, e.cadreId, e.orgPath, e.status, e.note, e.substituteFor ?? null, e.createdBy],
  );
  return rows[0]?.id ?? null;
}

export async function findEnrolment(
  client: pg.ClientBase,
  id: string,
  lock = false,
): Promise<EnrolmentRow | null> {
  if (lock) await client.query('SELECT 1 FROM training_enrolments WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await client.query<EnrolmentRow>(`${ENROLMENT_SELECT} WHERE e.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findEnrolmentOf(
  client: pg.ClientBase,
  programmeId: string,
  cadreId: string,
): Promise<EnrolmentRow | null> {
  const { rows } = await client.query<EnrolmentRow>(
    `${ENROLMENT_SELECT} WHERE e.programme_id = $1 AND e.cadre_id = $2`,
    [programmeId, cadreId],
  );
  return rows[0] ?? null;
}

export async function listEnrolments(
  client: pg.ClientBase,
  f: {
    programmeId?: string;
    status?: EnrolmentStatus;
    mustSend?: boolean;
    cadreId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: EnrolmentRow[]; total: number }> {
  const params: unknown[] = [];
  const p = dollarParams(params);
  const where: string[] = [];
  if (f.programmeId) where.push(`e.programme_id = ${p(f.programmeId)}`);
  if (f.status) where.push(`e.status = ${p(f.status)}`);
  if (f.mustSend) where.push(`e.status IN ('named', 'substitution_requested')`);
  if (f.cadreId) where.push(`e.cadre_id = ${p(f.cadreId)}`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows: count } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM training_enrolments e JOIN training_programmes p ON p.id = e.programme_id ${w}`,
    params,
  );
  const { rows } = await client.query<EnrolmentRow>(
    `${ENROLMENT_SELECT} ${w} ORDER BY p.start_on DESC, e.programme_id, e.rank NULLS LAST, o.path, c.name
      LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { rows, total: count[0]!.n };
}

export async function countAdmitted(client: pg.ClientBase, programmeId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM training_enrolments WHERE programme_id = $1 AND status = 'admitted'`,
    [programmeId],
  );
  return rows[0]!.n;
}

export async function updateEnrolment(
  client: pg.ClientBase,
  id: string,
  u: {
    status: EnrolmentStatus;
    rank?: number | null;
    reason?: string;
    substituteCadreId?: string | null;
    substituteReason?: string;
    decidedBy?: string | null;
    now: Date;
  },
): Promise<void> {
  await client.query(
    `UPDATE training_enrolments
        SET status = $2, rank = COALESCE($3, rank), reason = COALESCE($4, reason),
            substitute_cadre_id = CASE WHEN $5::boolean THEN $6::uuid ELSE substitute_cadre_id END,
            substitute_reason = COALESCE($7, substitute_reason),
            decided_by = COALESCE($8, decided_by), decided_at = CASE WHEN $8::uuid IS NULL THEN decided_at ELSE $9 END
      WHERE id = $1`,
    [
      id,
      u.status,
      u.rank ?? null,
      u.reason ?? null,
      u.substituteCadreId !== undefined,
      u.substituteCadreId ?? null,
      u.substituteReason ?? null,
      u.decidedBy ?? null,
      u.now,
    ],
  );
}

/** The cadres taking part in a programme (admitted, named, confirmed, substitution asked). */
export async function takingPart(client: pg.ClientBase, programmeId: string): Promise<Map<string, string>> {
  const { rows } = await client.query<{ cadre_id: string; org_path: string }>(
    `SELECT cadre_id, org_path::text AS org_path FROM training_enrolments
      WHERE programme_id = $1 AND status IN ${TAKING_PART}`,
    [programmeId],
  );
  return new Map(rows.map((r) => [r.cadre_id, r.org_path]));
}

// ---------------------------------------------------------------- attendance

export async function upsertAttendance(
  client: pg.ClientBase,
  a: {
    programmeId: string;
    sessionId: string | null;
    cadreId: string;
    orgPath: string;
    kindId: string;
    on: string;
    attended: boolean;
    leaveReason: string;
    creditDays: number;
    recordedBy: string | null;
    now: Date;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO training_attendance (programme_id, session_id, cadre_id, org_path, kind_id, on_date, attended,
                                      leave_reason, credit_days, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4::ltree, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT ON CONSTRAINT training_attendance_once DO UPDATE
        SET attended = EXCLUDED.attended, leave_reason = EXCLUDED.leave_reason, credit_days = EXCLUDED.credit_days,
            recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [
      a.programmeId,
      a.sessionId,
      a.cadreId,
      a.orgPath,
      a.kindId,
      a.on,
      a.attended,
      a.leaveReason,
      a.creditDays,
      a.recordedBy,
      a.now,
    ],
  );
}

export interface AttendanceRow {
  programme_id: string;
  programme_name: string;
  kind_id: string;
  kind_name: string;
  session_id: string | null;
  session_title: string | null;
  on_date: string;
  cadre_id: string;
  cadre_name: string;
  attended: boolean;
  leave_reason: string;
  credit_days: number;
}

export async function attendanceOf(
  client: pg.ClientBase,
  f: { programmeId?: string; sessionId?: string | null; cadreId?: string; year?: number },
): Promise<AttendanceRow[]> {
  const params: unknown[] = [];
  const p = dollarParams(params);
  const where: string[] = [];
  if (f.programmeId) where.push(`a.programme_id = ${p(f.programmeId)}`);
  if (f.sessionId !== undefined)
    where.push(f.sessionId === null ? 'a.session_id IS NULL' : `a.session_id = ${p(f.sessionId)}`);
  if (f.cadreId) where.push(`a.cadre_id = ${p(f.cadreId)}`);
  if (f.year !== undefined)
    where.push(`a.on_date BETWEEN make_date(${p(f.year)}, 1, 1) AND make_date(${p(f.year)}, 12, 31)`);
  const { rows } = await client.query<AttendanceRow>(
    `SELECT a.programme_id, pr.name AS programme_name, a.kind_id, pr.kind_name, a.session_id, s.title AS session_title,
            a.on_date::text AS on_date, a.cadre_id, c.name AS cadre_name, a.attended, a.leave_reason, a.credit_days
       FROM training_attendance a
       JOIN training_programmes pr ON pr.id = a.programme_id
       JOIN cadres c ON c.id = a.cadre_id
       LEFT JOIN training_sessions s ON s.id = a.session_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.on_date, pr.name, s.seq NULLS FIRST, c.name`,
    params,
  );
  return rows.map((r) => ({ ...r, credit_days: Number(r.credit_days) }));
}

// ---------------------------------------------------------------- compliance

export interface PersonRow {
  id: string;
  name: string;
  org_id: string;
  org_path: string;
  /** whether each requirement's population takes the cadre, in the requirements' order */
  applies: boolean[];
}

/**
 * The active cadres of the subtree (visible to the user; one cadre with `cadreId`) and, per requirement,
 * whether its population takes them on `asOf` (one boolean column per requirement, the condition as SQL).
 */
export async function peopleOf(
  client: pg.ClientBase,
  rootPath: string,
  populations: readonly CadreCondition[],
  asOf: string,
  only: Only = {},
): Promise<PersonRow[]> {
  const params: unknown[] = [];
  const p = dollarParams(params);
  const cols = populations.map((c, i) => `COALESCE(${conditionSql(c, asOf, p)}, false) AS r${i}`);
  const { rows } = await client.query<Record<string, unknown>>(
    `SELECT c.id, c.name, c.org_id, c.org_path::text AS org_path${cols.map((c) => `, ${c}`).join('')}
       FROM cadres c
      WHERE c.org_path <@ ${p(rootPath)}::ltree AND c.deactivated_at IS NULL${onlySql(only, p)}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    org_id: r.org_id as string,
    org_path: r.org_path as string,
    applies: populations.map((_, i) => r[`r${i}`] === true),
  }));
}

/** Narrows a compliance read to one cadre, or to the cadres of some units (the page shown). */
export interface Only {
  cadreId?: string;
  orgIds?: readonly string[];
  /** factsOf only: these cadres (still under the subtree and active) */
  cadreIds?: readonly string[];
}

function onlySql(only: Only, p: (v: unknown) => string): string {
  let sql = '';
  if (only.cadreId) sql += ` AND c.id = ${p(only.cadreId)}`;
  if (only.orgIds) sql += ` AND c.org_id = ANY (${p(only.orgIds)}::uuid[])`;
  return sql;
}

/**
 * What each cadre of the subtree attended from 1 January to `asOf`, per programme kind: credit days,
 * distinct programmes, and the months with attendance as bits.
 */
export async function factsOf(
  client: pg.ClientBase,
  rootPath: string,
  year: number,
  asOf: string,
  only: Only = {},
): Promise<Map<string, TrainingFacts>> {
  const params: unknown[] = [rootPath, year, asOf];
  const p = dollarParams(params);
  // some cadres named: their attendance found by its cadre index (not a scan of the year's rows)
  const one = only.cadreIds ? ` AND a.cadre_id = ANY (${p(only.cadreIds)}::uuid[])` : onlySql(only, p);
  const { rows } = await client.query<{
    cadre_id: string;
    kind_id: string;
    days: number;
    programmes: number;
    months: number;
  }>(
    `SELECT a.cadre_id, a.kind_id, sum(a.credit_days)::float8 AS days, count(DISTINCT a.programme_id)::int AS programmes,
            bit_or(1 << (extract(month FROM a.on_date)::int - 1))::int AS months
       FROM training_attendance a
       JOIN cadres c ON c.id = a.cadre_id
      WHERE a.attended AND a.on_date BETWEEN make_date($2, 1, 1) AND $3::date
        AND c.org_path <@ $1::ltree AND c.deactivated_at IS NULL${one}
      GROUP BY a.cadre_id, a.kind_id`,
    params,
  );
  const out = new Map<string, TrainingFacts>();
  for (const r of rows) {
    let f = out.get(r.cadre_id);
    if (!f) out.set(r.cadre_id, (f = {}));
    f[r.kind_id] = { days: Number(r.days), programmes: r.programmes, months: r.months };
  }
  return out;
}

/**
 * One requirement as SQL over a cadre's facts, equivalent to the core judge (`judgeRequirement`): `days` and
 * `programmes` met when the shortfall rounded to hundredths is 0 (in float8, as in JS); `everyPeriod` met when the cadre attended
 * in each of `duePeriods` (month masks of the periods missed or closing on asOf, found by the core judge
 * itself). `warned`: days/programmes warn once the day is on or after `warnFrom`; everyPeriod always.
 */
export type RequirementSql =
  | { measure: 'days' | 'programmes'; kinds: readonly string[]; min: number; warned: boolean }
  | { measure: 'everyPeriod'; kinds: readonly string[]; duePeriods: readonly number[] };

export interface ComplianceGroup {
  org_id: string;
  org_path: string;
  /** every requirement that applies is met (true for a cadre with none) */
  met: boolean;
  /** the name contains the searched text (true without a search) */
  hit: boolean;
  cadres: number;
  /** under at least one requirement */
  required: number;
  warnings: number;
  /** the cadres' days (each rounded to hundredths), summed */
  days: number;
}

/**
 * The compliance report's figures in one pass (R-TRN-2): the active cadres of the subtree grouped by unit,
 * whether met, and whether their name holds `needle`; per group the cadres, those under a requirement, those
 * warned and their days. The per-unit summary and the paging of the lines are computed from these groups;
 * only the cadres of the page are then judged in JS (the sentences).
 *
 * A cadre's facts on asOf come from `training_cadre_years` (kept on every attendance write: the raw sums per
 * kind cumulated by month) for the complete months before asOf's month, plus the attendance rows of asOf's
 * own month up to asOf (a programme counted there only if not attended earlier in the year).
 */
export async function complianceGroups(
  client: pg.ClientBase,
  a: {
    rootPath: string;
    year: number;
    asOf: string;
    populations: readonly CadreCondition[];
    requirements: readonly RequirementSql[];
    needle?: string;
  },
): Promise<ComplianceGroup[]> {
  const month = Number(a.asOf.slice(5, 7));
  const monthStart = `${a.asOf.slice(0, 7)}-01`;
  const params: unknown[] = [a.rootPath, a.year, a.asOf, monthStart];
  const p = dollarParams(params);
  const applies = a.populations.map((c, i) => `COALESCE(${conditionSql(c, a.asOf, p)}, false) AS r${i}`);
  const inKinds = (kinds: readonly string[]) =>
    kinds.length ? ` AND x.kind_id = ANY (${p(kinds)}::text[])` : '';
  // asOf's month so far, per cadre (a programme counts there when first attended in the year)
  const recent = a.requirements.map((r, i) =>
    r.measure === 'days'
      ? `sum(x.credit_days) FILTER (WHERE true${inKinds(r.kinds)}) AS g${i}`
      : r.measure === 'programmes'
        ? `count(DISTINCT x.programme_id) FILTER (WHERE x.first${inKinds(r.kinds)}) AS g${i}`
        : `bool_or(true${inKinds(r.kinds)}) AS g${i}`,
  );
  // the complete months before asOf's month, from the summary (nothing before January)
  const before = (r: RequirementSql): string => {
    if (month === 1) return '0';
    const key = r.measure === 'days' ? 'd' : 'p';
    const cast = r.measure === 'days' ? 'numeric' : 'int';
    if (r.measure === 'everyPeriod') {
      const bits = r.kinds.length
        ? r.kinds.map((k) => `coalesce((s.kinds -> ${p(k)} ->> 'm')::int, 0)`).join(' | ')
        : 's.months';
      return `((${bits}) & ${(1 << (month - 1)) - 1})`;
    }
    if (!r.kinds.length) return `s.${r.measure}[${month - 1}]`;
    return r.kinds
      .map((k) => `coalesce((s.kinds -> ${p(k)} -> '${key}' ->> ${month - 2})::${cast}, 0)`)
      .join(' + ');
  };
  const facts = a.requirements.map((r, i) =>
    r.measure === 'everyPeriod'
      ? `(coalesce(${before(r)}, 0) | CASE WHEN m.g${i} THEN ${1 << (month - 1)} ELSE 0 END) AS f${i}`
      : `(coalesce(${before(r)}, 0) + coalesce(m.g${i}, 0)) AS f${i}`,
  );
  const daysBefore = month === 1 ? '0' : `coalesce(s.days[${month - 1}], 0)`;
  const met = a.requirements.map((r, i) => {
    if (r.measure === 'everyPeriod')
      return r.duePeriods.length
        ? r.duePeriods.map((m) => `(f.f${i} & ${p(m)}::int) <> 0`).join(' AND ')
        : 'true';
    // in float8 as the judge computes in JS: actual = round2(sum), met when round2(max(0, min − actual)) = 0
    // (Math.round(x) = floor(x + 0.5); PostgreSQL's round(float8) rounds half to even)
    const actual = `floor(f.f${i}::float8 * 100 + 0.5) / 100`;
    return `floor(greatest(0, ${p(r.min)}::float8 - ${actual}) * 100 + 0.5) = 0`;
  });
  const warns = a.requirements.map((r) => r.measure === 'everyPeriod' || r.warned);
  const metAll = met.length ? met.map((m, i) => `(NOT f.r${i} OR (${m}))`).join(' AND ') : 'true';
  const warnAny = met.filter((_, i) => warns[i]).length
    ? met
        .map((m, i) => (warns[i] ? `(f.r${i} AND NOT (${m}))` : null))
        .filter(Boolean)
        .join(' OR ')
    : 'false';
  const required = a.populations.length ? a.populations.map((_, i) => `f.r${i}`).join(' OR ') : 'false';
  const hit = a.needle ? `strpos(f.name, ${p(a.needle)}) > 0` : 'true';
  const { rows } = await withReportMemory(
    client,
    () =>
      client.query<ComplianceGroup & { days: string }>(
        `WITH m AS (
       SELECT x.cadre_id, sum(x.credit_days) AS days${recent.map((g) => `, ${g}`).join('')}
         FROM (SELECT a.cadre_id, a.kind_id, a.programme_id, a.credit_days,
                      NOT EXISTS (SELECT 1 FROM training_attendance b
                                   WHERE b.cadre_id = a.cadre_id AND b.programme_id = a.programme_id AND b.attended
                                     AND b.on_date >= make_date($2, 1, 1) AND b.on_date < $4::date) AS first
                 FROM training_attendance a
                WHERE a.attended AND a.on_date BETWEEN $4::date AND $3::date) x
        GROUP BY x.cadre_id
     ), f AS (
       SELECT c.name, c.org_id, c.org_path::text AS org_path${applies.map((x) => `, ${x}`).join('')},
              ${daysBefore} + coalesce(m.days, 0) AS days${facts.map((x) => `, ${x}`).join('')}
         FROM cadres c
         LEFT JOIN training_cadre_years s ON s.cadre_id = c.id AND s.year = $2
         LEFT JOIN m ON m.cadre_id = c.id
        WHERE c.org_path <@ $1::ltree AND c.deactivated_at IS NULL
     ), j AS (
       SELECT f.org_id, f.org_path, round(f.days, 2) AS days,
              (${required}) AS required, (${metAll}) AS met, (${warnAny}) AS warning, (${hit}) AS hit
         FROM f
     )
     SELECT j.org_id, j.org_path, j.met, j.hit, count(*)::int AS cadres,
            count(*) FILTER (WHERE j.required)::int AS required, count(*) FILTER (WHERE j.warning)::int AS warnings,
            sum(j.days)::text AS days
       FROM j GROUP BY j.org_id, j.org_path, j.met, j.hit`,
        params,
      ),
    { hashPlans: true },
  );
  return rows.map((r) => ({ ...r, days: Number(r.days) }));
}

/** The linked accounts of cadres (active), for their notices. */
export async function accountsOf(
  client: pg.ClientBase,
  cadreIds: readonly string[],
): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; cadre_id: string }>(
    `SELECT id, cadre_id FROM users WHERE cadre_id = ANY ($1::uuid[]) AND active`,
    [cadreIds],
  );
  return new Map(rows.map((r) => [r.cadre_id, r.id]));
}

export async function orgNames(client: pg.ClientBase, ids: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; name: string }>(
    'SELECT id, name FROM orgs WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Which of the inbox source keys were posted already (read in the system context, as the workflow module
 * posts them: only the keys, no notice's content).
 */
export async function existingNoticeKeys(
  client: pg.ClientBase,
  keys: readonly string[],
): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const { rows: saved } = await client.query<{ saved: string[] }>('SELECT app_enter_system() AS saved');
  const { rows } = await client.query<{ source_key: string }>(
    'SELECT source_key FROM inbox_notices WHERE source_key = ANY ($1::text[])',
    [keys],
  );
  await client.query('SELECT app_leave_system($1)', [saved[0]!.saved]);
  return new Set(rows.map((r) => r.source_key));
}
