import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlText } from './xml-text.ts';

/** A parsed XML node: text and CDATA keep their raw content; comments and processing instructions are dropped. */
export type XmlNode =
  | { kind: 'element'; name: string; attrs: Record<string, string>; children: XmlNode[] }
  | { kind: 'text'; raw: string }
  | { kind: 'cdata'; value: string };
export type XmlElement = Extract<XmlNode, { kind: 'element' }>;

export type ParseXmlResult =
  | { ok: true; nodes: XmlNode[]; warnings: string[] }
  | { ok: false; code: 'NOT_XML' | 'TOO_LARGE'; message: string };

/**
 * Names the parser refuses or renames because they could pollute prototypes. They are legal element names,
 * so they are marked here (NUL cannot occur in XML) and unmarked in `toNodes`; our own objects are
 * built with Object.fromEntries / Maps, never by assignment.
 */
const JS_RESERVED = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
const MARK = '\u0000';
const markReserved = (name: string) => (JS_RESERVED.has(name) ? MARK + name : name);
const unmark = (name: string) => (name.startsWith(MARK) ? name.slice(MARK.length) : name);

const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  transformTagName: markReserved,
  transformAttributeName: markReserved,
});

/** `&` that starts no entity or character reference, outside CDATA sections and comments. */
const BARE_AMPERSAND =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?![A-Za-z_][\w.-]*;|#\d+;|#x[0-9A-Fa-f]+;)/g;

/**
 * Parses a document already checked for DTDs: validates well-formedness (after escaping stray `&`,
 * which some exporters leave raw) and returns the node tree. Entities stay unexpanded.
 */
export function parseXml(text: string): ParseXmlResult {
  if (countTags(text) > MAX_TAGS) {
    return {
      ok: false,
      code: 'TOO_LARGE',
      message: `文件中的 XML 标记超过 ${MAX_TAGS} 处，不像任免审批表，拒绝读取`,
    };
  }
  const warnings: string[] = [];
  let source = text;
  let valid = XMLValidator.validate(source);
  if (valid !== true && source.includes('&')) {
    let bare = 0;
    const fixed = source.replace(BARE_AMPERSAND, (m) => {
      if (m !== '&') return m;
      bare += 1;
      return '&amp;';
    });
    const revalidated = bare > 0 ? XMLValidator.validate(fixed) : valid;
    if (revalidated === true) {
      source = fixed;
      valid = true;
      warnings.push(`文件中有 ${bare} 处未转义的“&”，已按普通字符读取`);
    }
  }
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return {
      ok: false,
      code: 'NOT_XML',
      message: `不是格式正确的 XML 文件（第 ${line} 行第 ${col} 列：${msg}）`,
    };
  }
  try {
    return { ok: true, nodes: toNodes(parser.parse(source)), warnings };
  } catch (e) {
    return {
      ok: false,
      code: 'NOT_XML',
      message: `XML 解析失败：${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Tags (`<` characters) allowed: a 任免审批表 has a few hundred; far more is no form, and costly to build. */
const MAX_TAGS = 40_000;

function countTags(text: string): number {
  let n = 0;
  for (let i = text.indexOf('<'); i >= 0 && n <= MAX_TAGS; i = text.indexOf('<', i + 1)) n++;
  return n;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toNodes(raw: unknown): XmlNode[] {
  if (!Array.isArray(raw)) return [];
  const out: XmlNode[] = [];
  for (const item of raw as unknown[]) {
    if (!isRecord(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@' || key === '#comment') continue;
      if (key === '#text') {
        out.push({ kind: 'text', raw: typeof value === 'string' ? value : String(value) });
      } else if (key === '#cdata') {
        const inner = toNodes(value);
        out.push({ kind: 'cdata', value: inner.map((n) => (n.kind === 'text' ? n.raw : '')).join('') });
      } else if (!key.startsWith('?')) {
        out.push({
          kind: 'element',
          name: unmark(key),
          attrs: attrsOf(item[':@']),
          children: toNodes(value),
        });
      }
    }
  }
  return out;
}

function attrsOf(raw: unknown): Record<string, string> {
  if (!isRecord(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [unmark(k), typeof v === 'string' ? v : String(v)]),
  );
}

export const childElements = (nodes: XmlNode[]): XmlElement[] =>
  nodes.filter((n): n is XmlElement => n.kind === 'element');

export const hasChildElements = (el: XmlElement): boolean => el.children.some((n) => n.kind === 'element');

/** Text content of a leaf: raw text trimmed at both ends, then references resolved; CDATA taken as is. */
export function leafText(nodes: XmlNode[]): string {
  const pieces = nodes.filter((n): n is Exclude<XmlNode, XmlElement> => n.kind !== 'element');
  const last = pieces.length - 1;
  return pieces
    .map((n, i) => {
      if (n.kind === 'cdata') return n.value;
      let raw = n.raw;
      if (i === 0) raw = raw.trimStart();
      if (i === last) raw = raw.trimEnd();
      return decodeXmlText(raw);
    })
    .join('');
}

/** Inner XML of an element, as written in the source (references left as they were), trimmed. */
export function innerXml(nodes: XmlNode[]): string {
  return nodes.map(serialise).join('').trim();
}

function serialise(n: XmlNode): string {
  switch (n.kind) {
    case 'text':
      return n.raw;
    case 'cdata':
      return `<![CDATA[${n.value}]]>`;
    case 'element': {
      const attrs = Object.entries(n.attrs)
        .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
        .join('');
      const inner = n.children.map(serialise).join('');
      return inner === '' ? `<${n.name}${attrs}/>` : `<${n.name}${attrs}>${inner}</${n.name}>`;
    }
  }
}
