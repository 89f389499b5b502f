import {
  chinaToday,
  CadreRecordInputSchema,
  lrmxToRecordInput,
  printedResume,
  readLrm,
  readLrmx,
  recordToLrmx,
  validateCadreRecord,
  writeLrmx,
  type CadreRecord,
  type LrmxPerson,
} from '@ganbu/core';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-cipher.ts';
import * as bulk from './bulk-write.ts';
import { photoType } from './photo.ts';
import * as repo from './repository.ts';
import { idNumberIndex } from './sensitive.ts';
import { cadreWrite, readRecord } from './service.ts';
import type { UploadedFile } from './upload-files.ts';

export interface LrmxFileError {
  file: string;
  field: string;
  message: string;
}

interface Parsed {
  file: string;
  person: LrmxPerson;
}

const base = (name: string) => name.replace(/\.[^.]+$/, '').toLowerCase();

/** .lrmx files, and .lrm files with their sibling .pic (same base name). */
function parseFiles(files: UploadedFile[], errors: LrmxFileError[]): Parsed[] {
  const pics = new Map(files.filter((f) => /\.pic$/i.test(f.name)).map((f) => [base(f.name), f.bytes]));
  const parsed: Parsed[] = [];
  for (const f of files) {
    if (/\.pic$/i.test(f.name)) continue;
    const result = /\.lrm$/i.test(f.name)
      ? readLrm(f.bytes, pics.get(base(f.name)))
      : /\.lrmx$/i.test(f.name)
        ? readLrmx(f.bytes)
        : null;
    if (!result) {
      errors.push({
        file: f.name,
        field: '',
        message: '只接受 .lrmx、.lrm（可附同名 .pic）或它们的 .zip 压缩包',
      });
      continue;
    }
    if (!result.ok) errors.push({ file: f.name, field: '', message: result.message });
    else parsed.push({ file: f.name, person: result.person });
  }
  return parsed;
}

/**
 * The registry record of an approval form (core lrmxToRecordInput): the 简历's posts become the appointment
 * history, study periods stay out of it, and the 简历 text is kept verbatim in extras.JianLi for printing.
 */
export function recordFromPerson(
  person: LrmxPerson,
  orgId: string,
): { input: Record<string, unknown>; warnings: string[] } {
  return lrmxToRecordInput(person, orgId);
}

/**
 * Import approval forms all or nothing. A person already in the registry (same ID number) is refused
 * with a pointer to the comparison, so the officer decides field by field.
 */
export async function importLrmx(
  ctx: RequestContext,
  cipher: FieldCipher,
  files: UploadedFile[],
  orgId: string,
  { chunkRows = bulk.BULK_CHUNK_ROWS }: { chunkRows?: number } = {},
) {
  const errors: LrmxFileError[] = [];
  const parsed = parseFiles(files, errors);
  const today = chinaToday(ctx.now);
  const checked = parsed.map((p) => {
    const { input, warnings } = recordFromPerson(p.person, orgId);
    return { file: p.file, photo: p.person.photo, warnings, result: CadreRecordInputSchema.safeParse(input) };
  });
  // the ID numbers already in the registry (in scope), all in one look-up instead of one query per file
  const hashes = checked.flatMap((c) =>
    c.result.success && c.result.data.idNumber ? [idNumberIndex(cipher, c.result.data.idNumber)] : [],
  );
  const existing = await bulk.findCadreIdsByIdNumberHashes(ctx.client, hashes);
  const ready: { file: string; record: CadreRecord; photo: Uint8Array | null }[] = [];
  const seen = new Map<string, string>();
  for (const { file, photo, result } of checked) {
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push({ file, field: issue.path.join('.'), message: issue.message });
      continue;
    }
    for (const problem of validateCadreRecord(result.data, today))
      errors.push({ file, field: problem.field, message: problem.message });
    const id = result.data.idNumber;
    if (id) {
      const other = seen.get(id);
      if (other) errors.push({ file, field: 'idNumber', message: `与 ${other} 是同一身份证号` });
      seen.set(id, file);
      if (existing.has(idNumberIndex(cipher, id))) {
        errors.push({
          file,
          field: 'idNumber',
          message: '该干部已在信息库中，请用“比对更新”逐项确认差异',
        });
      }
    }
    ready.push({ file, record: result.data, photo });
  }
  if (errors.length)
    throw new AppError(400, 'VALIDATION', `共有 ${errors.length} 处问题，未导入任何文件`, undefined, {
      errors,
    });
  // written in chunks, a few multi-row statements each (bulk-write.ts), in the request's transaction
  const imported: { id: string; name: string }[] = [];
  await bulk.writeInChunks(
    ready,
    chunkRows,
    (slice) =>
      slice.map((r) => ({
        id: randomUUID(),
        existing: false,
        write: cadreWrite(cipher, r.record, today),
        appointments: r.record.appointments,
        name: r.record.name,
        photo: r.photo,
      })),
    async (chunk) => {
      if ((await bulk.writeCadreChunk(ctx.client, chunk)) !== chunk.length) throw notFound('单位');
      await bulk.savePhotos(
        ctx.client,
        chunk.flatMap(({ id, photo }) => {
          const mime = photo ? photoType(photo) : null;
          return photo && mime
            ? [{ cadreId: id, mime, bytes: Buffer.from(photo.buffer, photo.byteOffset, photo.byteLength) }]
            : [];
        }),
      );
      for (const c of chunk) imported.push({ id: c.id, name: c.name });
    },
  );
  // what the officer should check in the imported records: 简历 lines whose title could not be split, a
  // 参加工作时间 taken from the 简历
  const warnings = checked.flatMap((c) => c.warnings.map((message) => ({ file: c.file, message })));
  return { imported, warnings };
}

/** The record as an approval form (.lrmx). Carries the ID number in clear: callers audit it as a reveal. */
export async function exportLrmx(
  ctx: RequestContext,
  cipher: FieldCipher,
  id: string,
): Promise<{ name: string; bytes: Uint8Array }> {
  // the record exactly as the detail page reads it (one row → record mapping: readRecord)
  const { record } = await readRecord(ctx, cipher, id);
  const photo = await repo.findPhoto(ctx.client, id);
  const person = recordToLrmx(
    // the 简历 as it came while it still matches the appointments, else written from them
    { ...record, extras: { ...record.extras, JianLi: printedResume(record) } },
    photo ? new Uint8Array(photo.bytes) : null,
  );
  return { name: record.name, bytes: writeLrmx(person) };
}
