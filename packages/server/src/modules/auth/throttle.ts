import { createHash } from 'node:crypto';
import { isLocked, type SessionPolicy } from '@ganbu/core';
import type pg from 'pg';

/** Failed-login counting by user name, the same for existing and unknown names (SECURITY 2). */
const keyOf = (username: string) => createHash('sha256').update(username.trim().toLowerCase()).digest('hex');

export async function loginLocked(client: pg.ClientBase, username: string, now: Date, policy: SessionPolicy) {
  const { rows } = await client.query<{ failures: number; last_failed_at: Date }>(
    'SELECT failures, last_failed_at FROM login_throttle WHERE username_hash = $1',
    [keyOf(username)],
  );
  const row = rows[0];
  return row
    ? isLocked({ failedLogins: row.failures, lastFailedAt: row.last_failed_at }, now, policy)
    : false;
}

/** Count one failure; a run of failures restarts after the lock window. Returns the count. */
export async function countLoginFailure(
  client: pg.ClientBase,
  username: string,
  now: Date,
  policy: SessionPolicy,
): Promise<number> {
  const { rows } = await client.query<{ failures: number }>(
    `INSERT INTO login_throttle (username_hash, failures, last_failed_at) VALUES ($1, 1, $2)
     ON CONFLICT (username_hash) DO UPDATE SET
       failures = CASE WHEN login_throttle.last_failed_at < $2 - make_interval(mins => $3) THEN 1
                       ELSE login_throttle.failures + 1 END,
       last_failed_at = $2
     RETURNING failures`,
    [keyOf(username), now, policy.lockoutMinutes],
  );
  return rows[0]?.failures ?? 1;
}

export async function clearLoginFailures(client: pg.ClientBase, username: string): Promise<void> {
  await client.query('DELETE FROM login_throttle WHERE username_hash = $1', [keyOf(username)]);
}

/** Which of these user names are locked now (one query for a page of accounts). */
export async function lockedUsernames(
  client: pg.ClientBase,
  usernames: string[],
  now: Date,
  policy: SessionPolicy,
) {
  const hashes = new Map(usernames.map((u) => [keyOf(u), u]));
  const { rows } = await client.query<{ username_hash: string; failures: number; last_failed_at: Date }>(
    'SELECT username_hash, failures, last_failed_at FROM login_throttle WHERE username_hash = ANY($1)',
    [[...hashes.keys()]],
  );
  return new Set(
    rows
      .filter((r) => isLocked({ failedLogins: r.failures, lastFailedAt: r.last_failed_at }, now, policy))
      .map((r) => hashes.get(r.username_hash) as string),
  );
}
