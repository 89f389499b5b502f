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
