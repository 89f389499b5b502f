import {
  maskIdNumber,
  maskPhone,
  SENSITIVE_CORRECTION_FIELDS,
  type Correction,
  type FamilyMember,
} from '@ganbu/core';
import type { FieldCipher } from '../../platform/field-cipher.ts';

/**
 * Sensitive cadre fields (SECURITY 17): ID number, phone, health and family are stored encrypted;
 * the ID number also as a keyed hash so a record can be found by it (update-by-ID imports).
 */
export interface SensitiveFields {
  idNumber: string | null;
  phone: string | null;
  health: string;
  family: FamilyMember[];
}

export interface EncryptedFields {
  id_number_enc: string | null;
  id_number_hash: string | null;
  phone_enc: string | null;
  health_enc: string | null;
  family_enc: string | null;
}

export const idNumberIndex = (cipher: FieldCipher, idNumber: string) =>
  cipher.blindIndex('id-number', idNumber);

export function encryptSensitive(cipher: FieldCipher, f: SensitiveFields): EncryptedFields {
  return {
    id_number_enc: f.idNumber ? cipher.encrypt(f.idNumber) : null,
    id_number_hash: f.idNumber ? idNumberIndex(cipher, f.idNumber) : null,
    phone_enc: f.phone ? cipher.encrypt(f.phone) : null,
    health_enc: f.health ? cipher.encrypt(f.health) : null,
    family_enc: f.family.length ? cipher.encrypt(JSON.stringify(f.family)) : null,
  };
}

export function decryptSensitive(cipher: FieldCipher, e: EncryptedFields): SensitiveFields {
  return {
    idNumber: e.id_number_enc ? cipher.decrypt(e.id_number_enc) : null,
    phone: e.phone_enc ? cipher.decrypt(e.phone_enc) : null,
    health: e.health_enc ? cipher.decrypt(e.health_enc) : '',
    family: e.family_enc ? (JSON.parse(cipher.decrypt(e.family_enc)) as FamilyMember[]) : [],
  };
}

/** What a reader without the reveal sees of the sensitive fields (record page, audit view). */
export function maskSensitive(f: SensitiveFields): SensitiveFields {
  return {
    idNumber: f.idNumber ? maskIdNumber(f.idNumber) : null,
    phone: f.phone ? maskPhone(f.phone) : null,
    health: f.health ? '***' : '',
    family: f.family.map((m) => ({
      ...m,
      name: m.name.slice(0, 1) + '*',
      workUnitAndPost: m.workUnitAndPost ? '***' : '',
    })),
  };
}

type SensitiveCorrectionField = (typeof SENSITIVE_CORRECTION_FIELDS)[number];

export function isSensitiveCorrection(field: Correction['field']): field is SensitiveCorrectionField {
  return (SENSITIVE_CORRECTION_FIELDS as readonly string[]).includes(field);
}

/**
 * A proposed value as shown without the reveal: a phone as the record masks it; health and family, which a
 * request states as free text, wholly hidden (the record hides the same details).
 */
const MASK_PROPOSED: Record<SensitiveCorrectionField, (value: string) => string> = {
  phone: maskPhone,
  health: () => '***',
  family: () => '***',
};

export function maskProposedValue(field: Correction['field'], value: string): string {
  return isSensitiveCorrection(field) ? MASK_PROPOSED[field](value) : value;
}
