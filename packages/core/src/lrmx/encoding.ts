/** Byte-to-text decoding shared by the .lrmx and .lrm readers (internal to this folder). */

export type DecodeResult = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };

const GBK_LABELS = new Set([
  'gb2312',
  'gbk',
  'cp936',
  'x-gbk',
  'euc-cn',
  'csgb2312',
  'chinese',
  'gb_2312-80',
  'gb_2312',
  'iso-ir-58',
  'windows-936',
  'ms936',
]);

/** Decodes strictly (any invalid byte sequence → null); a leading BOM of the same encoding is dropped. */
export function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes replacing invalid sequences with U+FFFD; used only to look for markup before the strict pass. */
export function decodeLoose(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}

/** Normalises an encoding name to a label TextDecoder knows, or null. GB2312/GBK read as GBK. */
export function normaliseEncodingLabel(name: string): string | null {
  const lower = name.trim().toLowerCase();
  if (GBK_LABELS.has(lower)) return 'gbk';
  if (lower === 'gb18030' || lower === 'gb-18030') return 'gb18030';
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return null;
  }
}

/** Encoding given by a byte-order mark, or by the first characters `<?` / `<P` in UTF-16 without one. */
export function sniffUnicode(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0x3c && b1 === 0x00 && b2 !== undefined && b2 !== 0x00) return 'utf-16le';
  if (b0 === 0x00 && b1 === 0x3c) return 'utf-16be';
  return null;
}

/**
 * Whether the bytes hold `<!DOCTYPE` or `<!ENTITY` (any case, blanks allowed after `<!`) as ASCII: catches
 * a DTD in every ASCII-compatible encoding without decoding anything.
 */
export function hasAsciiDtd(bytes: Uint8Array): boolean {
  const words = ['DOCTYPE', 'ENTITY'];
  for (let i = bytes.indexOf(0x21); i > 0; i = bytes.indexOf(0x21, i + 1)) {
    if (bytes[i - 1] !== 0x3c) continue;
    let j = i + 1;
    while (bytes[j] === 0x20 || bytes[j] === 0x09 || bytes[j] === 0x0a || bytes[j] === 0x0d) j++;
    const at = j;
    const upper = (k: number) => String.fromCharCode((bytes[at + k] ?? 0) & 0xdf);
    if (words.some((w) => [...w].every((c, k) => upper(k) === c))) return true;
  }
  return false;
}

export function isGbLabel(label: string): boolean {
  return label === 'gbk' || label === 'gb18030';
}

/**
 * Strict decoding with the fallbacks real files need: UTF-8 with stray GBK bytes is read as GB18030, and a
 * file declared GB2312 that is really UTF-8 (valid UTF-8 with Chinese in it) as UTF-8 — each with a warning.
 */
export function decodeWithFallback(label: string, bytes: Uint8Array, what: string): DecodeResult {
  if (isGbLabel(label)) {
    // Chinese text in GBK is almost never valid UTF-8, so valid UTF-8 with any multi-byte character is UTF-8.
    const utf8 = decodeStrict('utf-8', bytes);
    if (utf8 !== null && /[\u0080-\uffff]/.test(utf8)) {
      return { ok: true, text: utf8, warnings: [`${what}声明为 GB2312/GBK，实际为 UTF-8，已按 UTF-8 解码`] };
    }
  }
  const first = decodeStrict(label, bytes);
  if (first !== null) return { ok: true, text: first, warnings: [] };
  if (label === 'utf-8') {
    const gb = decodeStrict('gb18030', bytes);
    if (gb !== null) {
      return {
        ok: true,
        text: gb,
        warnings: [`${what}含有不合法的 UTF-8 字节，已按 GB18030 解码，请核对中文内容`],
      };
    }
  }
  return {
    ok: false,
    message: `${what}的文字编码无法识别（既不是 UTF-8，也不是 GB2312/GBK/GB18030），无法读取`,
  };
}
