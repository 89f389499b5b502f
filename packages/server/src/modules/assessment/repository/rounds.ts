import type { GradeScale, QuotaRule, RoundState, Scheme } from '@ganbu/core';
import type pg from 'pg';

/** What a round computes with, copied from the pack version in force when the round was created. */
export interface RoundRules {
  packName: string;
  scheme: Scheme;
  gradeScale: GradeScale;
  quotaRule: QuotaRule | null;
  minGroupSizeShown: number;
}

interface RoundRow {
  id: string;
  name: string;
  org_id: string;
  org_path: string;
  org_name: string;
  pack_id: string;
  pack_effective_from: string;
  scheme_id: string;
  rules: RoundRules;
  period_start: string;
  period_end: string;
  state: RoundState;
  scores_disclosed: boolean;
  target_count: number;
  created_at: Date;
}

/** A round as the services use it (`assessment_rounds` with its organiser's name and target count). */
export interface RoundRecord {
  id: string;
  name: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  packId: string;
  packEffectiveFrom: string;
  schemeId: string;
  rules: RoundRules;
  periodStart: string;
  periodEnd: string;
  state: RoundState;
  /** a compute or the ballot export has let scores out: reopening would let them be differenced */
  scoresDisclosed: boolean;
  targetCount: number;
  createdAt: Date;
}

const toRoundRecord = (r: RoundRow): RoundRecord => ({
  id: r.id,
  name: r.name,
  orgId: r.org_id,
  orgPath: r.org_path,
  orgName: r.org_name,
  packId: r.pack_id,
  packEffectiveFrom: r.pack_effective_from,
  schemeId: r.scheme_id,
  rules: r.rules,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  state: r.state,
  scoresDisclosed: r.scores_disclosed,
  targetCount: r.target_count,
  createdAt: r.created_at,
});

const SELECT = `SELECT r.id, r.name, r.org_id, r.org_path::text, coalesce(o.name, '') AS org_name, r.pack_id,
    to_char(r.pack_effective_from, 'YYYY-MM-DD') AS pack_effective_from, r.scheme_id, r.rules,
    to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.period_end, 'YYYY-MM-DD') AS period_end,
    r.state, r.scores_disclosed, (SELECT count(*)::int FROM assessment_targets t WHERE t.round_id = r.id) AS target_count, r.created_at
  FROM assessment_rounds r LEFT JOIN orgs o ON o.id = r.org_id`;

/** The rounds the scope lets the reader see (row-level security), newest period first. */
export async function listRounds(client: pg.ClientBase): Promise<RoundRecord[]> {
  const { rows } = await client.query<RoundRow>(
    `${SELECT} ORDER BY r.period_end DESC, r.created_at DESC LIMIT 500`,
  );
  return rows.map(toRoundRecord);
}

/** One round, or null when it does not exist or is out of scope; `lock` takes its row lock. */
export async function selectRound(
  client: pg.ClientBase,
  id: string,
  lock = false,
): Promise<RoundRecord | null> {
  const { rows } = await client.query<RoundRow>(
    `${SELECT} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return rows[0] ? toRoundRecord(rows[0]) : null;
}

/** The round's row lock, nothing else (the ballot box's settle waits on it). */
export async function lockRound(client: pg.ClientBase, id: string): Promise<void> {
  await client.query('SELECT 1 FROM assessment_rounds WHERE id = $1 FOR UPDATE', [id]);
}

/** The organising unit of a new round: its id and path, null when not visible. */
export async function selectOrganiser(
  client: pg.ClientBase,
  orgId: string,
): Promise<{ id: string; path: string } | null> {
  const { rows } = await client.query<{ id: string; path: string }>(
    `SELECT id, path::text FROM orgs WHERE id = $1`,
    [orgId],
  );
  return rows[0] ?? null;
}

export async function insertRound(
  client: pg.ClientBase,
  r: {
    orgId: string;
    orgPath: string;
    name: string;
    packId: string;
    packEffectiveFrom: string;
    schemeId: string;
    rules: RoundRules;
    periodStart: string;
    periodEnd: string;
    createdBy: string;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
       period_start, period_end, created_by)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      r.orgId,
      r.orgPath,
      r.name,
      r.packId,
      r.packEffectiveFrom,
      r.schemeId,
      JSON.stringify(r.rules),
      r.periodStart,
      r.periodEnd,
      r.createdBy,
    ],
  );
  return rows[0]!.id;
}

/**
 * A unit scheme's targets: the listed active units inside the organiser's subtree (and the actor's scope:
 * row-level security filters the rest). Returns how many were added.
 */
export async function insertUnitTargets(
  client: pg.ClientBase,
  roundId: string,
  unitIds: string[],
  organiserPath: string,
): Promise<number> {
  const res = await client.query(
    `INSERT INTO assessment_targets (round_id, unit_id, unit_path, parent_unit_id, name, sort_order)
     SELECT $1, o.id, o.path, o.parent_id, o.name, row_number() OVER (ORDER BY o.path)
       FROM orgs o WHERE o.id = ANY($2::uuid[]) AND o.active AND o.path <@ $3::ltree`,
    [roundId, unitIds, organiserPath],
  );
  return res.rowCount ?? 0;
}

/**
 * A cadre scheme's targets: the listed cadres and every active cadre in the listed units' subtrees, inside
 * the organiser's subtree and the actor's scope. Returns how many were added.
 */
export async function insertCadreTargets(
  client: pg.ClientBase,
  roundId: string,
  cadreIds: string[],
  unitIds: string[],
  organiserPath: string,
): Promise<number> {
  const res = await client.query(
    `INSERT INTO assessment_targets (round_id, cadre_id, unit_id, unit_path, parent_unit_id, name, post, sort_order)
     SELECT $1, c.id, c.org_id, c.org_path, o.parent_id, c.name, c.post_title,
            row_number() OVER (ORDER BY c.org_path, c.name, c.id)
       FROM cadres c JOIN orgs o ON o.id = c.org_id
      WHERE c.deactivated_at IS NULL AND c.org_path <@ $3::ltree
        AND (c.id = ANY($2::uuid[])
             OR c.org_path <@ ANY (SELECT path FROM orgs WHERE id = ANY($4::uuid[])))`,
    [roundId, cadreIds, organiserPath, unitIds],
  );
  return res.rowCount ?? 0;
}

export async function markScoresDisclosed(client: pg.ClientBase, roundId: string): Promise<void> {
  await client.query(
    `UPDATE assessment_rounds SET scores_disclosed = true WHERE id = $1 AND NOT scores_disclosed`,
    [roundId],
  );
}

/**
 * The round's new state, and its targets' `published` flag (a unit's published result is public to
 * signed-in users, migration 0007). Only rows whose flag changes: a round of 100,000 targets is not
 * rewritten on every transition.
 */
export async function updateRoundState(
  client: pg.ClientBase,
  roundId: string,
  state: RoundState,
  at: Date,
): Promise<void> {
  await client.query(`UPDATE assessment_rounds SET state = $2, updated_at = $3 WHERE id = $1`, [
    roundId,
    state,
    at,
  ]);
  await client.query(
    `UPDATE assessment_targets SET published = $2 WHERE round_id = $1 AND published IS DISTINCT FROM $2`,
    [roundId, state === 'published'],
  );
}

/** The quota summary stored by the last compute (JSON), null before one. */
export async function selectSummary(client: pg.ClientBase, roundId: string): Promise<unknown> {
  const { rows } = await client.query<{ summary: unknown }>(
    `SELECT summary FROM assessment_rounds WHERE id = $1`,
    [roundId],
  );
  return rows[0]?.summary ?? null;
}

export async function updateSummary(
  client: pg.ClientBase,
  roundId: string,
  summaryJson: string | undefined,
): Promise<void> {
  await client.query(`UPDATE assessment_rounds SET summary = $2 WHERE id = $1`, [roundId, summaryJson]);
}
