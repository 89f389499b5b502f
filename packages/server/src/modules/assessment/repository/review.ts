import type { GradeOverride, Waiver } from '@ganbu/core';
import type pg from 'pg';

/** The committee's review of a round: waivers (人数不足豁免) and grade overrides (调整等次). */

interface WaiverRow {
  target_id: string;
  group_id: string;
  reason: string;
}

export async function listWaivers(client: pg.ClientBase, roundId: string): Promise<Waiver[]> {
  const { rows } = await client.query<WaiverRow>(
    `SELECT target_id, group_id, reason FROM assessment_waivers WHERE round_id = $1`,
    [roundId],
  );
  return rows.map((w) => ({ targetId: w.target_id, groupId: w.group_id, reason: w.reason }));
}

/** Record (or replace) a waiver for a target of the round; false when the target is not the round's. */
export async function upsertWaiver(
  client: pg.ClientBase,
  w: { roundId: string; targetId: string; groupId: string; reason: string; decidedBy: string | undefined },
): Promise<boolean> {
  const res = await client.query(
    `INSERT INTO assessment_waivers (round_id, target_id, group_id, reason, decided_by)
     SELECT $1, t.id, $3, $4, $5 FROM assessment_targets t WHERE t.id = $2 AND t.round_id = $1
     ON CONFLICT (target_id, group_id) DO UPDATE SET reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by`,
    [w.roundId, w.targetId, w.groupId, w.reason, w.decidedBy],
  );
  return !!res.rowCount;
}

/**
 * Record one rater group's waiver, with one reason, for each of `targetIds` (targets of the round); rows
 * already waived for the group keep their first reason. Returns how many were written.
 */
export async function insertUnitWaivers(
  client: pg.ClientBase,
  w: { roundId: string; targetIds: string[]; groupId: string; reason: string; decidedBy: string | undefined },
): Promise<number> {
  const res = await client.query(
    `INSERT INTO assessment_waivers (round_id, target_id, group_id, reason, decided_by)
     SELECT $1, t.id, $3, $4, $5 FROM assessment_targets t WHERE t.id = ANY($2::uuid[]) AND t.round_id = $1
     ON CONFLICT (target_id, group_id) DO NOTHING`,
    [w.roundId, w.targetIds, w.groupId, w.reason, w.decidedBy],
  );
  return res.rowCount ?? 0;
}

/** The targets of a round whose unit lies in the subtree of `orgId` (none when the unit is out of scope). */
export async function targetsUnder(client: pg.ClientBase, roundId: string, orgId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT t.id FROM assessment_targets t JOIN orgs o ON o.id = $2
      WHERE t.round_id = $1 AND t.unit_path <@ o.path`,
    [roundId, orgId],
  );
  return rows.map((r) => r.id);
}

interface OverrideRow {
  target_id: string;
  grade: string;
  reason: string;
  exception_approved: boolean;
  approval_ref: string;
}

export async function listOverrides(client: pg.ClientBase, roundId: string): Promise<GradeOverride[]> {
  const { rows } = await client.query<OverrideRow>(
    `SELECT target_id, grade, reason, exception_approved, approval_ref FROM assessment_overrides WHERE round_id = $1`,
    [roundId],
  );
  return rows.map((o) => ({
    targetId: o.target_id,
    grade: o.grade as GradeOverride['grade'],
    reason: o.reason,
    exceptionApproved: o.exception_approved,
    approvalRef: o.approval_ref || undefined,
  }));
}

export async function upsertOverride(
  client: pg.ClientBase,
  roundId: string,
  o: GradeOverride,
  decidedBy: string | undefined,
): Promise<void> {
  await client.query(
    `INSERT INTO assessment_overrides (round_id, target_id, grade, reason, exception_approved, approval_ref, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (target_id) DO UPDATE SET grade = EXCLUDED.grade, reason = EXCLUDED.reason,
       exception_approved = EXCLUDED.exception_approved, approval_ref = EXCLUDED.approval_ref,
       decided_by = EXCLUDED.decided_by, decided_at = now()`,
    [roundId, o.targetId, o.grade, o.reason, o.exceptionApproved ?? false, o.approvalRef ?? '', decidedBy],
  );
}

/** A new compute clears the committee's grade changes. */
export async function deleteOverrides(client: pg.ClientBase, roundId: string): Promise<void> {
  await client.query(`DELETE FROM assessment_overrides WHERE round_id = $1`, [roundId]);
}
