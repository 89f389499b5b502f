import {
  decodeLoose,
  decodeWithFallback,
  hasAsciiDtd,
  normaliseEncodingLabel,
  sniffUnicode,
} from './encoding.ts';
import {
  emptyLrmxFamilyMember,
  emptyLrmxPerson,
  LRMX_DEFAULT_MAX_BYTES,
  LRMX_FAMILY_ELEMENTS,
  LRMX_TEXT_ELEMENTS,
  type LrmxFamilyElement,
  type LrmxFamilyMember,
  type LrmxPerson,
  type LrmxReadResult,
  type LrmxTextElement,
} from './person.ts';
import {
  childElements,
  hasChildElements,
  innerXml,
  leafText,
  parseXml,
  type XmlElement,
} from './xml-tree.ts';
import { decodeXmlText, localName } from './xml-text.ts';

export type ReadLrmxOptions = { maxBytes?: number };

const DTD_OR_ENTITY = /<!\s*(?:DOCTYPE|ENTITY)/i;
const TEXT_BY_LOWER = new Map<string, LrmxTextElement>(LRMX_TEXT_ELEMENTS.map((k) => [k.toLowerCase(), k]));
const FAMILY_BY_LOWER = new Map<string, LrmxFamilyElement>(
  LRMX_FAMILY_ELEMENTS.map((k) => [k.toLowerCase(), k]),
);

const fail = (code: Extract<LrmxReadResult, { ok: false }>['code'], message: string): LrmxReadResult => ({
  ok: false,
  code,
  message,
});

const refuseDtd = () =>
  fail('DTD_OR_ENTITY', '文件含有 DTD 或实体声明（<!DOCTYPE / <!ENTITY），出于安全原因拒绝读取');

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/**
 * Reads a 干部任免审批表 .lrmx (3.0, XML) from its bytes. Hostile input is refused before any parsing:
 * oversized files and any DTD or entity declaration. Liberal otherwise: UTF-8 (with or without BOM),
 * UTF-16 with BOM, GB2312/GBK/GB18030 when declared, elements in any order, case or namespace prefix.
 */
export function readLrmx(bytes: Uint8Array, opts: ReadLrmxOptions = {}): LrmxReadResult {
  const maxBytes = opts.maxBytes ?? LRMX_DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    return fail(
      'TOO_LARGE',
      `文件过大（${megabytes(bytes.byteLength)}），任免审批表文件不能超过 ${megabytes(maxBytes)}`,
    );
  }
  const warnings: string[] = [];
  const label = chooseEncoding(bytes, warnings);
  const body = label === 'utf-8' && sniffUnicode(bytes) === 'utf-8' ? bytes.subarray(3) : bytes;

  // Markup checks on the raw bytes and a lenient decoding, before the strict one and before any parsing;
  // the text finally parsed is checked again.
  const loose = decodeLoose(label, body);
  if (hasAsciiDtd(bytes) || DTD_OR_ENTITY.test(loose)) return refuseDtd();
  if (!/^[\s\uFEFF]*</.test(loose)) return fail('NOT_XML', '不是 XML 文件，无法作为任免审批表（.lrmx）读取');

  const decoded = decodeWithFallback(label, body, '文件');
  if (!decoded.ok) return fail('ENCODING', decoded.message);
  if (DTD_OR_ENTITY.test(decoded.text)) return refuseDtd();
  warnings.push(...decoded.warnings);

  const parsed = parseXml(decoded.text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return fail(parsed.code, parsed.message);
  warnings.push(...parsed.warnings);

  const root = childElements(parsed.nodes)[0];
  if (root === undefined) return fail('NOT_XML', '文件中没有 XML 元素');
  if (localName(root.name).toLowerCase() !== 'person') {
    return fail('NOT_PERSON', `根元素是 <${root.name}>，不是任免审批表的 <Person>`);
  }
  const person = readPerson(root, warnings);
  return { ok: true, person, warnings: summarise(warnings) };
}

const MAX_WARNINGS = 50;

/** Distinct warnings, at most MAX_WARNINGS of them: a hostile file must not produce thousands. */
function summarise(warnings: string[]): string[] {
  const distinct = [...new Set(warnings)];
  if (distinct.length <= MAX_WARNINGS) return distinct;
  return [...distinct.slice(0, MAX_WARNINGS), `另有 ${distinct.length - MAX_WARNINGS} 条提示未列出`];
}

/** BOM first, then the XML declaration, else UTF-8. */
function chooseEncoding(bytes: Uint8Array, warnings: string[]): string {
  const sniffed = sniffUnicode(bytes);
  if (sniffed !== null) return sniffed;
  const head = decodeLoose('windows-1252', bytes.subarray(0, 512));
  const declared = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']/i.exec(head)?.[1];
  if (declared === undefined) return 'utf-8';
  const label = normaliseEncodingLabel(declared);
  if (label === null || label.startsWith('utf-16')) {
    warnings.push(`XML 声明的编码“${declared}”无法使用，已按 UTF-8 读取`);
    return 'utf-8';
  }
  return label;
}

function readPerson(root: XmlElement, warnings: string[]): LrmxPerson {
  const person = emptyLrmxPerson();
  const seen = new Set<LrmxTextElement>();
  const unknown = new Map<string, string>();
  let photoSeen = false;

  for (const node of root.children) {
    if (node.kind !== 'element') {
      const stray = node.kind === 'text' ? node.raw.trim() : node.value.trim();
      if (stray !== '') warnings.push('<Person> 中有不属于任何元素的文字，已忽略');
      continue;
    }
    const name = localName(node.name);
    const lower = name.toLowerCase();
    const known = TEXT_BY_LOWER.get(lower);
    if (known !== undefined) {
      const value = valueOf(node, warnings);
      if (!seen.has(known) || person[known] === '') person[known] = value;
      else if (value !== '' && value !== person[known])
        warnings.push(`元素 <${known}> 出现多次，已采用第一次的内容`);
      seen.add(known);
    } else if (lower === 'zhaopian') {
      if (photoSeen && person.photo !== null) warnings.push('照片 <ZhaoPian> 出现多次，已采用第一张');
      else person.photo = readPhoto(leafText(node.children), warnings);
      photoSeen = true;
    } else if (lower === 'jiatingchengyuan') {
      person.family.push(...readFamily(node, warnings));
    } else {
      const key = name === 'Extra' && node.attrs.Name !== undefined ? decodeXmlText(node.attrs.Name) : name;
      if (unknown.has(key)) warnings.push(`未知元素 <${key}> 出现多次，已保留第一次的内容`);
      else unknown.set(key, hasChildElements(node) ? innerXml(node.children) : leafText(node.children));
    }
  }
  // fromEntries defines own properties, so even a key like "__proto__" is kept as data.
  person.unknown = Object.fromEntries(unknown);
  return person;
}

function valueOf(el: XmlElement, warnings: string[]): string {
  if (!hasChildElements(el)) return leafText(el.children);
  warnings.push(`元素 <${localName(el.name)}> 含有子元素，已按原样保留为文字`);
  return innerXml(el.children);
}

function readFamily(el: XmlElement, warnings: string[]): LrmxFamilyMember[] {
  const children = childElements(el.children);
  const items = children.filter((c) => localName(c.name).toLowerCase() === 'item');
  // Some exporters leave out <Item> for a single member: read the fields directly.
  if (items.length === 0 && children.some((c) => FAMILY_BY_LOWER.has(localName(c.name).toLowerCase()))) {
    return [readFamilyMember(el, 1, warnings)];
  }
  if (items.length < children.length) warnings.push('<JiaTingChengYuan> 中有不是 <Item> 的元素，已忽略');
  return items.map((item, i) => readFamilyMember(item, i + 1, warnings));
}

function readFamilyMember(item: XmlElement, position: number, warnings: string[]): LrmxFamilyMember {
  const member = emptyLrmxFamilyMember();
  for (const child of childElements(item.children)) {
    const key = FAMILY_BY_LOWER.get(localName(child.name).toLowerCase());
    if (key === undefined) {
      warnings.push(`家庭成员第 ${position} 项的未知元素 <${localName(child.name)}> 未读取`);
    } else if (member[key] === '') {
      member[key] = valueOf(child, warnings);
    }
  }
  return member;
}

/** Base64 photo, line breaks and a data: URL prefix tolerated; anything else invalid is dropped with a warning. */
function readPhoto(text: string, warnings: string[]): Uint8Array | null {
  const compact = text
    .replace(/^data:[^,]*,/, '')
    .replace(/\s+/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  if (compact === '') return null;
  const unpadded = compact.replace(/=+$/, '');
  if (
    !/^[A-Za-z0-9+/]*$/.test(unpadded) ||
    unpadded.length % 4 === 1 ||
    compact.length - unpadded.length > 2
  ) {
    warnings.push('照片 <ZhaoPian> 不是有效的 Base64 数据，已舍弃');
    return null;
  }
  const binary = atob(unpadded.padEnd(Math.ceil(unpadded.length / 4) * 4, '='));
  const photo = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (!(photo[0] === 0xff && photo[1] === 0xd8)) warnings.push('照片 <ZhaoPian> 不是 JPEG 格式，请核对');
  return photo;
}
