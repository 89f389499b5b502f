/**
 * Ballot slip codes (评议票码) as the server reads them: 12 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), printed XXXX-XXXX-XXXX; case, spaces and dashes do not matter.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

/** What a rater typed or scanned → the canonical XXXX-XXXX-XXXX, or null when it cannot be a code. */
export function normaliseBallotCode(input: string): string | null {
  const raw = toHalfWidth(input)
    .toUpperCase()
    .replace(/[\s\-–—_]/g, '');
  if (raw.length !== LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/**
 * A needs survey's code (调查码, issue 16): 16 characters of the same alphabet, printed
 * XXXX-XXXX-XXXX-XXXX — told from a slip by its length alone; null when it cannot be one.
 */
export function normaliseSurveyCode(input: string): string | null {
  const raw = toHalfWidth(input)
    .toUpperCase()
    .replace(/[\s\-–—_]/g, '');
  if (raw.length !== SURVEY_LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return raw.match(/.{4}/g)?.join('-') ?? null;
}
const SURVEY_LENGTH = 16;

/** Full-width letters, digits and punctuation (typed with a Chinese input method) → ASCII. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/。/g, '.');
}

/** The code box's display while typing: upper case, grouped by four. */
export function formatCodeInput(input: string): string {
  const raw = toHalfWidth(input)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, LENGTH);
  return raw.match(/.{1,4}/g)?.join('-') ?? '';
}

/** The code box's display for a longer (survey) code: upper case, grouped by four, at most 16. */
export function formatLongCodeInput(input: string): string {
  const raw = toHalfWidth(input)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return raw.length <= LENGTH
    ? formatCodeInput(raw)
    : (raw
        .slice(0, SURVEY_LENGTH)
        .match(/.{1,4}/g)
        ?.join('-') ?? '');
}
