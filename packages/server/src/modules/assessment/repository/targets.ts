import type pg from 'pg';
import type { StoredResult } from '../service/stored-results.ts';

/**
 * `assessment_targets`: who a round assesses, their 述职 text, and their stored results. Row-level
 * security keeps every read to the reader's scope; a slip's reads run in the 'system' context.
 */

/** What the engine needs of a target: where it sits (unit, parent unit) for ranks and quotas. */
export interface TallyTarget {
  id: string;
  unitId: string;
  parentUnitId: string | null;
  /** the cadre a person target is (null for a unit target): the eligibility engine's veto asks about her */
  cadreId?: string | null;
}

interface TallyTargetRow {
  id: string;
  unit_id: string;
  parent_unit_id: string | null;
}

const toTallyTarget = (r: TallyTargetRow): TallyTarget => ({
  id: r.id,
  unitId: r.unit_id,
  parentUnitId: r.parent_unit_id,
});

/** The stored result of a target in the shape core's `expandResult` is given (see `explainedResult`). */
export interface StoredTargetRow extends TallyTargetRow {
  result: StoredResult | null;
}

interface RoundTargetRow {
  id: string;
  cadre_id: string | null;
  unit_id: string;
  unit_name: string;
  name: string;
  post: string;
  report: string;
}

export interface RoundTargetRecord {
  id: string;
  cadreId: string | null;
  unitId: string;
  unitName: string;
  name: string;
  post: string;
  report: string;
}

/** The round's targets the reader may see, with their 述职 text, in the round's order. */
export async function listRoundTargets(client: pg.ClientBase, roundId: string): Promise<RoundTargetRecord[]> {
  const { rows } = await client.query<RoundTargetRow>(
    `SELECT t.id, t.cadre_id, t.unit_id, coalesce(o.name, '') AS unit_name, t.name, t.post, t.report
       FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id
      WHERE t.round_id = $1 ORDER BY t.sort_order, t.name`,
    [roundId],
  );
  return rows.map((t) => ({
    id: t.id,
    cadreId: t.cadre_id,
    unitId: t.unit_id,
    unitName: t.unit_name,
    name: t.name,
    post: t.post,
    report: t.report,
  }));
}

/** The target whose 述职 is written: whose it is and its name; null when not in the round or out of scope. */
export async function selectReportTarget(
  client: pg.ClientBase,
  roundId: string,
  targetId: string,
): Promise<{ cadreId: string | null; name: string } | null> {
  const { rows } = await client.query<{ cadre_id: string | null; name: string }>(
    `SELECT cadre_id, name FROM assessment_targets WHERE id = $1 AND round_id = $2`,
    [targetId, roundId],
  );
  return rows[0] ? { cadreId: rows[0].cadre_id, name: rows[0].name } : null;
}

export async function updateTargetReport(
  client: pg.ClientBase,
  targetId: string,
  report: string,
): Promise<void> {
  await client.query(`UPDATE assessment_targets SET report = $2 WHERE id = $1`, [targetId, report]);
}

/** Does the round assess anyone of this unit (the unit a slip batch is issued for)? */
export async function unitHasTargets(
  client: pg.ClientBase,
  roundId: string,
  unitId: string,
): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT 1 FROM assessment_targets WHERE round_id = $1 AND unit_id = $2`,
    [roundId, unitId],
  );
  return rows.length > 0;
}

/** Every target of the round, in the order of the tally and the stored results. */
export async function listTallyTargets(client: pg.ClientBase, roundId: string): Promise<TallyTarget[]> {
  const { rows } = await client.query<TallyTargetRow & { cadre_id: string | null }>(
    `SELECT id, unit_id, parent_unit_id, cadre_id FROM assessment_targets WHERE round_id = $1
      ORDER BY sort_order, id`,
    [roundId],
  );
  return rows.map((r) => ({ ...toTallyTarget(r), cadreId: r.cadre_id }));
}

export interface ResultTargetRow extends StoredTargetRow {
  cadre_id: string | null;
  name: string;
  post: string;
  unit_name: string;
  proposed_grade: string | null;
  final_grade: string | null;
  override_reason: string | null;
}

/** A target with its stored figures and grades, as the results page lists it. */
export interface ResultTargetRecord {
  stored: StoredTargetRow;
  id: string;
  /** the cadre rated; null for a unit target */
  cadreId: string | null;
  name: string;
  post: string;
  unitName: string;
  proposedGrade: string | null;
  finalGrade: string | null;
  overrideReason: string | null;
}

/** A row of `assessment_targets` joined with its unit's name, as the results read it. */
export function toResultTarget(r: ResultTargetRow): ResultTargetRecord {
  return {
    stored: { id: r.id, unit_id: r.unit_id, parent_unit_id: r.parent_unit_id, result: r.result },
    id: r.id,
    cadreId: r.cadre_id,
    name: r.name,
    post: r.post,
    unitName: r.unit_name,
    proposedGrade: r.proposed_grade,
    finalGrade: r.final_grade,
    overrideReason: r.override_reason,
  };
}

interface ExportTargetRow extends StoredTargetRow {
  name: string;
  counts: Record<string, number> | null;
}

/** A target of the ballot export: its stored figures and its ballot count per rater group. */
export interface ExportTargetRecord {
  stored: StoredTargetRow;
  id: string;
  unitId: string;
  parentUnitId: string | null;
  name: string;
  counts: Record<string, number>;
}

export async function listExportTargets(
  client: pg.ClientBase,
  roundId: string,
): Promise<ExportTargetRecord[]> {
  const { rows } = await client.query<ExportTargetRow>(
    `SELECT t.id, t.unit_id, t.parent_unit_id, t.name, t.result,
            (SELECT jsonb_object_agg(c.group_id, c.n) FROM (
               SELECT s.group_id, count(*)::int AS n FROM (
                 SELECT group_id FROM ballot_scores WHERE round_id = t.round_id AND target_id = t.id
                 -- a grade ballot's votes (一票一档, 0035)
                 UNION ALL SELECT group_id FROM ballot_grades WHERE round_id = t.round_id AND target_id = t.id) s
                GROUP BY s.group_id) c) AS counts
       FROM assessment_targets t WHERE t.round_id = $1 ORDER BY t.sort_order, t.id`,
    [roundId],
  );
  return rows.map((r) => ({
    stored: { id: r.id, unit_id: r.unit_id, parent_unit_id: r.parent_unit_id, result: r.result },
    id: r.id,
    unitId: r.unit_id,
    parentUnitId: r.parent_unit_id,
    name: r.name,
    counts: r.counts ?? {},
  }));
}

/** The committee's grade for a target, with its reason. */
export async function updateFinalGrade(
  client: pg.ClientBase,
  roundId: string,
  targetId: string,
  grade: string,
  reason: string,
): Promise<void> {
  await client.query(
    `UPDATE assessment_targets SET final_grade = $2, override_reason = $3 WHERE id = $1 AND round_id = $4`,
    [targetId, grade, reason, roundId],
  );
}

// ------------------------------------------------------------------ the targets a slip rates

/** The targets a slip rates ($1 round, $2 the slip's unit): the whole round, or its own unit (subtree). */
const SLIP_TARGETS = `t.round_id = $1 AND ($2::uuid IS NULL OR t.unit_path <@ (SELECT path FROM orgs WHERE id = $2::uuid))`;

interface SlipTargetRow {
  id: string;
  name: string;
  post: string;
  unit_name: string;
  report: string;
}

export interface SlipTargetRecord {
  id: string;
  name: string;
  post: string;
  unitName: string;
  report: string;
}

export async function listSlipTargets(
  client: pg.ClientBase,
  roundId: string,
  unitId: string | null,
): Promise<SlipTargetRecord[]> {
  const { rows } = await client.query<SlipTargetRow>(
    `SELECT t.id, t.name, t.post, coalesce(o.name, '') AS unit_name, t.report
       FROM assessment_targets t LEFT JOIN orgs o ON o.id = t.unit_id
      WHERE ${SLIP_TARGETS}
      ORDER BY t.sort_order, t.name`,
    [roundId, unitId],
  );
  return rows.map((t) => ({ id: t.id, name: t.name, post: t.post, unitName: t.unit_name, report: t.report }));
}

export async function slipRatesTarget(
  client: pg.ClientBase,
  roundId: string,
  unitId: string | null,
  targetId: string,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `SELECT 1 FROM assessment_targets t WHERE ${SLIP_TARGETS} AND t.id = $3`,
    [roundId, unitId, targetId],
  );
  return !!rowCount;
}
