import type { FastifyRequest } from 'fastify';
import { unzipSync } from 'fflate';
import { AppError } from '../../platform/errors.ts';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Limits of one upload, checked from the zip's directory before anything is inflated. */
export const UPLOAD_LIMITS = { maxFiles: 2000, maxTotalBytes: 300 * 1024 * 1024 } as const;

const badPath = (name: string) =>
  name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..');

/** Every file of a multipart upload, with zip archives expanded (zip-bomb and path-traversal safe). */
export async function uploadedFiles(req: FastifyRequest): Promise<UploadedFile[]> {
  if (!req.isMultipart())
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
  const files: UploadedFile[] = [];
  let total = 0;
  for await (const part of req.files()) {
    const bytes = new Uint8Array(await part.toBuffer());
    const name = part.filename;
    if (/\.zip$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
      let refused: string | null = null;
      const entries = unzipSync(bytes, {
        filter(entry) {
          if (entry.name.endsWith('/')) return false;
          if (badPath(entry.name)) refused = `压缩包中的路径不安全：${entry.name}`;
          total += entry.originalSize;
          if (files.length + 1 > UPLOAD_LIMITS.maxFiles)
            refused = `文件数量超过 ${UPLOAD_LIMITS.maxFiles} 个`;
          if (total > UPLOAD_LIMITS.maxTotalBytes) refused = '压缩包解压后过大';
          return refused === null;
        },
      });
      if (refused)
        throw new AppError(400, 'VALIDATION', refused, undefined, {
          errors: [{ file: name, field: '', message: refused }],
        });
      for (const [entryName, data] of Object.entries(entries))
        files.push({ name: entryName.split('/').pop() ?? entryName, bytes: data });
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
