import type { Role, ScopeMode } from '@ganbu/core';
import type pg from 'pg';

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  scope_mode: ScopeMode;
  org_id: string;
  org_name: string;
  cadre_id: string | null;
  password_hash: string;
  password_changed_at: Date;
  password_history: string[];
  must_change_password: boolean;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string | null;
  active: boolean;
}

const ACCOUNT_COLUMNS = `u.id, u.username, u.display_name, u.roles, u.scope_mode, u.org_id, o.name AS org_name, u.cadre_id,
  u.password_hash, u.password_changed_at, u.password_history, u.must_change_password, u.totp_secret,
  u.totp_pending_secret, u.totp_last_step, u.active`;

export async function findAccountByUsername(
  client: pg.ClientBase,
  username: string,
): Promise<AccountRow | null> {
  const { rows } = await client.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.username = $1`,
    [username],
  );
  return rows[0] ?? null;
}

export async function findAccountById(client: pg.ClientBase, id: string): Promise<AccountRow | null> {
  const { rows } = await client.query<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function recordLoginSuccess(
  client: pg.ClientBase,
  id: string,
  now: Date,
  totpStep: number | null,
) {
  await client.query(
    `UPDATE users SET last_login_at = $2, totp_last_step = coalesce($3, totp_last_step) WHERE id = $1`,
    [id, now, totpStep],
  );
}

export async function setPassword(
  client: pg.ClientBase,
  id: string,
  opts: { hash: string; history: string[]; now: Date; mustChange: boolean },
) {
  await client.query(
    `UPDATE users SET password_hash = $2, password_history = $3, password_changed_at = $4,
            must_change_password = $5, updated_at = $4 WHERE id = $1`,
    [id, opts.hash, opts.history, opts.now, opts.mustChange],
  );
}

export async function setPendingTotp(client: pg.ClientBase, id: string, encryptedSecret: string) {
  await client.query('UPDATE users SET totp_pending_secret = $2 WHERE id = $1', [id, encryptedSecret]);
}

export async function confirmTotp(client: pg.ClientBase, id: string, step: number) {
  await client.query(
    `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $2 WHERE id = $1`,
    [id, step],
  );
}

export async function deleteSession(client: pg.ClientBase, sessionId: string) {
  await client.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}

export async function deleteOtherSessions(client: pg.ClientBase, userId: string, keepSessionId: string) {
  await client.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keepSessionId]);
}
