import type { Clarification, ClarificationConclusion } from '@ganbu/core';
import type pg from 'pg';
import { queryRow } from '../../../db/rows.ts';

/**
 * 澄清正名: reports about a cadre, their verification and conclusion. Row-level security: 组织部 and 纪检联络
 * in scope, the cadre their own once concluded; the accuser (clarification_accusers) 纪检联络 only.
 */

interface ClarificationRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  unit_name: string;
  received_on: string;
  channel: string;
  allegation: string;
  verification: string;
  conclusion: ClarificationConclusion | null;
  concluded_on: string | null;
  document_no: string | null;
  notice_issued_on: string | null;
  case_id: string | null;
}

const toClarification = (r: ClarificationRow): Clarification => ({
  id: r.id,
  cadreId: r.cadre_id,
  cadreName: r.cadre_name,
  unitName: r.unit_name,
  receivedOn: r.received_on,
  channel: r.channel,
  allegation: r.allegation,
  verification: r.verification,
  conclusion: r.conclusion,
  concludedOn: r.concluded_on,
  documentNo: r.document_no,
  noticeIssuedOn: r.notice_issued_on,
  caseId: r.case_id,
});

const SELECT = `
  SELECT k.id, k.cadre_id, c.name AS cadre_name, o.name AS unit_name, k.received_on::text AS received_on,
         k.channel, k.allegation, k.verification, k.conclusion, k.concluded_on::text AS concluded_on, k.document_no,
         k.notice_issued_on::text AS notice_issued_on, k.case_id
    FROM clarifications k
    JOIN cadres c ON c.id = k.cadre_id
    JOIN orgs o ON o.id = c.org_id`;

export async function listClarifications(
  client: pg.ClientBase,
  f: { cadreId?: string; state?: 'open' | 'concluded'; q?: string; limit: number; offset: number },
): Promise<{ items: Clarification[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.cadreId) {
    params.push(f.cadreId);
    where.push(`k.cadre_id = $${params.length}`);
  }
  if (f.state) where.push(f.state === 'open' ? 'k.conclusion IS NULL' : 'k.conclusion IS NOT NULL');
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(`c.name LIKE $${params.length}`);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<ClarificationRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${SELECT} ${filter}) x
      ORDER BY (conclusion IS NULL) DESC, received_on DESC, id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.map(toClarification), total: rows[0]?.total ?? 0 };
}

export async function findClarification(client: pg.ClientBase, id: string): Promise<Clarification | null> {
  return queryRow(client, `${SELECT} WHERE k.id = $1`, [id], toClarification);
}

export async function insertClarification(
  client: pg.ClientBase,
  k: { cadreId: string; receivedOn: string; channel: string; allegation: string; createdBy: string | null },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO clarifications (cadre_id, received_on, channel, allegation, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [k.cadreId, k.receivedOn, k.channel, k.allegation, k.createdBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function conclude(
  client: pg.ClientBase,
  id: string,
  k: { conclusion: ClarificationConclusion; verification: string; documentNo: string; concludedOn: string },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE clarifications SET conclusion = $2, verification = $3, document_no = $4, concluded_on = $5
      WHERE id = $1 AND conclusion IS NULL`,
    [id, k.conclusion, k.verification, k.documentNo, k.concludedOn],
  );
  return (res.rowCount ?? 0) > 0;
}

/** The notice's date: the first time it was issued (kept when downloaded again). */
export async function markNoticeIssued(client: pg.ClientBase, id: string, on: string): Promise<string> {
  const { rows } = await client.query<{ notice_issued_on: string }>(
    `UPDATE clarifications SET notice_issued_on = coalesce(notice_issued_on, $2::date) WHERE id = $1
     RETURNING notice_issued_on::text AS notice_issued_on`,
    [id, on],
  );
  return rows[0]?.notice_issued_on ?? on;
}

export async function setClarificationWorkflow(
  client: pg.ClientBase,
  id: string,
  caseId: string,
): Promise<void> {
  await client.query('UPDATE clarifications SET case_id = $2 WHERE id = $1', [id, caseId]);
}

/** The clarification a workflow case carries (null: not one of ours, or not visible). */
export async function clarificationOfWorkflow(client: pg.ClientBase, caseId: string): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM clarifications WHERE case_id = $1', [
    caseId,
  ]);
  return rows[0]?.id ?? null;
}

export async function findAccuser(
  client: pg.ClientBase,
  id: string,
): Promise<{ accuser: string; handling: string } | null> {
  return queryRow<{ accuser: string; handling: string }, { accuser: string; handling: string }>(
    client,
    'SELECT accuser, handling FROM clarification_accusers WHERE clarification_id = $1',
    [id],
    (r) => r,
  );
}

export async function upsertAccuser(
  client: pg.ClientBase,
  id: string,
  a: { accuser: string; handling: string; createdBy: string | null },
): Promise<void> {
  await client.query(
    `INSERT INTO clarification_accusers (clarification_id, accuser, handling, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (clarification_id) DO UPDATE SET accuser = EXCLUDED.accuser, handling = EXCLUDED.handling`,
    [id, a.accuser, a.handling, a.createdBy],
  );
}

/** The district's name (the root of the org tree) for the notice's issuer; '' when not visible. */
export async function districtName(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT name FROM orgs WHERE nlevel(path) = 1 ORDER BY path LIMIT 1',
  );
  return rows[0]?.name ?? '';
}
