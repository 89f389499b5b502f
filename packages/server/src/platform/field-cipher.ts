import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/**
 * Encryption of sensitive fields at rest: AES-256-GCM (default) or SM4-GCM (national crypto).
 * Stored as `v1:<alg>:<base64 iv|tag|ciphertext>`; the key never enters the database.
 */
export type CipherAlgorithm = 'aes' | 'sm4';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** keyed hash (HMAC-SHA256) for finding a row by an encrypted value without decrypting */
  blindIndex(purpose: string, plain: string): string;
}

export function createFieldCipher(keyBase64: string, algorithm: CipherAlgorithm = 'aes'): FieldCipher {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes, base64');
  // key objects made once: handing crypto a Buffer makes one per call (several times the cost of an
  // HMAC or a short encryption, which the imports do several times per row)
  const keys: Record<CipherAlgorithm, { name: string; key: KeyObject }> = {
    aes: { name: 'aes-256-gcm', key: createSecretKey(key) },
    sm4: { name: 'sm4-gcm', key: createSecretKey(key.subarray(0, 16)) },
  };
  const hmacKey = createSecretKey(key);
  return {
    encrypt(plain) {
      const { name, key: k } = keys[algorithm];
      const iv = randomBytes(12);
      const cipher = createCipheriv(name, k, iv) as ReturnType<typeof createCipheriv> & {
        getAuthTag(): Buffer;
      };
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${algorithm}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    blindIndex(purpose, plain) {
      return createHmac('sha256', hmacKey).update(`${purpose}:${plain}`).digest('hex');
    },
    decrypt(stored) {
      const [version, alg, data] = stored.split(':');
      if (version !== 'v1' || (alg !== 'aes' && alg !== 'sm4') || !data)
        throw new Error('unknown cipher text');
      const { name, key: k } = keys[alg];
      const raw = Buffer.from(data, 'base64');
      const decipher = createDecipheriv(name, k, raw.subarray(0, 12)) as ReturnType<
        typeof createDecipheriv
      > & {
        setAuthTag(t: Buffer): void;
      };
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
