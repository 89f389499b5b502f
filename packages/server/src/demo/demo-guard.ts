import type pg from 'pg';
import { verifyPassword } from '../platform/password-hash.ts';

/** The settings row the demo seed leaves behind: which accounts it created. */
const DEMO_MARKER_KEY = 'demo';

/** Record the demo accounts (in the seed's transaction), so a production start can recognise them. */
export async function markDemoAccounts(client: pg.ClientBase, userIds: string[], now: Date): Promise<void> {
  await client.query(`INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)`, [
    DEMO_MARKER_KEY,
    JSON.stringify({ userIds }),
    now,
  ]);
}

/**
 * Active accounts of the demo district: those the demo seed recorded, and (databases seeded before the
 * record existed) any account named like a demo account that still opens with the published password.
 * Needs the system scope.
 */
export async function findDemoAccounts(
  client: pg.ClientBase,
  demoUsernames: string[],
  demoPassword: string,
): Promise<string[]> {
  const { rows: marker } = await client.query<{ value: { userIds?: string[] } }>(
    'SELECT value FROM settings WHERE key = $1',
    [DEMO_MARKER_KEY],
  );
  const ids = marker[0]?.value.userIds ?? [];
  const { rows } = await client.query<{ username: string; marked: boolean; password_hash: string }>(
    `SELECT username, id = ANY($1::uuid[]) AS marked, password_hash FROM users
      WHERE active AND (id = ANY($1::uuid[]) OR username = ANY($2)) ORDER BY username`,
    [ids, demoUsernames],
  );
  const found: string[] = [];
  for (const r of rows) {
    if (r.marked || (await verifyPassword(demoPassword, r.password_hash))) found.push(r.username);
  }
  return found;
}

/** One line for the operator: why the start is refused and what to do. */
export function demoRefusal(refusedBy: string, usernames: string[]): string {
  return (
    `拒绝启动：${refusedBy} 时不允许演示账号，而此数据库中有演示区的账号（${usernames.join('、')}）。` +
    `请改用空数据库（新的 DATA_DIR 或 DATABASE_URL）；只是想看演示，请去掉 ${refusedBy}。`
  );
}

/** The stored (encrypted) TOTP secret of an account the demo seed created, or null for any other account. */
export async function demoAccountTotpSecret(client: pg.ClientBase, username: string): Promise<string | null> {
  const { rows } = await client.query<{ totp_secret: string | null }>(
    `SELECT u.totp_secret FROM users u JOIN settings s ON s.key = $1
      WHERE u.username = $2 AND u.id::text IN (SELECT jsonb_array_elements_text(s.value->'userIds'))`,
    [DEMO_MARKER_KEY, username],
  );
  return rows[0]?.totp_secret ?? null;
}
