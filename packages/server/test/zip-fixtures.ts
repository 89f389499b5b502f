import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** One entry of a hand-written zip: its data as stored, and headers that may say anything. */
export interface RawEntry {
  /** a string is written as UTF-8 with the UTF-8 flag; bytes are written as they are, without it */
  name: string | Buffer;
  /** the entry's data as it lies in the archive (already deflated when `method` is 8) */
  data: Buffer;
  /** 0 stored, 8 deflated (anything else to test refusals) */
  method?: number;
  /** the inflated size both headers declare */
  size: number;
  crc?: number;
  extra?: Buffer;
  /** write both sizes as 0xffffffff with the real ones in a zip64 extra field */
  zip64?: boolean;
}

/** An honest entry: deflated, with its real size and checksum. */
export function deflated(name: string | Buffer, content: Buffer): RawEntry {
  return { name, data: deflateRawSync(content), method: 8, size: content.length, crc: crc32(content) };
}

const bombs = new Map<number, Promise<Buffer>>();

/**
 * A raw deflate stream that inflates to `mib` MiB of zeros: one stream as zlib writes it at level 1
 * (about 4.5 KB per MiB, 1 GiB in about a second), built without holding the inflated bytes.
 */
export function zeroBomb(mib: number): Promise<Buffer> {
  let bomb = bombs.get(mib);
  if (!bomb) {
    bomb = (async () => {
      const deflate = createDeflateRaw({ level: 1 });
      const out: Buffer[] = [];
      deflate.on('data', (chunk: Buffer) => out.push(chunk));
      const ended = once(deflate, 'end');
      const zeros = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < mib; i++) if (!deflate.write(zeros)) await once(deflate, 'drain');
      deflate.end();
      await ended;
      return Buffer.concat(out);
    })();
    bombs.set(mib, bomb);
  }
  return bomb;
}

/** A zip archive written header by header (local headers, directory, end record), as the entries say. */
export function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const flags = typeof e.name === 'string' ? 0x800 : 0;
    const z64 = Buffer.alloc(e.zip64 ? 20 : 0);
    if (e.zip64) {
      z64.writeUInt16LE(0x0001, 0);
      z64.writeUInt16LE(16, 2);
      z64.writeBigUInt64LE(BigInt(e.size), 4);
      z64.writeBigUInt64LE(BigInt(e.data.length), 12);
    }
    const extra = Buffer.concat([z64, e.extra ?? Buffer.alloc(0)]);
    const [compressed, size] = e.zip64 ? [0xffffffff, 0xffffffff] : [e.data.length, e.size];
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.method ?? 8, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + extra.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
