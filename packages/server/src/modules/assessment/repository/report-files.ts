import type pg from 'pg';

/** `assessment_report_files`: one 述职报告 file (PDF or Word) per target, bytes in the database. */

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export type ReportFileMime = typeof PDF | typeof DOCX;

export interface ReportFileInfo {
  name: string;
  mime: ReportFileMime;
  size: number;
}

interface ReportFileRow {
  target_id: string;
  file_name: string;
  mime: ReportFileMime;
  size: number;
}

/** The report files of a round's targets (those the reader may see), by target id. */
export async function listReportFiles(
  client: pg.ClientBase,
  roundId: string,
): Promise<Map<string, ReportFileInfo>> {
  const { rows } = await client.query<ReportFileRow>(
    `SELECT target_id, file_name, mime, size FROM assessment_report_files WHERE round_id = $1`,
    [roundId],
  );
  return new Map(rows.map((r) => [r.target_id, { name: r.file_name, mime: r.mime, size: r.size }]));
}

export async function selectReportFile(
  client: pg.ClientBase,
  roundId: string,
  targetId: string,
): Promise<(ReportFileInfo & { bytes: Buffer }) | null> {
  const { rows } = await client.query<Omit<ReportFileRow, 'target_id'> & { bytes: Buffer }>(
    `SELECT file_name, mime, size, bytes FROM assessment_report_files WHERE round_id = $1 AND target_id = $2`,
    [roundId, targetId],
  );
  const r = rows[0];
  return r ? { name: r.file_name, mime: r.mime, size: r.size, bytes: r.bytes } : null;
}

/** Store (or replace) a target's file. */
export async function upsertReportFile(
  client: pg.ClientBase,
  f: { targetId: string; roundId: string; name: string; mime: ReportFileMime; bytes: Buffer; at: Date },
): Promise<void> {
  await client.query(
    `INSERT INTO assessment_report_files (target_id, round_id, file_name, mime, size, bytes, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (target_id) DO UPDATE SET file_name = EXCLUDED.file_name, mime = EXCLUDED.mime,
       size = EXCLUDED.size, bytes = EXCLUDED.bytes, uploaded_at = EXCLUDED.uploaded_at`,
    [f.targetId, f.roundId, f.name, f.mime, f.bytes.length, f.bytes, f.at],
  );
}

/** Remove a target's file; false when it had none (or it is out of scope). */
export async function deleteReportFile(
  client: pg.ClientBase,
  roundId: string,
  targetId: string,
): Promise<boolean> {
  const res = await client.query(
    `DELETE FROM assessment_report_files WHERE target_id = $1 AND round_id = $2`,
    [targetId, roundId],
  );
  return !!res.rowCount;
}
