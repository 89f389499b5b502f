import type { BurdenRegister } from '@ganbu/core';
import type pg from 'pg';

/**
 * The SQL of `burden/registers/`. Row-level security decides what is visible: an entry in its organiser's
 * subtree and, for a meeting or an inspection, in each target unit's subtree. Edits and deletes are aimed
 * only at rows whose own org_path is in scope (`app_org_visible(org_path)`): a target unit reads the entry
 * and cannot change it.
 */

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export interface EntryRow {
  id: string;
  register: BurdenRegister;
  year: number;
  on_date: string;
  end_date: string | null;
  org_id: string;
  org_name: string;
  org_path: string;
  kind_id: string | null;
  kind_name: string | null;
  level: string;
  title: string;
  minutes: number | null;
  video: boolean | null;
  doc_number: string | null;
  targets: { id: string; name: string }[];
  veto: boolean;
  over_plan_ref: string | null;
  over_plan_on: string | null;
  veto_ref: string | null;
  veto_on: string | null;
  explanation: string;
  cadre_id: string | null;
  cadre_name: string | null;
  times: number | null;
  hours: string | null;
  editable: boolean;
}

const SELECT = `
  SELECT e.id, e.register, e.year, e.on_date::text AS on_date, e.end_date::text AS end_date,
         e.org_id, e.org_name, e.org_path::text AS org_path, e.kind_id, e.kind_name, e.level, e.title,
         e.minutes, e.video, e.doc_number,
         coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.path)
                     FROM orgs t WHERE t.id = ANY (e.target_org_ids)), '[]'::json) AS targets,
         e.veto, e.over_plan_ref, e.over_plan_on::text AS over_plan_on, e.veto_ref, e.veto_on::text AS veto_on,
         e.explanation, e.cadre_id, c.name AS cadre_name, e.times, e.hours::text AS hours,
         app_org_visible(e.org_path) AS editable
    FROM burden_register_entries e
    LEFT JOIN cadres c ON c.id = e.cadre_id`;

/**
 * Entries of a unit: organised in its subtree, or (meetings, inspections) aimed at a unit in it. `$path` is
 * the unit's path; the target test reads the targets' paths through `orgs` (itself in scope).
 */
const concerns = (path: string) =>
  `(e.org_path <@ ${path}::ltree OR EXISTS (SELECT 1 FROM orgs t WHERE t.id = ANY (e.target_org_ids) AND t.path <@ ${path}::ltree))`;

export async function listEntries(
  client: pg.ClientBase,
  f: {
    register: BurdenRegister;
    year?: number;
    kindId?: string;
    orgPath?: string;
    q?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: EntryRow[]; total: number }> {
  const params: unknown[] = [f.register];
  const where: string[] = ['e.register = $1'];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.year !== undefined) where.push(`e.year = ${p(f.year)}`);
  if (f.kindId) where.push(`e.kind_id = ${p(f.kindId)}`);
  if (f.orgPath) where.push(concerns(p(f.orgPath)));
  if (f.q) {
    const q = p(like(f.q));
    where.push(
      `(e.title ILIKE ${q} OR coalesce(e.doc_number, '') ILIKE ${q} OR coalesce(c.name, '') ILIKE ${q})`,
    );
  }
  const w = `WHERE ${where.join(' AND ')}`;
  const count = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM burden_register_entries e LEFT JOIN cadres c ON c.id = e.cadre_id ${w}`,
    params,
  );
  const { rows } = await client.query<EntryRow>(
    `${SELECT} ${w} ORDER BY e.on_date DESC, e.created_at DESC, e.id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.n ?? 0 };
}

/** Every entry of a register matching the filters, in pages (for the export). */
export async function* allEntries(
  client: pg.ClientBase,
  f: { register: BurdenRegister; year?: number; kindId?: string; orgPath?: string; q?: string },
): AsyncGenerator<EntryRow[]> {
  const size = 1000;
  for (let offset = 0; ; offset += size) {
    const { rows } = await listEntries(client, { ...f, limit: size, offset });
    if (rows.length) yield rows;
    if (rows.length < size) return;
  }
}

export async function findEntry(
  client: pg.ClientBase,
  register: BurdenRegister,
  id: string,
): Promise<EntryRow | null> {
  const { rows } = await client.query<EntryRow>(`${SELECT} WHERE e.id = $1 AND e.register = $2`, [
    id,
    register,
  ]);
  return rows[0] ?? null;
}

export interface EntryWrite {
  register: BurdenRegister;
  orgId: string;
  orgPath: string;
  orgName: string;
  year: number;
  onDate: string;
  endDate: string | null;
  kindId: string | null;
  kindName: string | null;
  level: string;
  title: string;
  minutes: number | null;
  video: boolean | null;
  docNumber: string | null;
  targetOrgIds: string[];
  veto: boolean;
  overPlanRef: string | null;
  overPlanOn: string | null;
  vetoRef: string | null;
  vetoOn: string | null;
  explanation: string;
  cadreId: string | null;
  times: number | null;
  hours: number | null;
}

const COLUMNS = [
  'register',
  'org_id',
  'org_path',
  'org_name',
  'year',
  'on_date',
  'end_date',
  'kind_id',
  'kind_name',
  'level',
  'title',
  'minutes',
  'video',
  'doc_number',
  'target_org_ids',
  'veto',
  'over_plan_ref',
  'over_plan_on',
  'veto_ref',
  'veto_on',
  'explanation',
  'cadre_id',
  'times',
  'hours',
] as const;
const CASTS: Partial<Record<(typeof COLUMNS)[number], string>> = {
  org_path: '::ltree',
  target_org_ids: '::uuid[]',
};

const values = (w: EntryWrite): unknown[] => [
  w.register,
  w.orgId,
  w.orgPath,
  w.orgName,
  w.year,
  w.onDate,
  w.endDate,
  w.kindId,
  w.kindName,
  w.level,
  w.title,
  w.minutes,
  w.video,
  w.docNumber,
  w.targetOrgIds,
  w.veto,
  w.overPlanRef,
  w.overPlanOn,
  w.vetoRef,
  w.vetoOn,
  w.explanation,
  w.cadreId,
  w.times,
  w.hours,
];

/** Insert entries in multi-row statements of up to 500 rows; the ids in order. */
export async function insertEntries(
  client: pg.ClientBase,
  list: EntryWrite[],
  createdBy: string | null,
): Promise<string[]> {
  const ids: string[] = [];
  for (let at = 0; at < list.length; at += 500) {
    const chunk = list.slice(at, at + 500);
    const params: unknown[] = [];
    const tuples = chunk.map((w) => {
      const vals = [...values(w), createdBy];
      const refs = vals.map((v, i) => {
        params.push(v);
        return `$${params.length}${CASTS[COLUMNS[i] as (typeof COLUMNS)[number]] ?? ''}`;
      });
      return `(${refs.join(', ')})`;
    });
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO burden_register_entries (${COLUMNS.join(', ')}, created_by) VALUES ${tuples.join(', ')} RETURNING id`,
      params,
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Replace an entry's fields; false when it is not one the user may change. */
export async function updateEntry(client: pg.ClientBase, id: string, w: EntryWrite): Promise<boolean> {
  const sets = COLUMNS.map((c, i) => `${c} = $${i + 2}${CASTS[c] ?? ''}`).join(', ');
  const { rowCount } = await client.query(
    `UPDATE burden_register_entries SET ${sets}, updated_at = now()
      WHERE id = $1 AND register = $2 AND app_org_visible(org_path)`,
    [id, ...values(w)],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteEntry(
  client: pg.ClientBase,
  register: BurdenRegister,
  id: string,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `DELETE FROM burden_register_entries WHERE id = $1 AND register = $2 AND app_org_visible(org_path)`,
    [id, register],
  );
  return (rowCount ?? 0) > 0;
}

export interface OrgRef {
  id: string;
  name: string;
  path: string;
  kind: string;
}

export async function findOrgs(client: pg.ClientBase, ids: string[]): Promise<OrgRef[]> {
  if (!ids.length) return [];
  const { rows } = await client.query<OrgRef>(
    `SELECT id, name, path::text AS path, kind FROM orgs WHERE id = ANY ($1::uuid[])`,
    [ids],
  );
  return rows;
}

export async function allOrgs(client: pg.ClientBase): Promise<OrgRef[]> {
  const { rows } = await client.query<OrgRef>(
    `SELECT id, name, path::text AS path, kind FROM orgs WHERE active ORDER BY path`,
  );
  return rows;
}

export interface CadreRef {
  id: string;
  name: string;
  orgId: string;
  orgPath: string;
  orgName: string;
}

export async function findCadres(client: pg.ClientBase, ids: string[]): Promise<CadreRef[]> {
  if (!ids.length) return [];
  const { rows } = await client.query<CadreRef>(
    `SELECT c.id, c.name, c.org_id AS "orgId", c.org_path::text AS "orgPath", o.name AS "orgName"
       FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.id = ANY ($1::uuid[])`,
    [ids],
  );
  return rows;
}

/**
 * The district-wide counts the inspection rules need (run in the system scope by the caller: the plan is the
 * district's, whoever registers): items of the year, and per target unit the items of this organiser on it.
 */
export async function inspectionCounts(
  client: pg.ClientBase,
  year: number,
  organiserId: string,
  targetIds: string[],
  excludeId: string | null,
): Promise<{ yearCount: number; perTarget: Map<string, number> }> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM burden_register_entries
      WHERE register = 'inspection' AND year = $1 AND id IS DISTINCT FROM $2`,
    [year, excludeId],
  );
  const { rows: per } = await client.query<{ target: string; n: number }>(
    `SELECT t AS target, count(*)::int AS n
       FROM burden_register_entries e, unnest(e.target_org_ids) t
      WHERE e.register = 'inspection' AND e.year = $1 AND e.org_id = $2 AND e.id IS DISTINCT FROM $3
        AND t = ANY ($4::uuid[])
      GROUP BY t`,
    [year, organiserId, excludeId, targetIds],
  );
  return { yearCount: rows[0]?.n ?? 0, perTarget: new Map(per.map((r) => [r.target, r.n])) };
}

/** The summary's counts of one year for a unit (see `concerns`), under the caller's scope. */
export async function yearCounts(
  client: pg.ClientBase,
  year: number,
  orgPath: string | null,
): Promise<{ meetings: number; meetingMinutes: number; documents: number; inspections: number }> {
  const { rows } = await client.query<{
    meetings: number;
    meeting_minutes: number;
    documents: number;
    inspections: number;
  }>(
    `SELECT count(*) FILTER (WHERE e.register = 'meeting')::int AS meetings,
            coalesce(sum(e.minutes) FILTER (WHERE e.register = 'meeting'), 0)::int AS meeting_minutes,
            count(*) FILTER (WHERE e.register = 'document')::int AS documents,
            count(*) FILTER (WHERE e.register = 'inspection')::int AS inspections
       FROM burden_register_entries e
      WHERE e.year = $1 AND e.register <> 'overtime' AND ${orgPath === null ? 'true' : concerns('$2')}`,
    orgPath === null ? [year] : [year, orgPath],
  );
  const r = rows[0];
  return {
    meetings: r?.meetings ?? 0,
    meetingMinutes: r?.meeting_minutes ?? 0,
    documents: r?.documents ?? 0,
    inspections: r?.inspections ?? 0,
  };
}

/** Overtime times per cadre over the entries starting in [from, until] in a unit's subtree. */
export async function overtimePerCadre(
  client: pg.ClientBase,
  from: string,
  until: string,
  orgPath: string | null,
): Promise<number[]> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT sum(e.times)::int AS n FROM burden_register_entries e
      WHERE e.register = 'overtime' AND e.on_date BETWEEN $1 AND $2
        ${orgPath === null ? '' : 'AND e.org_path <@ $3::ltree'}
      GROUP BY e.cadre_id ORDER BY 1 DESC`,
    orgPath === null ? [from, until] : [from, until, orgPath],
  );
  return rows.map((r) => r.n);
}
