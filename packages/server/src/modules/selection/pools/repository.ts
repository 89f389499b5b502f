import type { ConditionSubject, OrgKind, PoolEntryCheckShown, PoolKind, RoleKind } from '@ganbu/core';
import type pg from 'pg';

/**
 * The pools' SQL (后备干部 / 年轻干部库): memberships with their cadre and units, the scheduled reviews, and
 * a person as a condition judges them. No scope in WHERE: row-level security filters (a membership is seen
 * by whoever sees its cadre; a unit by whoever's scope holds it).
 */

export interface OrgRow {
  id: string;
  name: string;
  kind: OrgKind;
  path: string;
}

/** A unit the caller's scope holds. */
export async function findOrg(client: pg.ClientBase, id: string): Promise<OrgRow | null> {
  const { rows } = await client.query<OrgRow>(
    'SELECT id, name, kind, path::text AS path FROM orgs WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/** The root of the caller's scope (the district for 组织部's 全部). */
export async function scopeRootOrg(client: pg.ClientBase): Promise<OrgRow | null> {
  const { rows } = await client.query<OrgRow>(
    `SELECT id, name, kind, path::text AS path FROM orgs
      WHERE CASE WHEN (SELECT app_scope_root()) = ''::ltree THEN parent_id IS NULL
                 ELSE path = (SELECT app_scope_root()) END
      ORDER BY path LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** Units of the kinds in the subtree of `path` (the unit itself included), by path. */
export async function unitsOfKinds(client: pg.ClientBase, path: string, kinds: readonly string[]) {
  const { rows } = await client.query<OrgRow>(
    `SELECT id, name, kind, path::text AS path FROM orgs
      WHERE path <@ $1::ltree AND kind = ANY ($2::text[]) ORDER BY nlevel(path), sort_order, name`,
    [path, kinds],
  );
  return rows;
}

/** The nearest unit of the kinds at or above `path` that the caller sees. */
export async function nearestOfKinds(
  client: pg.ClientBase,
  path: string,
  kinds: readonly string[],
): Promise<OrgRow | null> {
  const { rows } = await client.query<OrgRow>(
    `SELECT id, name, kind, path::text AS path FROM orgs
      WHERE path @> $1::ltree AND kind = ANY ($2::text[]) ORDER BY nlevel(path) DESC LIMIT 1`,
    [path, kinds],
  );
  return rows[0] ?? null;
}

export interface SubjectRow {
  cadreId: string;
  name: string;
  orgId: string;
  orgPath: string;
  subject: ConditionSubject;
}

/** Active cadres as a condition judges them on `asOf` (their pool memberships active that day). */
export async function subjectsOf(
  client: pg.ClientBase,
  cadreIds: readonly string[],
  asOf: string,
): Promise<Map<string, SubjectRow>> {
  if (!cadreIds.length) return new Map();
  const { rows } = await client.query<{
    id: string;
    name: string;
    org_id: string;
    org_path: string;
    org_kind: OrgKind;
    org_tags: string[];
    category: ConditionSubject['category'];
    rank: string;
    gender: 'male' | 'female';
    birth_date: string;
    education: string | null;
    political_status: string;
    tags: string[];
    professional_type: boolean;
    fact_street_or_township: boolean;
    fact_street_leadership: boolean;
    fact_township_secretary: boolean;
    fact_grassroots_months: number;
    fact_current_role_kind: RoleKind | null;
    fact_current_leadership: boolean;
    pools: { kind: PoolKind; level: string }[];
    practices: { kind: string; startedOn: string }[];
  }>(
    `SELECT c.id, c.name, c.org_id, c.org_path::text AS org_path, o.kind AS org_kind, o.tags AS org_tags,
            c.category, c.rank, c.gender, c.birth_date, c.education, c.political_status, c.tags,
            c.professional_type, c.fact_street_or_township, c.fact_street_leadership, c.fact_township_secretary,
            c.fact_grassroots_months, c.fact_current_role_kind, c.fact_current_leadership,
            COALESCE((SELECT json_agg(json_build_object('kind', m.kind, 'level', m.level))
                        FROM pool_members m
                       WHERE m.cadre_id = c.id AND m.entered_on <= $2::date
                         AND (m.left_on IS NULL OR m.left_on > $2::date)), '[]'::json) AS pools,
            COALESCE((SELECT json_agg(json_build_object('kind', p.kind, 'startedOn', p.started_on::text))
                        FROM practice_postings p WHERE p.cadre_id = c.id), '[]'::json) AS practices
       FROM cadres c JOIN orgs o ON o.id = c.org_id
      WHERE c.id = ANY ($1::uuid[]) AND c.deactivated_at IS NULL`,
    [cadreIds, asOf],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        cadreId: r.id,
        name: r.name,
        orgId: r.org_id,
        orgPath: r.org_path,
        subject: {
          orgKind: r.org_kind,
          orgTags: r.org_tags,
          category: r.category,
          rank: r.rank,
          gender: r.gender,
          birthDate: r.birth_date,
          education: r.education ?? '',
          politicalStatus: r.political_status,
          tags: r.tags,
          professionalType: r.professional_type,
          streetOrTownship: r.fact_street_or_township,
          streetLeadership: r.fact_street_leadership,
          townshipSecretary: r.fact_township_secretary,
          grassrootsMonths: r.fact_grassroots_months,
          currentRoleKind: r.fact_current_role_kind,
          currentLeadership: r.fact_current_leadership,
          pools: r.pools,
          practices: r.practices,
        },
      },
    ]),
  );
}

export interface MemberRow {
  id: string;
  cadreId: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  orgId: string;
  orgName: string;
  postTitle: string;
  rank: string;
  orgPath: string;
  kind: PoolKind;
  level: string;
  unitOrgId: string;
  unitName: string | null;
  unitPath: string;
  enteredOn: string;
  entryReason: string;
  entryCheck: PoolEntryCheckShown | null;
  leftOn: string | null;
  exitReason: string;
  twoCommitteesCandidate: boolean;
  note: string;
}

const MEMBER_SELECT = `
  SELECT m.id, m.cadre_id AS "cadreId", c.name, c.gender, c.birth_date AS "birthDate", c.org_id AS "orgId",
         co.name AS "orgName", c.post_title AS "postTitle", c.rank, m.org_path::text AS "orgPath", m.kind, m.level,
         m.unit_org_id AS "unitOrgId", u.name AS "unitName", m.unit_path::text AS "unitPath",
         m.entered_on::text AS "enteredOn", m.entry_reason AS "entryReason",
         CASE WHEN m.entry_check = '{}'::jsonb THEN NULL ELSE m.entry_check END AS "entryCheck",
         m.left_on::text AS "leftOn", m.exit_reason AS "exitReason",
         m.two_committees_candidate AS "twoCommitteesCandidate", m.note
    FROM pool_members m
    JOIN cadres c ON c.id = m.cadre_id
    JOIN orgs co ON co.id = c.org_id
    LEFT JOIN orgs u ON u.id = m.unit_org_id`;

/**
 * Memberships, active ones unless `history`: of a cadre, or under a unit (counted in a unit of its subtree,
 * or a member of its subtree counted in a unit above it), narrowed by kind and level.
 */
export async function listMembers(
  client: pg.ClientBase,
  f: { underPath?: string; cadreId?: string; kind?: PoolKind; level?: string; history?: boolean },
): Promise<MemberRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (!f.history) where.push('m.left_on IS NULL');
  if (f.underPath) add('(m.unit_path <@ ?::ltree OR m.org_path <@ ?::ltree)', f.underPath);
  if (f.cadreId) add('m.cadre_id = ?', f.cadreId);
  if (f.kind) add('m.kind = ?', f.kind);
  if (f.level) add('m.level = ?', f.level);
  const { rows } = await client.query<MemberRow>(
    `${MEMBER_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY m.left_on IS NOT NULL, m.left_on DESC, m.entered_on DESC, c.name, m.id`,
    params,
  );
  return rows;
}

export async function findMember(
  client: pg.ClientBase,
  id: string,
  forUpdate = false,
): Promise<MemberRow | null> {
  if (forUpdate) {
    const lock = await client.query('SELECT id FROM pool_members WHERE id = $1 FOR UPDATE', [id]);
    if (!lock.rowCount) return null;
  }
  const { rows } = await client.query<MemberRow>(`${MEMBER_SELECT} WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Serialise nominations into one unit and level (the ceiling is checked on a count). */
export async function lockUnitLevel(client: pg.ClientBase, unitOrgId: string, kind: string, level: string) {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pool:${unitOrgId}:${kind}:${level}`]);
}

/** Active members of a level counted in a unit (those the caller sees). */
export async function countActive(client: pg.ClientBase, unitOrgId: string, kind: string, level: string) {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pool_members
      WHERE unit_org_id = $1 AND kind = $2 AND level = $3 AND left_on IS NULL`,
    [unitOrgId, kind, level],
  );
  return rows[0]?.n ?? 0;
}

export async function insertMember(
  client: pg.ClientBase,
  m: {
    cadreId: string;
    kind: PoolKind;
    level: string;
    unitOrgId: string;
    enteredOn: string;
    reason: string;
    entryCheck: PoolEntryCheckShown;
    createdBy: string | null;
  },
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO pool_members (cadre_id, org_path, kind, level, unit_org_id, unit_path, entered_on, entry_reason,
                               entry_check, created_by)
     SELECT c.id, c.org_path, $2, $3, u.id, u.path, $5, $6, $7, $8
       FROM cadres c, orgs u WHERE c.id = $1 AND u.id = $4
     RETURNING id`,
    [
      m.cadreId,
      m.kind,
      m.level,
      m.unitOrgId,
      m.enteredOn,
      m.reason,
      JSON.stringify(m.entryCheck),
      m.createdBy,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function leaveMember(client: pg.ClientBase, id: string, leftOn: string, reason: string) {
  const res = await client.query(
    'UPDATE pool_members SET left_on = $2, exit_reason = $3 WHERE id = $1 AND left_on IS NULL',
    [id, leftOn, reason],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function patchMember(
  client: pg.ClientBase,
  id: string,
  p: { twoCommitteesCandidate?: boolean | undefined; note?: string | undefined },
) {
  const res = await client.query(
    `UPDATE pool_members SET two_committees_candidate = COALESCE($2, two_committees_candidate),
            note = COALESCE($3, note) WHERE id = $1`,
    [id, p.twoCommitteesCandidate ?? null, p.note ?? null],
  );
  return (res.rowCount ?? 0) > 0;
}

/** Another active membership of the cadre of the same kind (the tag stays while one is left). */
export async function hasOtherActive(client: pg.ClientBase, cadreId: string, kind: string, exceptId: string) {
  const { rowCount } = await client.query(
    'SELECT 1 FROM pool_members WHERE cadre_id = $1 AND kind = $2 AND left_on IS NULL AND id <> $3',
    [cadreId, kind, exceptId],
  );
  return (rowCount ?? 0) > 0;
}

export interface ReviewRow {
  id: string;
  memberId: string;
  name: string;
  dueOn: string;
  doneOn: string | null;
  result: string;
  keeps: boolean | null;
}

const REVIEW_SELECT = `SELECT r.id, r.member_id AS "memberId", r.name, r.due_on::text AS "dueOn",
  r.done_on::text AS "doneOn", r.result, r.keeps FROM pool_reviews r`;

export async function reviewsOf(client: pg.ClientBase, memberIds: readonly string[]): Promise<ReviewRow[]> {
  if (!memberIds.length) return [];
  const { rows } = await client.query<ReviewRow>(
    `${REVIEW_SELECT} WHERE r.member_id = ANY ($1::uuid[]) ORDER BY r.due_on, r.name`,
    [memberIds],
  );
  return rows;
}

export async function findReview(
  client: pg.ClientBase,
  memberId: string,
  id: string,
): Promise<ReviewRow | null> {
  const { rows } = await client.query<ReviewRow>(
    `${REVIEW_SELECT} WHERE r.id = $1 AND r.member_id = $2 FOR UPDATE`,
    [id, memberId],
  );
  return rows[0] ?? null;
}

export async function insertReviews(
  client: pg.ClientBase,
  memberId: string,
  reviews: readonly { name: string; dueOn: string }[],
) {
  for (const r of reviews)
    await client.query(
      `INSERT INTO pool_reviews (member_id, name, due_on) VALUES ($1, $2, $3)
       ON CONFLICT (member_id, name, due_on) DO NOTHING`,
      [memberId, r.name, r.dueOn],
    );
}

export async function recordReview(
  client: pg.ClientBase,
  id: string,
  r: { doneOn: string; result: string; keeps: boolean },
) {
  const res = await client.query(
    'UPDATE pool_reviews SET done_on = $2, result = $3, keeps = $4 WHERE id = $1 AND done_on IS NULL',
    [id, r.doneOn, r.result, r.keeps],
  );
  return (res.rowCount ?? 0) > 0;
}

/** Reviews not done due by `until`, of active members (under a unit as listMembers reads it). */
export async function dueReviews(
  client: pg.ClientBase,
  f: { underPath: string; until: string; kind?: PoolKind | undefined },
): Promise<{ review: ReviewRow; member: MemberRow }[]> {
  const members = await listMembers(client, { underPath: f.underPath, kind: f.kind });
  const byId = new Map(members.map((m) => [m.id, m]));
  const reviews = (await reviewsOf(client, [...byId.keys()])).filter((r) => !r.doneOn && r.dueOn <= f.until);
  return reviews.map((review) => ({ review, member: byId.get(review.memberId)! }));
}

/** The kind of a unit (the unit a member is counted in), or null when not visible. */
export async function unitKindOf(client: pg.ClientBase, orgId: string): Promise<string | null> {
  const { rows } = await client.query<{ kind: string }>(`SELECT kind FROM orgs WHERE id = $1`, [orgId]);
  return rows[0]?.kind ?? null;
}
