import { randomInt } from 'node:crypto';
import { SURVEY_CODE_LENGTH } from '@ganbu/core';
import type { FieldCipher } from '../../../platform/field-cipher.ts';

/**
 * Survey codes (调查码): 16 characters from the ballot slip's alphabet (no look-alikes 0/O, 1/I/L), printed
 * XXXX-XXXX-XXXX-XXXX; about 79 bits, stored only as a keyed hash. An assessment slip has 12 characters,
 * so the ballot page (`/ballot#CODE`) tells a survey code from a slip by its length.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newSurveyCode(pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < SURVEY_CODE_LENGTH; i++) code += ALPHABET[pick(ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/** What a respondent typed or scanned → the canonical code (no dashes), or null when it cannot be one. */
export function normaliseSurveyCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== SURVEY_CODE_LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return raw;
}

/** Keyed hash (HMAC with the field key), its own purpose: a stolen database cannot be brute-forced. */
export function surveyCodeHash(cipher: FieldCipher, canonical: string): string {
  return cipher.blindIndex('survey-code', canonical);
}
