import { randomInt } from 'node:crypto';
import type { FieldCipher } from '../../platform/field-cipher.ts';

/**
 * Ballot slip codes (评议票码): 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * printed as XXXX-XXXX-XXXX beside the QR code; about 59 bits, stored only as a keyed hash.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

export function newBallotCode(pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[pick(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What a rater typed or scanned → the canonical code, or null when it cannot be one. */
export function normaliseBallotCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return raw;
}

/** Keyed hash (HMAC with the field key): a stolen database cannot be brute-forced back into codes. */
export function ballotTokenHash(cipher: FieldCipher, code: string): string {
  return cipher.blindIndex('ballot-token', code);
}

/** A ballot URL path with its token replaced, for logs. */
export function redactBallotToken(url: string): string {
  return url.replace(/^(\/api\/ballot\/)[^/?#]+/, '$1***');
}
