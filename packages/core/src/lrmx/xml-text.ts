/** XML text helpers shared by the .lrmx reader and writer (internal to this folder). */

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Resolves the five predefined entities and character references in one pass (`&amp;lt;` stays `&lt;`).
 * Nothing else is expanded: the parser runs with entities off and DTDs are refused before parsing.
 */
export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (!ref.startsWith('#')) return PREDEFINED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const valid = code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code > 0;
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const charRef = (c: string) => `&#x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()};`;

/**
 * Escapes element text so that the reader gives back exactly this string: markup characters, CR, and
 * whitespace at either end (which the reader trims when raw) become references. Characters XML cannot
 * carry are dropped.
 */
export function escapeXmlText(value: string): string {
  const clean = value.replace(NOT_XML_CHAR, '');
  const lead = /^\s*/.exec(clean)?.[0] ?? '';
  const rest = clean.slice(lead.length);
  const trail = /\s*$/.exec(rest)?.[0] ?? '';
  const middle = rest.slice(0, rest.length - trail.length);
  const body = middle.replace(/[&<>\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return '&#13;';
    }
  });
  return [...lead].map(charRef).join('') + body + [...trail].map(charRef).join('');
}

export function escapeXmlAttribute(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/[&<"\t\n\r]/g, (c) =>
      c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : charRef(c),
    );
}

/**
 * Whether `name` can be written as an element name and read back under the same key: a letter or `_`
 * then letters, digits, `_`, `-`, `.`; no namespace prefix, nothing starting with "xml".
 */
export function isPlainXmlName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(name) && !/^xml/i.test(name);
}

/** Local part of a possibly prefixed name (`lr:Person` → `Person`). */
export function localName(name: string): string {
  const i = name.lastIndexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
