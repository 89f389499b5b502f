import type { Appointment, CadreListQuery, CadreRecord, Education } from '@ganbu/core';
import type pg from 'pg';
import type { EncryptedFields } from './sensitive.ts';

export interface RosterRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  age: number | null;
  org_id: string;
  org_name: string;
  establishment_org_id: string | null;
  post_title: string;
  rank: string;
  category: CadreRecord['category'];
  political_status: string;
  full_time_education: Partial<Education>;
  tags: string[];
  id_number_enc: string | null;
  phone_enc: string | null;
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (c) => '\\' + c);
}

/** A condition the roster's caller built (the 结构指标 filter): SQL over `cadres c` with `?` placeholders. */
export interface RosterCondition {
  sql: string;
  values: unknown[];
}

/** WHERE clause of the roster filters; row-level security adds the scope. */
export function rosterWhere(
  q: CadreListQuery,
  today: string,
  /** cadres left out (the not-eligible ones of the 可提拔 filter, asked of the eligibility engine) */
  excluded?: readonly string[],
  /** the people of an indicator's part (`indicator`), as its module put it in SQL */
  extra?: RosterCondition,
  /**
   * a scope narrower than the district: name the units it sees (orgs' own row-level security) so the rows
   * come from `cadres_roster_unit` instead of a scan of every cadre. Narrows only; the policy still applies
   */
  byVisibleUnits = false,
): { sql: string; params: unknown[] } {
  const parts: string[] = ['c.deactivated_at IS NULL'];
  if (byVisibleUnits) parts.push('c.org_id = ANY (ARRAY(SELECT id FROM orgs))');
  const params: unknown[] = [];
  const add = (cond: string, ...values: unknown[]) => {
    let i = 0;
    parts.push(
      cond.replace(/\?/g, () => {
        params.push(values[i++]);
        return `$${params.length}`;
      }),
    );
  };
  if (q.q) add('c.name LIKE ?', `%${escapeLike(q.q)}%`);
  if (q.orgId) add('c.org_path <@ (SELECT path FROM orgs WHERE id = ?)', q.orgId);
  if (q.gender) add('c.gender = ?', q.gender);
  // age ≥ min ⇔ born on or before today − min years; age ≤ max ⇔ born after today − (max + 1) years.
  // birth_day is the stored month-precision-aware birth date (migration 0004); the bound is cast to date
  // so the comparison is date > date, which PostgreSQL may use as an index condition under row-level
  // security (date > timestamp is not leakproof and would be evaluated after the policy, on every row).
  if (q.ageMin !== undefined)
    add(`c.birth_day <= (?::date - make_interval(years => ?))::date`, today, q.ageMin);
  if (q.ageMax !== undefined)
    add(`c.birth_day > (?::date - make_interval(years => ?))::date`, today, q.ageMax + 1);
  if (q.education) add('c.education = ?', q.education);
  if (q.degree) add('c.degree = ?', q.degree);
  if (q.politicalStatus) add('c.political_status = ?', q.politicalStatus);
  if (q.category) add('c.category = ?', q.category);
  if (q.rank) add('c.rank = ?', q.rank);
  if (q.tag) add('? = ANY (c.tags)', q.tag);
  if (q.professionalType !== undefined) add('c.professional_type = ?', q.professionalType);
  if (q.streetOrTownship !== undefined) add('c.fact_street_or_township = ?', q.streetOrTownship);
  if (q.streetLeadership !== undefined) add('c.fact_street_leadership = ?', q.streetLeadership);
  if (q.townshipSecretary !== undefined) add('c.fact_township_secretary = ?', q.townshipSecretary);
  if (q.grassrootsYearsMin !== undefined)
    add('c.fact_grassroots_months >= ?', Math.round(q.grassrootsYearsMin * 12));
  if (excluded?.length) add('NOT (c.id = ANY (?::uuid[]))', excluded);
  if (extra) add(extra.sql, ...extra.values);
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

const ORDER: Record<CadreListQuery['sort'], string> = {
  org: 'c.org_path, c.name, c.id',
  name: 'c.name, c.id',
  birthDate: 'c.birth_day, c.id',
  rank: 'c.rank, c.name, c.id',
};

/**
 * The page in two steps: the ids of the page from the filtered, sorted rows (an index-only scan of
 * `cadres_roster` for the usual filters), then the wide columns and the unit name for those ids only.
 */
export function rosterSelect(
  q: CadreListQuery,
  today: string,
  page?: { limit: number; offset: number },
  excluded?: readonly string[],
  extra?: RosterCondition,
  byVisibleUnits = false,
) {
  const where = rosterWhere(q, today, excluded, extra, byVisibleUnits);
  const todayParam = where.params.length + 1;
  // one direction for every key (the tie-breakers too): a descending sort then walks an index backwards
  // and stops at the page, on PostgreSQL 15 as well (it has no incremental sort for mixed directions here)
  const order = ORDER[q.sort].replace(/(c\.\w+)/g, `$1 ${q.order === 'desc' ? 'DESC' : 'ASC'}`);
  const limit = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : '';
  const sql = `WITH page AS MATERIALIZED (SELECT c.id FROM cadres c ${where.sql} ORDER BY ${order}${limit})
    SELECT c.id, c.name, c.gender, c.birth_date,
      date_part('year', age($${todayParam}::date, c.birth_day))::int AS age,
      c.org_id, o.name AS org_name, c.establishment_org_id, c.post_title, c.rank, c.category, c.political_status, c.full_time_education,
      c.tags, c.id_number_enc, c.phone_enc
    FROM page JOIN cadres c ON c.id = page.id JOIN orgs o ON o.id = c.org_id
    ORDER BY ${order}`;
  return { sql, params: [...where.params, today] };
}

/**
 * The roster's count stops at this many matches: past it the page shows "10,000+" (a count beyond it
 * would read every matching index entry again on each page). A product limit, not a policy figure.
 */
export const ROSTER_COUNT_CAP = 10_000;

/** The count of the roster's matches, up to `cap` + 1 rows read (more than `cap`: capped). */
export function rosterCount(
  q: CadreListQuery,
  today: string,
  cap: number,
  excluded?: readonly string[],
  extra?: RosterCondition,
  byVisibleUnits = false,
) {
  const where = rosterWhere(q, today, excluded, extra, byVisibleUnits);
  const limit = where.params.length + 1;
  return {
    sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM cadres c ${where.sql} LIMIT $${limit}) m`,
    params: [...where.params, cap + 1],
  };
}

export interface RosterCount {
  /** the number of matches, at most the cap */
  total: number;
  /** more than `total` match: the figure is a floor ("10,000+") */
  capped: boolean;
}

export interface RosterPage {
  rows: RosterRow[];
  /** null when no count was asked for */
  count: RosterCount | null;
}

/**
 * One page of the roster and its count (up to `cap`; `cap` null: no count, as exports page through every
 * row and do not show one). The statements run one after the other on the request's client.
 */
export async function listRoster(
  client: pg.ClientBase,
  q: CadreListQuery,
  today: string,
  excluded?: readonly string[],
  extra?: RosterCondition,
  cap: number | null = ROSTER_COUNT_CAP,
  /** the reader's scope is narrower than the district (see `rosterWhere`) */
  byVisibleUnits = false,
): Promise<RosterPage> {
  const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const { sql, params } = rosterSelect(q, today, page, excluded, extra, byVisibleUnits);
  const rows = await client.query<RosterRow>(sql, params);
  if (cap === null) return { rows: rows.rows, count: null };
  // a page that is neither full nor empty ends the list: its count needs no second statement
  if (rows.rows.length > 0 && rows.rows.length < q.pageSize && page.offset + rows.rows.length <= cap)
    return { rows: rows.rows, count: { total: page.offset + rows.rows.length, capped: false } };
  const count = rosterCount(q, today, cap, excluded, extra, byVisibleUnits);
  const { rows: n } = await client.query<{ n: number }>(count.sql, count.params);
  const matches = n[0]?.n ?? 0;
  return { rows: rows.rows, count: { total: Math.min(matches, cap), capped: matches > cap } };
}

export interface CadreRow extends EncryptedFields {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  establishment_org_id: string | null;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  ethnicity: string;
  native_place: string;
  birth_place: string;
  political_status: string;
  party_join_date: string | null;
  work_start_date: string | null;
  full_time_education: Partial<Education>;
  in_service_education: Partial<Education>;
  category: CadreRecord['category'];
  rank: string;
  professional_type: boolean;
  professional_title: string;
  specialty: string;
  post_title: string;
  rewards_and_punishments: string;
  annual_assessment: string;
  tags: string[];
  extras: Record<string, string>;
  has_photo: boolean;
}

export async function findCadreRow(client: pg.ClientBase, id: string): Promise<CadreRow | null> {
  const { rows } = await client.query<CadreRow>(
    `SELECT c.*, c.org_path::text AS org_path, o.name AS org_name,
            EXISTS (SELECT 1 FROM cadre_photos p WHERE p.cadre_id = c.id) AS has_photo
       FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.id = $1 AND c.deactivated_at IS NULL`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findAppointments(client: pg.ClientBase, cadreId: string): Promise<Appointment[]> {
  const { rows } = await client.query<{
    unit_name: string;
    org_id: string | null;
    unit_kind: Appointment['unitKind'];
    title: string;
    is_leadership: boolean;
    role_kind: Appointment['roleKind'];
    rank: string;
    start_date: string;
    end_date: string | null;
  }>(`SELECT * FROM cadre_appointments WHERE cadre_id = $1 ORDER BY seq`, [cadreId]);
  return rows.map((r) => ({
    unitName: r.unit_name,
    orgId: r.org_id,
    unitKind: r.unit_kind,
    title: r.title,
    isLeadership: r.is_leadership,
    roleKind: r.role_kind,
    rank: r.rank,
    start: r.start_date,
    end: r.end_date,
  }));
}

export interface CadreWrite {
  record: Omit<CadreRecord, 'idNumber' | 'phone' | 'health' | 'family' | 'appointments'>;
  encrypted: EncryptedFields;
  facts: {
    streetOrTownship: boolean;
    streetLeadership: boolean;
    townshipSecretary: boolean;
    grassrootsMonths: number;
    currentRoleKind: string | null;
    currentLeadership: boolean;
  };
}

function writeParams(w: CadreWrite): unknown[] {
  const r = w.record;
  return [
    r.orgId,
    r.name,
    r.gender,
    r.birthDate,
    r.ethnicity,
    r.nativePlace,
    r.birthPlace,
    r.politicalStatus,
    r.partyJoinDate,
    r.workStartDate,
    JSON.stringify(r.fullTimeEducation),
    JSON.stringify(r.inServiceEducation),
    r.category,
    r.rank,
    r.professionalType,
    r.professionalTitle,
    r.specialty,
    r.postTitle,
    r.rewardsAndPunishments,
    r.annualAssessment,
    r.tags,
    JSON.stringify(r.extras),
    w.encrypted.id_number_enc,
    w.encrypted.id_number_hash,
    w.encrypted.phone_enc,
    w.encrypted.health_enc,
    w.encrypted.family_enc,
    w.facts.streetOrTownship,
    w.facts.streetLeadership,
    w.facts.townshipSecretary,
    w.facts.grassrootsMonths,
    w.facts.currentRoleKind,
    w.facts.currentLeadership,
    r.establishmentOrgId,
  ];
}

const WRITE_COLUMNS = `org_id, name, gender, birth_date, ethnicity, native_place, birth_place, political_status,
  party_join_date, work_start_date, full_time_education, in_service_education, category, rank, professional_type,
  professional_title, specialty, post_title, rewards_and_punishments, annual_assessment, tags, extras,
  id_number_enc, id_number_hash, phone_enc, health_enc, family_enc, fact_street_or_township,
  fact_street_leadership, fact_township_secretary, fact_grassroots_months, fact_current_role_kind,
  fact_current_leadership, establishment_org_id`;

/** Insert a cadre; the org path comes from the (visible) org row. Returns the new id, or null when the org is not visible. */
export async function insertCadre(client: pg.ClientBase, w: CadreWrite): Promise<string | null> {
  const placeholders = writeParams(w).map((_, i) => `$${i + 1}`);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO cadres (${WRITE_COLUMNS}, org_path)
     SELECT ${placeholders.join(', ')}, o.path FROM orgs o WHERE o.id = $1 RETURNING id`,
    writeParams(w),
  );
  return rows[0]?.id ?? null;
}

export async function updateCadre(client: pg.ClientBase, id: string, w: CadreWrite): Promise<boolean> {
  const params = writeParams(w);
  const sets = WRITE_COLUMNS.split(',').map((c, i) => `${c.trim()} = $${i + 1}`);
  const res = await client.query(
    `UPDATE cadres c SET ${sets.join(', ')}, org_path = o.path, updated_at = now()
       FROM orgs o WHERE o.id = $1 AND c.id = $${params.length + 1} AND c.deactivated_at IS NULL`,
    [...params, id],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function replaceAppointments(client: pg.ClientBase, cadreId: string, list: Appointment[]) {
  await client.query('DELETE FROM cadre_appointments WHERE cadre_id = $1', [cadreId]);
  if (list.length === 0) return;
  await client.query(
    `INSERT INTO cadre_appointments (cadre_id, org_path, seq, unit_name, org_id, unit_kind, title, is_leadership,
                                     role_kind, rank, start_date, end_date)
     SELECT $1, c.org_path, a.seq, a.unit_name, a.org_id, a.unit_kind, a.title, a.is_leadership, a.role_kind, a.rank,
            a.start_date, a.end_date
       FROM cadres c,
            unnest($2::int[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::bool[], $8::text[], $9::text[],
                   $10::text[], $11::text[])
              AS a(seq, unit_name, org_id, unit_kind, title, is_leadership, role_kind, rank, start_date, end_date)
      WHERE c.id = $1`,
    [
      cadreId,
      list.map((_, i) => i + 1),
      list.map((a) => a.unitName),
      list.map((a) => a.orgId),
      list.map((a) => a.unitKind),
      list.map((a) => a.title),
      list.map((a) => a.isLeadership),
      list.map((a) => a.roleKind),
      list.map((a) => a.rank),
      list.map((a) => a.start),
      list.map((a) => a.end),
    ],
  );
}

export async function findCadreIdByIdNumberHash(client: pg.ClientBase, hash: string): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM cadres WHERE id_number_hash = $1', [
    hash,
  ]);
  return rows[0]?.id ?? null;
}

export async function findPhoto(client: pg.ClientBase, cadreId: string) {
  const { rows } = await client.query<{ mime: string; bytes: Buffer }>(
    'SELECT mime, bytes FROM cadre_photos WHERE cadre_id = $1',
    [cadreId],
  );
  return rows[0] ?? null;
}

export async function savePhoto(
  client: pg.ClientBase,
  cadreId: string,
  mime: string,
  bytes: Buffer,
): Promise<boolean> {
  const res = await client.query(
    `INSERT INTO cadre_photos (cadre_id, org_path, mime, bytes)
     SELECT c.id, c.org_path, $2, $3 FROM cadres c WHERE c.id = $1
     ON CONFLICT (cadre_id) DO UPDATE SET mime = EXCLUDED.mime, bytes = EXCLUDED.bytes, updated_at = now()`,
    [cadreId, mime, bytes],
  );
  return (res.rowCount ?? 0) > 0;
}

/** Add (`on`) or remove one tag of a record; true when the tags changed. */
export async function setTag(
  client: pg.ClientBase,
  cadreId: string,
  tag: string,
  on: boolean,
): Promise<boolean> {
  const res = await client.query(
    on
      ? `UPDATE cadres SET tags = array_append(tags, $2::text), updated_at = now()
          WHERE id = $1 AND NOT ($2 = ANY (tags))`
      : `UPDATE cadres SET tags = array_remove(tags, $2::text), updated_at = now()
          WHERE id = $1 AND $2 = ANY (tags)`,
    [cadreId, tag],
  );
  return (res.rowCount ?? 0) > 0;
}
