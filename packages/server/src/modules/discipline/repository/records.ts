import type { DisciplineAttachment, DisciplineRecord } from '@ganbu/core';
import type pg from 'pg';
import { queryRow, queryRows } from '../../../db/rows.ts';

/**
 * 从严管理记录 and their attachments. Row-level security decides what is visible (组织部 and 纪检联络 in
 * scope, the cadre their own): no WHERE on scope here.
 */

interface RecordRow {
  id: string;
  cadre_id: string;
  cadre_name: string;
  unit_name: string;
  kind: string;
  grade: string | null;
  facts: string;
  decided_by: string;
  decided_on: string;
  document_no: string;
  revoked_on: string | null;
  revoked_reason: string | null;
  attachment_count: number;
  decisions: DisciplineRecord['decisions'] | null;
}

export function toRecord(r: RecordRow): DisciplineRecord {
  return {
    id: r.id,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    unitName: r.unit_name,
    kind: r.kind,
    grade: r.grade,
    facts: r.facts,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    documentNo: r.document_no,
    revokedOn: r.revoked_on,
    revokedReason: r.revoked_reason,
    attachmentCount: r.attachment_count,
    decisions: r.decisions ?? [],
  };
}

// The decisions of the tolerance cases that concern a record (visible to the same readers).
export const RECORD_SELECT = `
  SELECT d.id, d.cadre_id, c.name AS cadre_name, o.name AS unit_name, d.kind, d.grade, d.facts, d.decided_by,
         d.decided_on::text AS decided_on, d.document_no, d.revoked_on::text AS revoked_on, d.revoked_reason,
         (SELECT count(*)::int FROM discipline_attachments a WHERE a.record_id = d.id) AS attachment_count,
         (SELECT jsonb_agg(jsonb_build_object('toleranceCaseId', t.id, 'outcome', t.outcome,
                                              'decidedOn', t.decided_on::text, 'documentNo', t.decision_document_no)
                           ORDER BY t.decided_on)
            FROM tolerance_case_records tr JOIN tolerance_cases t ON t.id = tr.tolerance_case_id
           WHERE tr.record_id = d.id AND t.outcome IS NOT NULL) AS decisions
    FROM discipline_records d
    JOIN cadres c ON c.id = d.cadre_id
    JOIN orgs o ON o.id = c.org_id`;

export interface RecordFilter {
  kind?: string;
  year?: number;
  unitPath?: string;
  cadreId?: string;
  q?: string;
  limit: number;
  offset: number;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function listRecords(
  client: pg.ClientBase,
  f: RecordFilter,
): Promise<{ items: DisciplineRecord[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(sql(params.length));
  };
  if (f.kind) add((n) => `d.kind = $${n}`, f.kind);
  if (f.year) add((n) => `extract(year FROM d.decided_on) = $${n}`, f.year);
  if (f.unitPath) add((n) => `c.org_path <@ $${n}::ltree`, f.unitPath);
  if (f.cadreId) add((n) => `d.cadre_id = $${n}`, f.cadreId);
  if (f.q) add((n) => `c.name LIKE $${n}`, like(f.q));
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await client.query<RecordRow & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${RECORD_SELECT} ${filter}) x
      ORDER BY decided_on DESC, cadre_name, id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.map(toRecord), total: rows[0]?.total ?? 0 };
}

export async function findRecord(client: pg.ClientBase, id: string): Promise<DisciplineRecord | null> {
  return queryRow(client, `${RECORD_SELECT} WHERE d.id = $1`, [id], toRecord);
}

export async function findRecords(
  client: pg.ClientBase,
  ids: readonly string[],
): Promise<DisciplineRecord[]> {
  if (ids.length === 0) return [];
  return queryRows(
    client,
    `${RECORD_SELECT} WHERE d.id = ANY($1::uuid[]) ORDER BY d.decided_on, d.id`,
    [ids],
    toRecord,
  );
}

export async function insertRecord(
  client: pg.ClientBase,
  r: {
    cadreId: string;
    kind: string;
    grade: string | null;
    facts: string;
    decidedBy: string;
    decidedOn: string;
    documentNo: string;
    createdBy: string | null;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO discipline_records (cadre_id, kind, grade, facts, decided_by, decided_on, document_no, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [r.cadreId, r.kind, r.grade, r.facts, r.decidedBy, r.decidedOn, r.documentNo, r.createdBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function revokeRecord(
  client: pg.ClientBase,
  id: string,
  revokedOn: string,
  reason: string,
): Promise<boolean> {
  const res = await client.query(
    `UPDATE discipline_records SET revoked_on = $2, revoked_reason = $3 WHERE id = $1 AND revoked_on IS NULL`,
    [id, revokedOn, reason],
  );
  return (res.rowCount ?? 0) > 0;
}

/** A cadre visible to the user (the record's subject must be), with the unit a case about them sits in. */
export async function findCadre(
  client: pg.ClientBase,
  id: string,
): Promise<{ id: string; name: string; orgId: string; orgPath: string } | null> {
  return queryRow<
    { id: string; name: string; org_id: string; org_path: string },
    { id: string; name: string; orgId: string; orgPath: string }
  >(client, 'SELECT id, name, org_id, org_path::text AS org_path FROM cadres WHERE id = $1', [id], (r) => ({
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgPath: r.org_path,
  }));
}

// ---------------------------------------------------------------- attachments

interface AttachmentRow {
  id: string;
  file_name: string;
  mime: DisciplineAttachment['mime'];
  size: number;
  uploaded_at: string;
}

const toAttachment = (r: AttachmentRow): DisciplineAttachment => ({
  id: r.id,
  name: r.file_name,
  mime: r.mime,
  size: r.size,
  uploadedAt: r.uploaded_at,
});

const ATTACHMENT_COLUMNS = `id, file_name, mime, size, to_char(uploaded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS uploaded_at`;

export async function listAttachments(
  client: pg.ClientBase,
  recordId: string,
): Promise<DisciplineAttachment[]> {
  return queryRows(
    client,
    `SELECT ${ATTACHMENT_COLUMNS} FROM discipline_attachments WHERE record_id = $1 ORDER BY uploaded_at, id`,
    [recordId],
    toAttachment,
  );
}

export async function insertAttachment(
  client: pg.ClientBase,
  a: { recordId: string; name: string; mime: string; bytes: Buffer; uploadedBy: string | null },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO discipline_attachments (record_id, file_name, mime, size, bytes, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [a.recordId, a.name, a.mime, a.bytes.length, a.bytes, a.uploadedBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function findAttachment(
  client: pg.ClientBase,
  recordId: string,
  id: string,
): Promise<(DisciplineAttachment & { bytes: Buffer }) | null> {
  return queryRow<AttachmentRow & { bytes: Buffer }, DisciplineAttachment & { bytes: Buffer }>(
    client,
    `SELECT ${ATTACHMENT_COLUMNS}, bytes FROM discipline_attachments WHERE record_id = $1 AND id = $2`,
    [recordId, id],
    (r) => ({ ...toAttachment(r), bytes: r.bytes }),
  );
}
