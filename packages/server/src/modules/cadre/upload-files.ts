import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { isZip, unzipCapped } from '../../platform/zip-reader.ts';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** The uploaded workbook: the first file of a multipart body (the registry's and the pay tables' imports). */
export async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
  const file = await req.file();
  if (!file) throw new AppError(400, 'VALIDATION', '没有收到文件');
  return file.toBuffer();
}

/** Limits of one upload, all files and archive entries together (archives checked while inflating). */
export const UPLOAD_LIMITS = { maxFiles: 2000, maxTotalBytes: 300 * 1024 * 1024 } as const;

/** Every file of a multipart upload, with zip archives expanded (zip-bomb and path-traversal safe). */
export async function uploadedFiles(req: FastifyRequest): Promise<UploadedFile[]> {
  if (!req.isMultipart())
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
  const files: UploadedFile[] = [];
  let total = 0;
  for await (const part of req.files()) {
    const bytes = await part.toBuffer();
    const name = part.filename;
    if (/\.zip$/i.test(name) || isZip(bytes)) {
      let entries;
      try {
        entries = await unzipCapped(bytes, {
          maxEntries: UPLOAD_LIMITS.maxFiles - files.length,
          maxTotalBytes: UPLOAD_LIMITS.maxTotalBytes - total,
        });
      } catch (err) {
        if (err instanceof AppError && err.status === 400)
          throw new AppError(400, err.code, err.message, undefined, {
            errors: [{ file: name, field: '', message: err.message }],
          });
        throw err;
      }
      for (const entry of entries) {
        total += entry.bytes.length;
        files.push({ name: entry.name.split(/[\\/]/).pop() ?? entry.name, bytes: entry.bytes });
      }
    } else {
      total += bytes.length;
      files.push({ name, bytes });
    }
    if (files.length > UPLOAD_LIMITS.maxFiles || total > UPLOAD_LIMITS.maxTotalBytes) {
      throw new AppError(413, 'BODY_TOO_LARGE', '上传的文件过多或过大');
    }
  }
  if (files.length === 0) throw new AppError(400, 'VALIDATION', '没有收到文件');
  return files;
}
