import type {
  CadreCondition,
  HonourBatchState,
  HonourNominationState,
  HonourObjectionState,
} from '@ganbu/core';
import type pg from 'pg';
import { conditionSql, dollarParams } from '../../selection/indicators/condition-sql.ts';

/** The SQL of commendation batches (migration 0024). Row-level security filters; no WHERE on scope here. */

export interface BatchRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  name: string;
  year: number;
  kind_id: string;
  kind_name: string;
  kind_rank: number;
  pack_id: string;
  pack_name: string;
  rules: unknown;
  notice_working_days: number;
  state: HonourBatchState;
  notice_start: string | null;
  notice_end: string | null;
  notice_explanation: string | null;
  decided_on: string | null;
  document_number: string | null;
  nomination_count: number;
  created_at: string;
}

const BATCH_COLUMNS = `b.id, b.org_id, b.org_name, b.org_path::text AS org_path, b.name, b.year, b.kind_id,
  b.kind_name, b.kind_rank, b.pack_id, b.pack_name, b.rules, b.notice_working_days, b.state,
  b.notice_start::text AS notice_start, b.notice_end::text AS notice_end, b.notice_explanation,
  b.decided_on::text AS decided_on, b.document_number,
  (SELECT count(*)::int FROM honour_nominations n WHERE n.batch_id = b.id AND n.state IN ('nominated', 'honoured'))
    AS nomination_count,
  to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at`;

// the district's name is kept on the batch: a street admin reads the batch header but not the district's org row
const BATCH_FROM = `honour_batches b`;

export async function district(
  client: pg.ClientBase,
  actorPath: string,
): Promise<{ id: string; name: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; name: string; path: string }>(
    `SELECT id, name, path::text AS path FROM orgs WHERE path = subpath($1::ltree, 0, 1)`,
    [actorPath],
  );
  return rows[0] ?? null;
}

export async function insertBatch(
  client: pg.ClientBase,
  b: {
    orgId: string;
    orgPath: string;
    orgName: string;
    name: string;
    year: number;
    kind: { id: string; name: string; rank: number };
    packId: string;
    packEffectiveFrom: string;
    packName: string;
    rules: unknown;
    noticeWorkingDays: number;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO honour_batches (org_id, org_path, name, year, kind_id, kind_name, kind_rank, pack_id,
       pack_effective_from, pack_name, rules, notice_working_days, created_by, org_name)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9::date, $10, $11::jsonb, $12, $13, $14) RETURNING id`,
    [
      b.orgId,
      b.orgPath,
      b.name,
      b.year,
      b.kind.id,
      b.kind.name,
      b.kind.rank,
      b.packId,
      b.packEffectiveFrom,
      b.packName,
      JSON.stringify(b.rules),
      b.noticeWorkingDays,
      b.createdBy,
      b.orgName,
    ],
  );
  return rows[0]!.id;
}

export async function findBatch(client: pg.ClientBase, id: string, lock = false): Promise<BatchRow | null> {
  const { rows } = await client.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM ${BATCH_FROM} WHERE b.id = $1${lock ? ' FOR UPDATE OF b' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function listBatches(
  client: pg.ClientBase,
  q: { year?: number | undefined; state?: HonourBatchState | undefined; limit: number; offset: number },
): Promise<{ rows: BatchRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.year !== undefined) where.push(`b.year = $${params.push(q.year)}`);
  if (q.state !== undefined) where.push(`b.state = $${params.push(q.state)}`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<BatchRow & { total: number }>(
    `SELECT ${BATCH_COLUMNS}, count(*) OVER ()::int AS total FROM ${BATCH_FROM} ${w}
      ORDER BY b.year DESC, b.created_at DESC LIMIT $${params.push(q.limit)} OFFSET $${params.push(q.offset)}`,
    params,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function updateBatch(
  client: pg.ClientBase,
  id: string,
  set: Partial<{
    state: HonourBatchState;
    noticeStart: string;
    noticeEnd: string;
    noticeExplanation: string;
    decidedOn: string;
    documentNumber: string;
  }>,
): Promise<void> {
  const cols: Record<string, string> = {
    state: 'state',
    noticeStart: 'notice_start',
    noticeEnd: 'notice_end',
    noticeExplanation: 'notice_explanation',
    decidedOn: 'decided_on',
    documentNumber: 'document_number',
  };
  const params: unknown[] = [id];
  const parts = Object.entries(set).map(([k, v]) => `${cols[k]} = $${params.push(v)}`);
  await client.query(
    `UPDATE honour_batches SET ${parts.join(', ')}, updated_at = now() WHERE id = $1`,
    params,
  );
}

// ---------------------------------------------------------------- quota units

export interface QuotaUnitRow {
  id: string;
  name: string;
  kind: string;
  path: string;
  active: number;
}

/**
 * The quota units of a district: the district itself (its own cadres only) and each active unit directly
 * under it (its whole subtree), with their active cadres. Read in the system scope by the caller: a count.
 */
export async function quotaUnits(client: pg.ClientBase, districtPath: string): Promise<QuotaUnitRow[]> {
  const { rows } = await client.query<QuotaUnitRow>(
    `SELECT o.id, o.name, o.kind, o.path::text AS path,
            (SELECT count(*)::int FROM cadres c
              WHERE c.deactivated_at IS NULL
                AND CASE WHEN o.path = $1::ltree THEN c.org_path = o.path ELSE c.org_path <@ o.path END) AS active
       FROM orgs o
      WHERE o.path = $1::ltree OR (o.path <@ $1::ltree AND nlevel(o.path) = nlevel($1::ltree) + 1 AND o.active)
      ORDER BY nlevel(o.path), o.sort_order, o.name`,
    [districtPath],
  );
  return rows;
}

/** Nominations counted against each quota unit's quota (nominated or honoured), whoever may see them. */
export async function usedByUnit(client: pg.ClientBase, batchId: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ unit: string; n: number }>(
    `SELECT quota_unit_id AS unit, count(*)::int AS n FROM honour_nominations
      WHERE batch_id = $1 AND state IN ('nominated', 'honoured') GROUP BY 1`,
    [batchId],
  );
  return new Map(rows.map((r) => [r.unit, r.n]));
}

// ---------------------------------------------------------------- cadres

export interface CadreRow {
  id: string;
  name: string;
  org_path: string;
  post_title: string;
  active: boolean;
  has_photo: boolean;
}

/** A cadre as the caller's scope shows it. */
export async function cadre(client: pg.ClientBase, id: string): Promise<CadreRow | null> {
  const { rows } = await client.query<CadreRow>(
    `SELECT c.id, c.name, c.org_path::text AS org_path, c.post_title, c.deactivated_at IS NULL AS active,
            EXISTS (SELECT 1 FROM cadre_photos p WHERE p.cadre_id = c.id) AS has_photo
       FROM cadres c WHERE c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- nominations

export interface NominationRow {
  id: string;
  batch_id: string;
  cadre_id: string;
  quota_unit_id: string;
  cadre_name: string;
  unit_name: string;
  post_title: string;
  deeds: string;
  use_photo: boolean;
  state: HonourNominationState;
  eligibility_date: string;
  eligibility_reasons: string[];
  proposal_rule_id: string | null;
  created_at: string;
}

const NOMINATION_COLUMNS = `n.id, n.batch_id, n.cadre_id, n.quota_unit_id, n.cadre_name, n.unit_name, n.post_title,
  n.deeds, n.use_photo, n.state, n.eligibility_date::text AS eligibility_date, n.eligibility_reasons,
  n.proposal_rule_id, to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at`;

export async function insertNomination(
  client: pg.ClientBase,
  n: {
    batchId: string;
    cadreId: string;
    unitPath: string;
    quotaUnitId: string;
    cadreName: string;
    unitName: string;
    postTitle: string;
    deeds: string;
    usePhoto: boolean;
    eligibilityDate: string;
    eligibilityReasons: string[];
    proposalRuleId: string | null;
    nominatedBy: string | null;
  },
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO honour_nominations (batch_id, cadre_id, unit_path, quota_unit_id, cadre_name, unit_name, post_title,
       deeds, use_photo, eligibility_date, eligibility_reasons, proposal_rule_id, nominated_by)
     VALUES ($1, $2, $3::ltree, $4, $5, $6, $7, $8, $9, $10::date, $11::jsonb, $12, $13)
     ON CONFLICT (batch_id, cadre_id) WHERE state <> 'withdrawn' DO NOTHING RETURNING id`,
    [
      n.batchId,
      n.cadreId,
      n.unitPath,
      n.quotaUnitId,
      n.cadreName,
      n.unitName,
      n.postTitle,
      n.deeds,
      n.usePhoto,
      n.eligibilityDate,
      JSON.stringify(n.eligibilityReasons),
      n.proposalRuleId,
      n.nominatedBy,
    ],
  );
  return rows[0]?.id ?? null;
}

export async function findNomination(
  client: pg.ClientBase,
  batchId: string,
  id: string,
): Promise<NominationRow | null> {
  const { rows } = await client.query<NominationRow>(
    `SELECT ${NOMINATION_COLUMNS} FROM honour_nominations n WHERE n.batch_id = $1 AND n.id = $2 FOR UPDATE`,
    [batchId, id],
  );
  return rows[0] ?? null;
}

export async function listNominations(client: pg.ClientBase, batchId: string): Promise<NominationRow[]> {
  const { rows } = await client.query<NominationRow>(
    `SELECT ${NOMINATION_COLUMNS} FROM honour_nominations n WHERE n.batch_id = $1
      ORDER BY n.unit_name, n.state = 'withdrawn', n.cadre_name, n.created_at`,
    [batchId],
  );
  return rows;
}

/** The live nominations' cadre ids of a batch (the proposals mark those already nominated). */
export async function nominatedCadres(client: pg.ClientBase, batchId: string): Promise<Set<string>> {
  const { rows } = await client.query<{ cadre_id: string }>(
    `SELECT cadre_id FROM honour_nominations WHERE batch_id = $1 AND state <> 'withdrawn'`,
    [batchId],
  );
  return new Set(rows.map((r) => r.cadre_id));
}

export async function setNominationState(
  client: pg.ClientBase,
  id: string,
  state: HonourNominationState,
): Promise<void> {
  await client.query(`UPDATE honour_nominations SET state = $2, updated_at = now() WHERE id = $1`, [
    id,
    state,
  ]);
}

/** 表彰决定: every nomination still standing becomes the cadre's honour; the count. */
export async function honourAll(client: pg.ClientBase, batchId: string): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE honour_nominations SET state = 'honoured', updated_at = now() WHERE batch_id = $1 AND state = 'nominated'`,
    [batchId],
  );
  return rowCount ?? 0;
}

// ---------------------------------------------------------------- objections

export interface ObjectionRow {
  id: string;
  nomination_id: string;
  received_on: string;
  content: string;
  state: HonourObjectionState;
  resolution: string;
  resolved_on: string | null;
}

const OBJECTION_COLUMNS = `id, nomination_id, received_on::text AS received_on, content, state, resolution,
  resolved_on::text AS resolved_on`;

export async function listObjections(client: pg.ClientBase, batchId: string): Promise<ObjectionRow[]> {
  const { rows } = await client.query<ObjectionRow>(
    `SELECT ${OBJECTION_COLUMNS} FROM honour_objections WHERE batch_id = $1 ORDER BY received_on, created_at`,
    [batchId],
  );
  return rows;
}

export async function insertObjection(
  client: pg.ClientBase,
  o: { nominationId: string; batchId: string; receivedOn: string; content: string; createdBy: string | null },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO honour_objections (nomination_id, batch_id, received_on, content, created_by)
     VALUES ($1, $2, $3::date, $4, $5) RETURNING id`,
    [o.nominationId, o.batchId, o.receivedOn, o.content, o.createdBy],
  );
  return rows[0]!.id;
}

export async function findObjection(
  client: pg.ClientBase,
  batchId: string,
  id: string,
): Promise<ObjectionRow | null> {
  const { rows } = await client.query<ObjectionRow>(
    `SELECT ${OBJECTION_COLUMNS} FROM honour_objections WHERE batch_id = $1 AND id = $2 FOR UPDATE`,
    [batchId, id],
  );
  return rows[0] ?? null;
}

export async function resolveObjection(
  client: pg.ClientBase,
  id: string,
  r: { state: 'upheld' | 'dismissed'; resolution: string; resolvedOn: string },
): Promise<void> {
  await client.query(
    `UPDATE honour_objections SET state = $2, resolution = $3, resolved_on = $4::date WHERE id = $1`,
    [id, r.state, r.resolution, r.resolvedOn],
  );
}

export async function openObjections(client: pg.ClientBase, batchId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM honour_objections WHERE batch_id = $1 AND state = 'open'`,
    [batchId],
  );
  return rows[0]!.n;
}

// ---------------------------------------------------------------- proposals

export interface ProposalCadreRow {
  id: string;
  name: string;
  org_path: string;
  unit_name: string;
  post_title: string;
  grades: { year: number; gradeName: string }[];
}

/**
 * Active cadres in the caller's scope meeting `population`, with their published annual grades of the
 * years [from, to] (scheme kind `annual`, as the record page reads them); only cadres with any grade.
 */
export async function cadresWithAnnualGrades(
  client: pg.ClientBase,
  population: CadreCondition,
  asOf: string,
  from: number,
  to: number,
): Promise<ProposalCadreRow[]> {
  const params: unknown[] = [];
  const p = dollarParams(params);
  const cond = conditionSql(population, asOf, p);
  const fromP = p(from);
  const toP = p(to);
  const { rows } = await client.query<ProposalCadreRow>(
    `WITH g AS (
       SELECT t.cadre_id, extract(year FROM r.period_end)::int AS year,
              coalesce((SELECT x ->> 'name' FROM jsonb_array_elements(r.rules -> 'gradeScale' -> 'grades') x
                         WHERE x ->> 'code' = t.final_grade LIMIT 1), t.final_grade) AS grade_name
         FROM assessment_targets t JOIN assessment_rounds r ON r.id = t.round_id
        WHERE t.published AND t.final_grade IS NOT NULL AND r.state = 'published'
          AND r.rules -> 'scheme' ->> 'kind' = 'annual'
          AND extract(year FROM r.period_end)::int BETWEEN ${fromP}::int AND ${toP}::int)
     SELECT c.id, c.name, c.org_path::text AS org_path, coalesce(o.name, '') AS unit_name, c.post_title,
            jsonb_agg(jsonb_build_object('year', g.year, 'gradeName', g.grade_name) ORDER BY g.year) AS grades
       FROM g JOIN cadres c ON c.id = g.cadre_id LEFT JOIN orgs o ON o.id = c.org_id
      WHERE c.deactivated_at IS NULL AND ${cond}
      GROUP BY c.id, c.name, c.org_path, o.name, c.post_title
      ORDER BY c.org_path, c.name`,
    params,
  );
  return rows;
}

// ---------------------------------------------------------------- a cadre's honours (record page)

export interface CadreHonourRow {
  id: string;
  batch_id: string;
  batch_name: string;
  year: number;
  kind_name: string;
  decided_on: string;
  document_number: string;
  deeds: string;
}

export async function honoursOf(client: pg.ClientBase, cadreId: string): Promise<CadreHonourRow[]> {
  const { rows } = await client.query<CadreHonourRow>(
    `SELECT n.id, b.id AS batch_id, b.name AS batch_name, b.year, b.kind_name, b.decided_on::text AS decided_on,
            b.document_number, n.deeds
       FROM honour_nominations n JOIN honour_batches b ON b.id = n.batch_id
      WHERE n.cadre_id = $1 AND n.state = 'honoured' AND b.state = 'decided'
      ORDER BY b.decided_on DESC, b.name`,
    [cadreId],
  );
  return rows;
}
