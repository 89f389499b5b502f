/**
 * Formula injection (SECURITY 19): a spreadsheet runs text that starts with = + - @ (or a tab or carriage
 * return) as a formula when it is edited or saved as CSV. Every text cell written from user data goes
 * through `safeCell`, which prefixes such text with an apostrophe. Text that already starts with
 * apostrophes before such a character gets one more, so `unescapeCell` (applied to every text cell the
 * importer reads) gives back exactly the value that was written: an exported workbook imports unchanged.
 */
const ESCAPED = /^'*[=+\-@\t\r]/;

/** The text to write for a value: JSON for objects, '' for nothing, prefixed when it could run. */
export function safeCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return ESCAPED.test(s) ? `'${s}` : s;
}

/** The value that `safeCell` escaped (text a person typed is returned unchanged). */
export function unescapeCell(s: string): string {
  return s.startsWith("'") && ESCAPED.test(s) ? s.slice(1) : s;
}
