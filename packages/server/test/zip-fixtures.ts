import { crc32, deflateRawSync } from 'node:zlib';

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

/** Write `n` bits of `value` into `buf` at bit `pos`, least significant first (deflate's bit order). */
function putBits(buf: Buffer, pos: number, value: number, n: number): number {
  for (let i = 0; i < n; i++, pos++) if ((value >> i) & 1) buf[pos >> 3]! |= 1 << (pos & 7);
  return pos;
}
/** A Huffman code: its bits go most significant first. */
const putCode = (buf: Buffer, pos: number, code: number, n: number) => {
  for (let i = n - 1; i >= 0; i--) pos = putBits(buf, pos, (code >> i) & 1, 1);
  return pos;
};

/**
 * A raw deflate stream of one dynamic block, made by hand, that inflates to `size` zero bytes (about
 * `mib` MiB, 2 bits per 258 bytes: 1 GiB in about 1 MB), built instantly and without inflating: a literal
 * zero, then copies of 258 bytes from distance 1. Its codes: lit/len 285 → `0`, literal 0 → `10`,
 * end of block → `11`; distance 0 → `0`; the code-length code 18 → `0`, 1 → `10`, 2 → `11`.
 */
export function zeroBomb(mib: number): { data: Buffer; size: number } {
  const copies = Math.floor((mib * 1024 * 1024 - 1) / 258);
  const buf = Buffer.alloc(Math.ceil((120 + 2 * copies) / 8) + 1);
  let pos = putBits(buf, 0, 1, 1); // last block
  pos = putBits(buf, pos, 2, 2); // dynamic Huffman codes
  pos = putBits(buf, pos, 29, 5); // 286 lit/len codes
  pos = putBits(buf, pos, 0, 5); // 1 distance code
  pos = putBits(buf, pos, 14, 4); // 18 code-length code lengths, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
  for (const length of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2])
    pos = putBits(buf, pos, length, 3);
  const zeros = (count: number) => putBits(buf, putCode(buf, pos, 0, 1), count - 11, 7); // code 18
  pos = putCode(buf, pos, 3, 2); // literal 0: length 2
  pos = zeros(138); // literals 1-138
  pos = zeros(117); // literals 139-255
  pos = putCode(buf, pos, 3, 2); // end of block 256: length 2
  pos = zeros(28); // lengths 257-284
  pos = putCode(buf, pos, 2, 2); // length 285: length 1
  pos = putCode(buf, pos, 2, 2); // distance 0: length 1
  pos = putCode(buf, pos, 2, 2); // the data: literal 0
  pos += 2 * copies; // each copy is `0` `0` (length 258, distance 1)
  pos = putCode(buf, pos, 3, 2); // end of block
  return { data: buf.subarray(0, Math.ceil(pos / 8)), size: 1 + 258 * copies };
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
