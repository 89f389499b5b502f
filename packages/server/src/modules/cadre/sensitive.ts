import type { FamilyMember } from '@ganbu/core';
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
