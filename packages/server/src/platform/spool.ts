import { XLSX_MEDIA_TYPE } from '@ganbu/core';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Write a large download to a private temporary file inside the request's transaction, and hand back
 * a stream of it to send after COMMIT; the file is removed once sent. Memory stays flat.
 */
export async function spoolToTempFile(write: (out: Writable) => Promise<void>): Promise<ReadStream> {
  const dir = await mkdtemp(join(tmpdir(), 'ganbu-export-'));
  const file = join(dir, 'export');
  try {
    const out = createWriteStream(file, { mode: 0o600 });
    await write(out);
    await finished(out);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const body = createReadStream(file);
  body.once('close', () => void rm(dir, { recursive: true, force: true }));
  return body;
}

/** the media type the routes' file contracts document (core `contracts/files.ts`) */
export const XLSX_TYPE = XLSX_MEDIA_TYPE;

export const attachment = (filename: string) =>
  `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
