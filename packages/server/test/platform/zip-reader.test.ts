import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cellTagCounter } from '../../src/modules/cadre/import-xlsx.ts';
import { AppError } from '../../src/platform/errors.ts';
import { unzipCapped, zipDirectory, type ZipLimits } from '../../src/platform/zip-reader.ts';
import { buildZip, deflated, zeroBomb, type RawEntry } from '../zip-fixtures.ts';

const LIMITS: ZipLimits = { maxEntries: 10, maxTotalBytes: 1024 * 1024 };
const stored = (name: string, content: Buffer): RawEntry => ({
  name,
  data: content,
  method: 0,
  size: content.length,
  crc: crc32(content),
});

/** The refusal as `status code: message`, or `read` when the archive was read. */
async function outcome(zip: Buffer, limits = LIMITS): Promise<string> {
  try {
    await unzipCapped(zip, limits);
    return 'read';
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return `${err.status} ${err.code}: ${err.message}`;
  }
}

const CORRUPT = '400 VALIDATION: 压缩包已损坏或不是有效的 zip 格式';

describe('[platform] capped zip reading (SECURITY 26, 32)', () => {
  it('reads stored, deflated and zip64 entries, names in UTF-8 or GBK, leaving folders out', async () => {
    const text = Buffer.from('任免审批表'.repeat(100));
    const zip = buildZip([
      { name: 'forms/', data: Buffer.alloc(0), method: 0, size: 0, crc: 0 },
      deflated('forms/张三.lrmx', text),
      stored('forms/李四.lrmx', Buffer.from('abc')),
      deflated(Buffer.from('d5c5c8fd2e706963', 'hex'), Buffer.from('pic')), // 张三.pic in GBK, no UTF-8 flag
      { ...deflated('big.xml', text), zip64: true },
    ]);
    const files = await unzipCapped(zip, LIMITS);
    expect(files.map((f) => [f.name, f.bytes.toString()])).toEqual([
      ['forms/张三.lrmx', text.toString()],
      ['forms/李四.lrmx', 'abc'],
      ['张三.pic', 'pic'],
      ['big.xml', text.toString()],
    ]);
    expect(zipDirectory(zip, LIMITS).map((e) => [e.name, e.folder, e.method, e.size])).toEqual([
      ['forms/', true, 0, 0],
      ['forms/张三.lrmx', false, 8, 1500],
      ['forms/李四.lrmx', false, 0, 3],
      ['张三.pic', false, 8, 3],
      ['big.xml', false, 8, 1500],
    ]);
    expect(await unzipCapped(zip, LIMITS, { keep: false })).toEqual([]);
  });

  it('stops inflating at the declared size: a lying entry never reaches the reader past it', async () => {
    // the hand-made bomb is a valid stream: declared honestly (3 MiB, within the cap), it is read whole
    const small = zeroBomb(3);
    const [whole] = await unzipCapped(
      buildZip([{ name: 'z', ...small, crc: crc32(Buffer.alloc(small.size)) }]),
      { maxEntries: 1, maxTotalBytes: 4 * 1024 * 1024 },
    );
    expect([whole!.bytes.length, whole!.bytes.every((b) => b === 0)]).toEqual([3_145_537, true]);
    const bomb = zeroBomb(1024).data;
    const seen: number[] = [];
    const onChunk = (_: unknown, chunk: Buffer) => void seen.push(chunk.length);
    const lying = buildZip([{ name: 'a.xml', data: bomb, size: 200 * 1024 }]);
    await expect(unzipCapped(lying, LIMITS, { onChunk })).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION',
      message: '压缩包中“a.xml”的实际大小与声明不符（文件已损坏或被恶意构造）',
    });
    // three chunks of 64 KiB (196,608 bytes) fit in the declared 204,800; the fourth is refused unread
    expect(seen).toEqual([65536, 65536, 65536]);
    // shorter than declared is a lie too
    const short = buildZip([{ ...deflated('b.xml', Buffer.from('abc')), size: 4 }]);
    expect(await outcome(short)).toBe(
      '400 VALIDATION: 压缩包中“b.xml”的实际大小与声明不符（文件已损坏或被恶意构造）',
    );
  });

  it('refuses past the limits from the directory, before inflating anything', async () => {
    const seen: string[] = [];
    const big = buildZip([
      { ...deflated('a', Buffer.alloc(600 * 1024)) },
      { ...deflated('b', Buffer.alloc(600 * 1024)) },
    ]);
    await expect(unzipCapped(big, LIMITS, { onChunk: (e) => void seen.push(e.name) })).rejects.toMatchObject({
      status: 413,
      code: 'BODY_TOO_LARGE',
      message: '压缩包解压后超过 1 MB',
    });
    expect(seen).toEqual([]);
    const many = buildZip(Array.from({ length: 11 }, (_, k) => stored(`${k}`, Buffer.from('x'))));
    expect(await outcome(many)).toBe('413 BODY_TOO_LARGE: 压缩包中的文件超过 10 个');
  });

  it('a chunk reader that throws stops the inflating with its own error', async () => {
    const zip = buildZip([deflated('a', Buffer.alloc(300 * 1024)), deflated('b', Buffer.from('b'))]);
    const seen: string[] = [];
    const stop = new AppError(413, 'BODY_TOO_LARGE', '够了');
    await expect(
      unzipCapped(zip, LIMITS, {
        onChunk: (e) => {
          seen.push(e.name);
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(seen).toEqual(['a']);
  });

  it('refuses encryption, unknown methods, wrong checksums and stored sizes that differ', async () => {
    const content = Buffer.from('hello');
    const encrypted = buildZip([deflated('a', content)]);
    encrypted.writeUInt16LE(0x801, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(await outcome(encrypted)).toBe('400 VALIDATION: 压缩包中的“a”已加密，无法读取');
    const bzip2 = buildZip([{ ...deflated('a', content), method: 12 }]);
    expect(await outcome(bzip2)).toBe('400 VALIDATION: 压缩包中的“a”使用了不支持的压缩方式');
    const badSum = buildZip([{ ...deflated('a', content), crc: (crc32(content) + 1) >>> 0 }]);
    expect(await outcome(badSum)).toBe(CORRUPT);
    const storedLie = buildZip([{ ...stored('a', content), size: 1000 }]);
    expect(await outcome(storedLie)).toBe(
      '400 VALIDATION: 压缩包中“a”的实际大小与声明不符（文件已损坏或被恶意构造）',
    );
    const truncated = buildZip([{ ...deflated('a', content), data: deflateRawSync(content).subarray(0, 3) }]);
    expect(await outcome(truncated)).toBe(CORRUPT);
  });

  it('refuses an archive that other zip readers could see differently', async () => {
    const zip = buildZip([deflated('a', Buffer.from('hello'))]);
    expect(await outcome(zip)).toBe('read');
    // bytes before the archive (the directory is not where the end record says), bytes after it
    expect(await outcome(Buffer.concat([Buffer.from('junk'), zip]))).toBe(CORRUPT);
    expect(await outcome(Buffer.concat([zip, Buffer.from('junk')]))).toBe(CORRUPT);
    // an end record that counts more entries than the directory holds
    const miscounted = Buffer.from(zip);
    miscounted.writeUInt16LE(2, miscounted.length - 12);
    miscounted.writeUInt16LE(2, miscounted.length - 14);
    expect(await outcome(miscounted)).toBe(CORRUPT);
    // an entry whose data would run into the directory
    const overrun = buildZip([{ ...deflated('a', Buffer.from('hello')), data: Buffer.alloc(7) }]);
    overrun.writeUInt32LE(1000, overrun.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 20);
    expect(await outcome(overrun)).toBe(CORRUPT);
    expect(await outcome(Buffer.from('PK\u0003\u0004 not really'))).toBe(CORRUPT);
  });

  it('counts the cell and row tags ExcelJS would build, however the XML is split', () => {
    const xml = Buffer.from(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/><cols/><col/><cfRule/></row>' +
        '<row>\n<c\tr="A2">x</c><x:c r="B2"/><rowBreaks/></row></sheetData>',
    );
    const whole = cellTagCounter()(xml);
    expect(whole).toBe(5); // 2 rows, 3 cells
    for (let a = 1; a < xml.length; a++)
      for (const b of [a + 1, a + 3, a + 7]) {
        const count = cellTagCounter();
        const parts = [xml.subarray(0, a), xml.subarray(a, b), xml.subarray(b)];
        expect(
          parts.reduce((n, p) => n + count(p), 0),
          `split at ${a}, ${b}`,
        ).toBe(5);
      }
  });
});
