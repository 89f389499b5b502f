import { checkPasswordStrength, GOVERNMENT_PASSWORD_POLICY } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomAdminSecret } from '../../src/demo/admin-secrets.ts';
import { demoRefusal, findDemoAccounts } from '../../src/demo/demo-guard.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { verifyPassword } from '../../src/platform/password-hash.ts';
import { setSystemScope } from '../../src/platform/scope-settings.ts';
import { TEST_ADMIN_PASSWORD, TEST_ENCRYPTION_KEY, testTotpSecret } from '../db-urls.ts';
import { cloneTestDb, type TestDb } from '../helpers.ts';

let db: TestDb;
beforeAll(async () => {
  db = await cloneTestDb();
});
afterAll(async () => db.drop());

const BUSINESS = ['cadre', 'careofficer', 'jijian', 'leader', 'orgdept', 'street1', 'street2'];
const ADMINS = ['auditor', 'secadmin', 'sysadmin'];

async function demoAccounts(): Promise<string[]> {
  const c = await db.pool.connect();
  try {
    await c.query('BEGIN');
    await setSystemScope(c);
    return await findDemoAccounts(
      c,
      DEMO_ACCOUNTS.map((a) => a.username),
      DEMO_PASSWORD,
    );
  } finally {
    await c.query('ROLLBACK');
    c.release();
  }
}

describe('[platform] demo accounts (SECURITY 35)', () => {
  it('draws each administrator a fresh random password and TOTP secret', () => {
    const a = randomAdminSecret('sysadmin');
    const b = randomAdminSecret('sysadmin');
    expect(a.password).not.toBe(b.password);
    expect(a.totpSecret).not.toBe(b.totpSecret);
    expect(a.password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect(checkPasswordStrength(a.password, GOVERNMENT_PASSWORD_POLICY, 'sysadmin')).toEqual([]);
    expect(a.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('seeds the administrators with the secrets it is given, the business accounts with the README password', async () => {
    const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
    const { rows } = await db.admin.query<{
      username: string;
      password_hash: string;
      totp_secret: string | null;
    }>(`SELECT username, password_hash, totp_secret FROM users WHERE username = ANY($1) ORDER BY username`, [
      [...BUSINESS, ...ADMINS],
    ]);
    expect(rows.map((r) => r.username)).toEqual([...BUSINESS, ...ADMINS].sort());
    for (const r of rows) {
      const admin = ADMINS.includes(r.username);
      expect(await verifyPassword(DEMO_PASSWORD, r.password_hash), r.username).toBe(!admin);
      expect(await verifyPassword(TEST_ADMIN_PASSWORD, r.password_hash), r.username).toBe(admin);
      expect(r.totp_secret ? cipher.decrypt(r.totp_secret) : null).toBe(
        admin ? testTotpSecret(r.username) : null,
      );
    }
  });

  it('recognises the demo accounts by the seed record, and older ones by the published password', async () => {
    expect(await demoAccounts()).toEqual([...ADMINS, ...BUSINESS].sort());
    await db.admin.query(`DELETE FROM settings WHERE key = 'demo'`);
    expect(await demoAccounts()).toEqual(BUSINESS);
    await db.admin.query(`UPDATE users SET active = false WHERE username = ANY($1)`, [BUSINESS]);
    expect(await demoAccounts()).toEqual([]);
  });

  it('refuses them in one line that names the setting', () => {
    const line = demoRefusal('NODE_ENV=production', ['orgdept', 'sysadmin']);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('NODE_ENV=production');
    expect(line).toContain('orgdept、sysadmin');
  });
});
