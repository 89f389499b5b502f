import { createHash } from 'node:crypto';
import { Secret } from 'otpauth';

/** Fixed secrets of the test run (never used outside tests). */
export const TEST_APP_PASSWORD = 'test-app-role-password';
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
/** The demo seed's clock in tests: passwords were set then. */
export const TEST_SEED_TIME = new Date('2026-11-01T00:00:00Z');

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Fixed TOTP secret of a demo administrator in tests (the real seed draws one at random). */
export function testTotpSecret(username: string): string {
  const bytes = createHash('sha256').update(`ganbu-test-totp:${username}`).digest().subarray(0, 20);
  return new Secret({ buffer: new Uint8Array(bytes).buffer }).base32;
}

/** The demo administrators' password in tests (the real seed draws one per account at random). */
export const TEST_ADMIN_PASSWORD = 'Admin#Test2026';

/** What the test run's seed gets instead of random administrator secrets. */
export const TEST_ADMIN_SECRETS = Object.fromEntries(
  ['sysadmin', 'secadmin', 'auditor'].map((u) => [
    u,
    { password: TEST_ADMIN_PASSWORD, totpSecret: testTotpSecret(u) },
  ]),
);
