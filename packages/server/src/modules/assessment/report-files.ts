import type { FastifyReply } from 'fastify';
import type pg from 'pg';
import { AppError } from '../../platform/errors.ts';
import { attachment } from '../../platform/spool.ts';
import { isZip, unzipCapped, zipDirectory } from '../../platform/zip-reader.ts';

/** 述职报告 files: PDF or Word (.docx), decided by content, at most `REPORT_FILE_MAX_BYTES` (core). */
export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export type ReportFileMime = typeof PDF | typeof DOCX;

const EXTENSION: Record<ReportFileMime, string> = { [PDF]: '.pdf', [DOCX]: '.docx' };

/**
 * Limits of a Word document, checked while inflating it (nothing is kept): a .docx of at most 10 MB that
 * unpacks past 256 MB is a zip bomb for whoever opens it, not a 述职报告.
 */
const DOCX_LIMITS = { maxEntries: 5000, maxTotalBytes: 256 * 1024 * 1024 } as const;

/**
 * The file's type by its content: a PDF starts with `%PDF-`; a Word document is a zip holding
 * `word/document.xml` whose every entry inflates within `DOCX_LIMITS` to the size and checksum its
 * directory declares. Anything else (an old .doc, an image, a renamed file, a broken or hostile zip) is
 * refused; a zip past the limits with 413.
 */
export async function reportFileType(bytes: Buffer): Promise<ReportFileMime | null> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (!isZip(bytes)) return null;
  try {
    if (!zipDirectory(bytes, DOCX_LIMITS).some((entry) => entry.name === 'word/document.xml')) return null;
    await unzipCapped(bytes, DOCX_LIMITS, { keep: false });
  } catch (err) {
    // past a limit: 413 with its reason; broken, unsafe or lying about a size: not a Word document
    if (err instanceof AppError && err.status !== 413) return null;
    throw err;
  }
  return DOCX;
}

/** The name kept for download: the uploaded name without path or control characters, its extension the type's. */
export function reportFileName(uploaded: string | undefined, mime: ReportFileMime, fallback: string): string {
  const base = (uploaded ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim();
  const stem = (base.replace(/\.(pdf|docx?)$/i, '') || fallback).slice(0, 100);
  return `${stem}${EXTENSION[mime]}`;
}

export interface ReportFileInfo {
  name: string;
  mime: ReportFileMime;
  size: number;
}

/** What lists show of a file: its name and size (null without one). */
export const fileInfo = (f: ReportFileInfo | undefined) => (f ? { name: f.name, size: f.size } : null);

/** The report files of these targets (those the reader may see), by target id. */
export async function reportFilesOf(
  client: pg.ClientBase,
  roundId: string,
): Promise<Map<string, ReportFileInfo>> {
  const { rows } = await client.query<{ target_id: string } & ReportFileInfo>(
    `SELECT target_id, file_name AS name, mime, size FROM assessment_report_files WHERE round_id = $1`,
    [roundId],
  );
  return new Map(rows.map(({ target_id, ...info }) => [target_id, info]));
}

export async function reportFileBytes(
  client: pg.ClientBase,
  roundId: string,
  targetId: string,
): Promise<(ReportFileInfo & { bytes: Buffer }) | null> {
  const { rows } = await client.query<ReportFileInfo & { bytes: Buffer }>(
    `SELECT file_name AS name, mime, size, bytes FROM assessment_report_files WHERE round_id = $1 AND target_id = $2`,
    [roundId, targetId],
  );
  return rows[0] ?? null;
}

/** A report file as the answer: its type, its name for saving, never cached. */
export function sendReportFile(reply: FastifyReply, file: ReportFileInfo & { bytes: Buffer }): Buffer {
  void reply
    .header('content-type', file.mime)
    .header('content-disposition', attachment(file.name))
    .header('cache-control', 'private, no-store');
  return file.bytes;
}
