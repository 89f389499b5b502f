import {
  LRMX_FAMILY_ELEMENT,
  LRMX_FAMILY_ELEMENTS,
  LRMX_FAMILY_ITEM_ELEMENT,
  LRMX_PHOTO_ELEMENT,
  LRMX_TEXT_ELEMENTS,
  type LrmxPerson,
} from './person.ts';
import { escapeXmlAttribute, escapeXmlText, isPlainXmlName } from './xml-text.ts';

/** Element names an unknown key must not be written as, or the reader would take it for a known one. */
const RESERVED = new Set(
  [...LRMX_TEXT_ELEMENTS, LRMX_PHOTO_ELEMENT, LRMX_FAMILY_ELEMENT, 'Extra'].map((k) => k.toLowerCase()),
);

const element = (name: string, value: string, indent: string) =>
  `${indent}<${name}>${escapeXmlText(value)}</${name}>`;

/**
 * Writes a .lrmx document: UTF-8 without BOM, every known element present in the fixed order (empty ones
 * as `<X></X>`), family as JiaTingChengYuan/Item, the photo as one line of base64, then unknown elements.
 * An unknown key that is no plain element name is written as `<Extra Name="key">`. `readLrmx` of the
 * result gives back a deep-equal person.
 */
export function writeLrmx(person: LrmxPerson): Uint8Array {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<Person>'];
  for (const key of LRMX_TEXT_ELEMENTS) {
    lines.push(element(key, person[key], '  '));
    if (key === 'ShenFenZheng') lines.push(element(LRMX_PHOTO_ELEMENT, toBase64(person.photo), '  '));
  }
  lines.push(`  <${LRMX_FAMILY_ELEMENT}>`);
  for (const member of person.family) {
    lines.push(`    <${LRMX_FAMILY_ITEM_ELEMENT}>`);
    for (const key of LRMX_FAMILY_ELEMENTS) lines.push(element(key, member[key], '      '));
    lines.push(`    </${LRMX_FAMILY_ITEM_ELEMENT}>`);
  }
  lines.push(`  </${LRMX_FAMILY_ELEMENT}>`);
  for (const [key, value] of Object.entries(person.unknown)) {
    if (isPlainXmlName(key) && !RESERVED.has(key.toLowerCase())) lines.push(element(key, value, '  '));
    else lines.push(`  <Extra Name="${escapeXmlAttribute(key)}">${escapeXmlText(value)}</Extra>`);
  }
  lines.push('</Person>', '');
  return new TextEncoder().encode(lines.join('\n'));
}

function toBase64(bytes: Uint8Array | null): string {
  if (bytes === null || bytes.length === 0) return '';
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
