import type { Correction } from '@ganbu/core';
import type pg from 'pg';

/** `cadre_corrections` (申请更正): the requests, a sensitive proposed value only as cipher text. */

interface CorrectionRow {
  id: string;
  cadre_id: string;
  field: Correction['field'];
  proposed_value: string;
  proposed_value_enc: string | null;
  reason: string;
  status: Correction['status'];
  requested_by: string;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string;
}

/** A stored request: the proposed value in clear or encrypted (`proposedValueEnc`), names of the accounts. */
export interface CorrectionRecord {
  id: string;
  cadreId: string;
  field: Correction['field'];
  proposedValue: string;
  proposedValueEnc: string | null;
  reason: string;
  status: Correction['status'];
  requestedBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string;
}

const toRecord = (r: CorrectionRow): CorrectionRecord => ({
  id: r.id,
  cadreId: r.cadre_id,
  field: r.field,
  proposedValue: r.proposed_value,
  proposedValueEnc: r.proposed_value_enc,
  reason: r.reason,
  status: r.status,
  requestedBy: r.requested_by,
  createdAt: r.created_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
});

// accounts outside the reader's scope stay hidden (RLS), so their names show as empty
const SELECT = `SELECT k.id, k.cadre_id, k.field, k.proposed_value, k.proposed_value_enc, k.reason, k.status,
  coalesce(r.display_name, '') AS requested_by, k.created_at, d.display_name AS decided_by, k.decided_at, k.decision_note
  FROM cadre_corrections k LEFT JOIN users r ON r.id = k.requested_by LEFT JOIN users d ON d.id = k.decided_by`;

export async function selectCorrection(client: pg.ClientBase, id: string): Promise<CorrectionRecord | null> {
  const { rows } = await client.query<CorrectionRow>(`${SELECT} WHERE k.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The requests of one record, newest first. */
export async function listCorrectionsOf(client: pg.ClientBase, cadreId: string): Promise<CorrectionRecord[]> {
  const { rows } = await client.query<CorrectionRow>(
    `${SELECT} WHERE k.cadre_id = $1 ORDER BY k.created_at DESC`,
    [cadreId],
  );
  return rows.map(toRecord);
}

/** Requests in a status across the reader's scope, newest first, with whom they concern (at most 500). */
export async function listCorrectionsInStatus(
  client: pg.ClientBase,
  status: Correction['status'],
): Promise<(CorrectionRecord & { cadreName: string; orgName: string })[]> {
  const { rows } = await client.query<CorrectionRow & { cadre_name: string; org_name: string }>(
    `SELECT q.*, c.name AS cadre_name, coalesce(o.name, '') AS org_name
       FROM (${SELECT} WHERE k.status = $1) q
       JOIN cadres c ON c.id = q.cadre_id LEFT JOIN orgs o ON o.id = c.org_id
      ORDER BY q.created_at DESC LIMIT 500`,
    [status],
  );
  return rows.map((r) => ({ ...toRecord(r), cadreName: r.cadre_name, orgName: r.org_name }));
}

/** Is the record visible to the reader (row-level security)? */
export async function cadreVisible(client: pg.ClientBase, cadreId: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM cadres WHERE id = $1', [cadreId]);
  return !!rowCount;
}

/** File a request against a visible record; null when the record is not visible. */
export async function insertCorrection(
  client: pg.ClientBase,
  c: {
    cadreId: string;
    requestedBy: string;
    field: Correction['field'];
    proposedValue: string;
    proposedValueEnc: string | null;
    reason: string;
  },
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO cadre_corrections
       (cadre_id, org_path, requested_by, field, proposed_value, proposed_value_enc, reason)
     SELECT c.id, c.org_path, $2, $3, $4, $5, $6 FROM cadres c WHERE c.id = $1 RETURNING id`,
    [c.cadreId, c.requestedBy, c.field, c.proposedValue, c.proposedValueEnc, c.reason],
  );
  return rows[0]?.id ?? null;
}

/** Decide a pending request; false when it is not pending (or not visible). */
export async function decideCorrection(
  client: pg.ClientBase,
  d: { id: string; status: 'accepted' | 'rejected'; note: string; decidedBy: string | undefined; at: Date },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE cadre_corrections SET status = $2, decision_note = $3, decided_by = $4, decided_at = $5
      WHERE id = $1 AND status = 'pending'`,
    [d.id, d.status, d.note, d.decidedBy, d.at],
  );
  return !!res.rowCount;
}

/** Requests of sensitive fields still stored in clear, locked (to be encrypted at start-up). */
export async function lockLegacyClearValues(
  client: pg.ClientBase,
  fields: readonly string[],
): Promise<{ id: string; proposedValue: string }[]> {
  const { rows } = await client.query<{ id: string; proposed_value: string }>(
    `SELECT id, proposed_value FROM cadre_corrections
      WHERE field = ANY($1::text[]) AND proposed_value_enc IS NULL ORDER BY id FOR UPDATE`,
    [fields],
  );
  return rows.map((r) => ({ id: r.id, proposedValue: r.proposed_value }));
}

export async function storeEncryptedValues(
  client: pg.ClientBase,
  ids: string[],
  encrypted: string[],
): Promise<void> {
  await client.query(
    `UPDATE cadre_corrections k SET proposed_value_enc = u.enc, proposed_value = ''
       FROM unnest($1::uuid[], $2::text[]) AS u(id, enc) WHERE k.id = u.id`,
    [ids, encrypted],
  );
}
