import type { FastifyReply } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { attachment } from '../../../platform/spool.ts';
import { isZip, unzipCapped, zipDirectory } from '../../../platform/zip-reader.ts';
import { DOCX, PDF, type ReportFileInfo, type ReportFileMime } from '../repository/report-files.ts';

/** 述职报告 files: PDF or Word (.docx), decided by content, at most `REPORT_FILE_MAX_BYTES` (core). */
export { DOCX, PDF, type ReportFileMime } from '../repository/report-files.ts';

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

/** What lists show of a file: its name and size (null without one). */
export const fileInfo = (f: ReportFileInfo | undefined) => (f ? { name: f.name, size: f.size } : null);

/** A report file as the answer: its type, its name for saving, never cached. */
export function sendReportFile(reply: FastifyReply, file: ReportFileInfo & { bytes: Buffer }): Buffer {
  void reply
    .header('content-type', file.mime)
    .header('content-disposition', attachment(file.name))
    .header('cache-control', 'private, no-store');
  return file.bytes;
}
