import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';

// The cipher keeps its keys as key objects (made once); values written before read back unchanged.
const KEY = Buffer.alloc(32, 0x0b).toString('base64');

describe('[platform] field cipher', () => {
  it('blind index: HMAC-SHA256 of "purpose:value" under the key', () => {
    // computed once with createHmac('sha256', <32 bytes of 0x0b>) over 'id-number:110105198803010018'
    expect(createFieldCipher(KEY).blindIndex('id-number', '110105198803010018')).toBe(
      'aec2acf6930664117eb3c02833f792e5a7f08c030cec13482735350ebc79fa9c',
    );
  });

  it('reads a value stored before (AES-256-GCM, iv 01…01) and round-trips new ones', () => {
    const cipher = createFieldCipher(KEY);
    expect(cipher.decrypt('v1:aes:AQEBAQEBAQEBAQEBNLOL/EZUM9MMdlDlOZr5aKaSiVZmCMwIELbF')).toBe('13900001111');
    const stored = cipher.encrypt('健康');
    expect(stored).toMatch(/^v1:aes:/);
    expect(cipher.decrypt(stored)).toBe('健康');
    expect(cipher.encrypt('健康')).not.toBe(stored); // a fresh iv each time
  });
});
