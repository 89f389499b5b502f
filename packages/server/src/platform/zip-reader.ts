import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { AppError } from './errors.ts';

/**
 * Zip archives from uploads (.zip of approval forms, .xlsx, .docx), read without trusting them: the
 * directory is checked first (entry count, names, declared sizes, structure), then every entry is inflated
 * as a stream on zlib's thread pool with a running byte count that stops at the entry's declared size and
 * at the archive's cap. A size the headers lie about, or a bomb, is refused after at most the cap has been
 * inflated, and the event loop never waits for the inflating.
 */
export interface ZipLimits {
  /** most directory entries (files and folders) */
  maxEntries: number;
  /** most bytes all entries together inflate to, counted while inflating */
  maxTotalBytes: number;
}

export interface ZipEntry {
  name: string;
  folder: boolean;
  /** 0 stored, 8 deflated */
  method: 0 | 8;
  compressedSize: number;
  /** the inflated size the directory declares (checked against the real one while inflating) */
  size: number;
  crc: number;
  /** where the entry's data starts in the archive */
  dataStart: number;
}

export interface ZipFile {
  name: string;
  bytes: Buffer;
}

export interface UnzipOptions {
  /** keep the inflated bytes (default); `false` only checks the archive, holding one chunk at a time */
  keep?: boolean;
  /** sees every inflated chunk in order; throwing stops the inflating and refuses the archive */
  onChunk?: (entry: ZipEntry, chunk: Buffer) => void;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const CHUNK_BYTES = 64 * 1024;

const mib = (bytes: number) => Math.floor(bytes / (1024 * 1024));
const corrupt = () => new AppError(400, 'VALIDATION', '压缩包已损坏或不是有效的 zip 格式');
const tooMany = (limits: ZipLimits) =>
  new AppError(413, 'BODY_TOO_LARGE', `压缩包中的文件超过 ${limits.maxEntries} 个`);
const tooLarge = (limits: ZipLimits) =>
  new AppError(413, 'BODY_TOO_LARGE', `压缩包解压后超过 ${mib(limits.maxTotalBytes)} MB`);
const sizeMismatch = (name: string) =>
  new AppError(400, 'VALIDATION', `压缩包中“${name}”的实际大小与声明不符（文件已损坏或被恶意构造）`);

/** The bytes start like a zip archive (a local file header, or the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** An absolute path, a drive letter, a `..` segment or a control character: never accepted in an archive. */
export function unsafeZipPath(name: string): boolean {
  return (
    name === '' ||
    /^[\\/]/.test(name) ||
    /^[A-Za-z]:/.test(name) ||
    name.split(/[\\/]/).includes('..') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f]/.test(name)
  );
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function read64(buf: Buffer, at: number): number {
  if (at + 8 > buf.length) throw corrupt();
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(value);
}

/** One extra field (by header id) of a directory entry, or null. */
function extraField(extra: Buffer, id: number): Buffer | null {
  for (let at = 0; at + 4 <= extra.length;) {
    const size = extra.readUInt16LE(at + 2);
    if (at + 4 + size > extra.length) throw corrupt();
    if (extra.readUInt16LE(at) === id) return extra.subarray(at + 4, at + 4 + size);
    at += 4 + size;
  }
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** Names are UTF-8 when flagged or valid as such; otherwise GBK (zips made by Chinese Windows). */
function decodeName(raw: Buffer, flags: number): string {
  if (flags & 0x800) return raw.toString('utf8');
  try {
    return utf8.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}

/** The end record: the last signature in the final 64 KiB, its comment ending the file exactly. */
function endOfDirectory(buf: Buffer): { count: number; size: number; offset: number; end: number } {
  if (buf.length < 22) throw corrupt();
  const at = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), buf.length - 22);
  if (at < 0 || at < buf.length - 22 - MAX16 || at + 22 + buf.readUInt16LE(at + 20) !== buf.length)
    throw corrupt();
  if (buf.readUInt32LE(at) !== SIG_END) throw corrupt();
  const disk = buf.readUInt16LE(at + 4);
  const dirDisk = buf.readUInt16LE(at + 6);
  const onDisk = buf.readUInt16LE(at + 8);
  const count = buf.readUInt16LE(at + 10);
  const size = buf.readUInt32LE(at + 12);
  const offset = buf.readUInt32LE(at + 16);
  const zip64 = [disk, dirDisk, onDisk, count].includes(MAX16) || size === MAX32 || offset === MAX32;
  if (!zip64) {
    if (disk !== 0 || dirDisk !== 0 || onDisk !== count) throw corrupt();
    return { count, size, offset, end: at };
  }
  // zip64: a locator just before the end record points to the zip64 end record, which ends at the locator
  const locator = at - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== SIG_END64_LOCATOR) throw corrupt();
  const record = read64(buf, locator + 8);
  if (record + 56 > locator || buf.readUInt32LE(record) !== SIG_END64) throw corrupt();
  if (record + 12 + read64(buf, record + 4) !== locator) throw corrupt();
  if (buf.readUInt32LE(record + 16) !== 0 || buf.readUInt32LE(record + 20) !== 0) throw corrupt();
  const count64 = read64(buf, record + 32);
  if (read64(buf, record + 24) !== count64) throw corrupt();
  return { count: count64, size: read64(buf, record + 40), offset: read64(buf, record + 48), end: record };
}

/**
 * The archive's directory, checked without inflating anything: at most `maxEntries` entries, every name
 * safe, only stored or deflated unencrypted data, every entry's data inside the archive and before the
 * directory, the directory exactly where the end record says (so every zip reader sees these same entries)
 * and the declared sizes together within `maxTotalBytes`.
 */
export function zipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const buf = asBuffer(bytes);
  const dir = endOfDirectory(buf);
  if (dir.count > limits.maxEntries) throw tooMany(limits);
  if (dir.offset + dir.size !== dir.end) throw corrupt();
  const entries: ZipEntry[] = [];
  let declared = 0;
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > dir.end || buf.readUInt32LE(at) !== SIG_CENTRAL) throw corrupt();
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    let compressedSize = buf.readUInt32LE(at + 20);
    let size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const next = at + 46 + nameLength + extraLength + buf.readUInt16LE(at + 32);
    let local = buf.readUInt32LE(at + 42);
    if (next > dir.end) throw corrupt();
    const raw = buf.subarray(at + 46, at + 46 + nameLength);
    const extra = buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    if (size === MAX32 || compressedSize === MAX32 || local === MAX32) {
      const z64 = extraField(extra, 0x0001);
      if (!z64) throw corrupt();
      // the zip64 field holds, in this order, only the values the entry marks as 0xffffffff
      let k = 0;
      const next64 = () => read64(z64, (k += 8) - 8);
      if (size === MAX32) size = next64();
      if (compressedSize === MAX32) compressedSize = next64();
      if (local === MAX32) local = next64();
    }
    const name = decodeName(raw, flags);
    // some readers take the name from the Info-ZIP Unicode Path field: it must be safe as well
    const unicodePath = extraField(extra, 0x7075);
    for (const candidate of [
      name,
      unicodePath && unicodePath.length > 5 ? unicodePath.toString('utf8', 5) : null,
    ])
      if (candidate !== null && unsafeZipPath(candidate))
        throw new AppError(400, 'VALIDATION', `压缩包中的路径不安全：${candidate}`);
    if (flags & 0x1) throw new AppError(400, 'VALIDATION', `压缩包中的“${name}”已加密，无法读取`);
    if (method !== 0 && method !== 8)
      throw new AppError(400, 'VALIDATION', `压缩包中的“${name}”使用了不支持的压缩方式`);
    if (method === 0 && compressedSize !== size) throw sizeMismatch(name);
    if (local + 30 > dir.offset || buf.readUInt32LE(local) !== SIG_LOCAL) throw corrupt();
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + compressedSize > dir.offset) throw corrupt();
    declared += size;
    if (declared > limits.maxTotalBytes) throw tooLarge(limits);
    entries.push({ name, folder: /[\\/]$/.test(name), method, compressedSize, size, crc, dataStart });
    at = next;
  }
  if (at !== dir.end) throw corrupt();
  return entries;
}

/** One entry's data, inflated on zlib's thread pool and stopped at its declared size; checks size and CRC. */
function inflateEntry(entry: ZipEntry, data: Buffer, sink: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
    let inflated = 0;
    let crc = 0;
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(err instanceof AppError ? err : corrupt());
    };
    inflater.on('data', (chunk: Buffer) => {
      if (settled) return;
      inflated += chunk.length;
      if (inflated > entry.size) return fail(sizeMismatch(entry.name));
      crc = crc32(chunk, crc);
      try {
        sink(chunk);
      } catch (err) {
        fail(err);
      }
    });
    inflater.on('error', fail);
    inflater.on('end', () => {
      if (settled) return;
      if (inflated !== entry.size) return fail(sizeMismatch(entry.name));
      if (crc !== entry.crc) return fail(corrupt());
      settled = true;
      resolve();
    });
    inflater.end(data);
  });
}

/** A stored entry's data in chunks, letting the event loop run between them. */
async function copyStored(entry: ZipEntry, data: Buffer, sink: (chunk: Buffer) => void): Promise<void> {
  let crc = 0;
  for (let at = 0; at < data.length; at += CHUNK_BYTES) {
    const chunk = data.subarray(at, at + CHUNK_BYTES);
    crc = crc32(chunk, crc);
    sink(chunk);
    if ((at / CHUNK_BYTES) % 16 === 15) await yieldToEventLoop();
  }
  if (crc !== entry.crc) throw corrupt();
}

/**
 * Every file of an uploaded archive (folders left out), refused with a stable code — 413 BODY_TOO_LARGE
 * past a limit, 400 VALIDATION when unsafe, corrupt or lying about a size — before more than the cap is
 * ever inflated.
 */
export async function unzipCapped(
  bytes: Uint8Array,
  limits: ZipLimits,
  { keep = true, onChunk }: UnzipOptions = {},
): Promise<ZipFile[]> {
  const buf = asBuffer(bytes);
  const files: ZipFile[] = [];
  let total = 0;
  for (const entry of zipDirectory(buf, limits)) {
    const chunks: Buffer[] = [];
    const sink = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxTotalBytes) throw tooLarge(limits);
      onChunk?.(entry, chunk);
      if (keep) chunks.push(chunk);
    };
    const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    await (entry.method === 8 ? inflateEntry(entry, data, sink) : copyStored(entry, data, sink));
    if (keep && !entry.folder) files.push({ name: entry.name, bytes: Buffer.concat(chunks, entry.size) });
  }
  return files;
}

/**
 * A new archive of some entries of a checked one (`zipDirectory`), in the order given: each entry's
 * compressed data copied as it is behind a fresh local header (sizes and CRC from the directory, no data
 * descriptor), then a directory. A streaming zip reader, which trusts local headers, sees exactly these
 * entries and sizes: nothing the directory hides, nothing larger than checked. Returned as chunks that
 * share the archive's memory (only the headers are new).
 */
export function zipSubset(bytes: Uint8Array, entries: ZipEntry[]): Buffer[] {
  const buf = asBuffer(bytes);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x800, 6); // names in UTF-8
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.compressedSize, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(SIG_CENTRAL, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(entry.method, 10);
    dir.writeUInt32LE(entry.crc, 16);
    dir.writeUInt32LE(entry.compressedSize, 20);
    dir.writeUInt32LE(entry.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize));
    central.push(dir, name);
    offset += 30 + name.length + entry.compressedSize;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, ...central, end];
}
