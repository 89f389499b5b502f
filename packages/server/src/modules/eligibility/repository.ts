import type { ClarificationFact, RecordFact, ToleranceFact } from '@ganbu/core';
import type pg from 'pg';

/**
 * The facts the eligibility engine reads: discipline records, tolerance decisions with the records they
 * cover, and reports (clarifications). Row-level security decides what the client sees (组织部 and 纪检联络
 * in scope, the cadre her own); one query per table for any number of cadres.
 */

interface RecordRow {
  id: string;
  cadre_id: string;
  kind: string;
  grade: string | null;
  decided_on: string;
  document_no: string;
  revoked_on: string | null;
}

/** `cadreIds` null: every cadre the client sees (the batch benchmark, a district-wide filter). */
export async function recordsOf(
  client: pg.ClientBase,
  cadreIds: readonly string[] | null,
): Promise<RecordFact[]> {
  const { rows } = await client.query<RecordRow>(
    `SELECT id, cadre_id, kind, grade, decided_on::text AS decided_on, document_no, revoked_on::text AS revoked_on
       FROM discipline_records
      WHERE $1::uuid[] IS NULL OR cadre_id = ANY($1::uuid[])`,
    [cadreIds],
  );
  return rows.map((r) => ({
    id: r.id,
    cadreId: r.cadre_id,
    kind: r.kind,
    grade: r.grade,
    decidedOn: r.decided_on,
    documentNo: r.document_no,
    revokedOn: r.revoked_on,
  }));
}

interface ToleranceRow {
  id: string;
  cadre_id: string;
  outcome: ToleranceFact['outcome'];
  decided_on: string | null;
  document_no: string | null;
  record_ids: string[];
}

/** Decided tolerance cases only (an undecided one changes nothing). */
export async function toleranceOf(
  client: pg.ClientBase,
  cadreIds: readonly string[] | null,
): Promise<ToleranceFact[]> {
  const { rows } = await client.query<ToleranceRow>(
    `SELECT t.id, t.cadre_id, t.outcome, t.decided_on::text AS decided_on,
            t.decision_document_no AS document_no,
            coalesce(array_agg(r.record_id) FILTER (WHERE r.record_id IS NOT NULL), '{}') AS record_ids
       FROM tolerance_cases t LEFT JOIN tolerance_case_records r ON r.tolerance_case_id = t.id
      WHERE t.outcome IS NOT NULL AND ($1::uuid[] IS NULL OR t.cadre_id = ANY($1::uuid[]))
      GROUP BY t.id`,
    [cadreIds],
  );
  return rows.map((r) => ({
    id: r.id,
    cadreId: r.cadre_id,
    outcome: r.outcome,
    decidedOn: r.decided_on,
    documentNo: r.document_no,
    recordIds: r.record_ids,
  }));
}

interface ClarificationRow {
  id: string;
  cadre_id: string;
  received_on: string;
  conclusion: ClarificationFact['conclusion'];
  concluded_on: string | null;
}

export async function clarificationsOf(
  client: pg.ClientBase,
  cadreIds: readonly string[] | null,
): Promise<ClarificationFact[]> {
  const { rows } = await client.query<ClarificationRow>(
    `SELECT id, cadre_id, received_on::text AS received_on, conclusion, concluded_on::text AS concluded_on
       FROM clarifications
      WHERE $1::uuid[] IS NULL OR cadre_id = ANY($1::uuid[])`,
    [cadreIds],
  );
  return rows.map((r) => ({
    id: r.id,
    cadreId: r.cadre_id,
    receivedOn: r.received_on,
    conclusion: r.conclusion,
    concludedOn: r.concluded_on,
  }));
}

/** Whether the client sees the cadre (row-level security of `cadres`). */
export async function cadreVisible(client: pg.ClientBase, cadreId: string): Promise<boolean> {
  const { rowCount } = await client.query(`SELECT 1 FROM cadres WHERE id = $1`, [cadreId]);
  return (rowCount ?? 0) > 0;
}

/** The cadre's name and unit (a notice is addressed by the unit), as the client sees it. */
export async function cadreUnit(
  client: pg.ClientBase,
  cadreId: string,
): Promise<{ name: string; orgId: string } | null> {
  const { rows } = await client.query<{ name: string; org_id: string }>(
    `SELECT name, org_id FROM cadres WHERE id = $1`,
    [cadreId],
  );
  return rows[0] ? { name: rows[0].name, orgId: rows[0].org_id } : null;
}
