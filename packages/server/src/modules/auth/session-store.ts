import { createHash, randomBytes } from 'node:crypto';
import {
  passwordExpired,
  requiresSecondFactor,
  sessionEnded,
  type Role,
  type ScopeMode,
  type SecuritySettings,
} from '@ganbu/core';
import type pg from 'pg';
import type { Actor } from '../../platform/context.ts';
import { SYSTEM_SCOPE_SQL } from '../../platform/scope-settings.ts';

export const SESSION_COOKIE = 'sid';

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  client: pg.ClientBase,
  opts: { userId: string; now: Date; clientAddress: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await client.query(
    `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, client_address, user_agent)
     VALUES ($1, $2, $3, $4, $4, $5, $6)`,
    [
      sessionIdOf(token),
      opts.userId,
      csrfToken,
      opts.now,
      opts.clientAddress,
      opts.userAgent?.slice(0, 300) ?? null,
    ],
  );
  return { token, csrfToken };
}

export interface SessionRow {
  session_id: string;
  created_at: Date;
  last_seen_at: Date;
  csrf_token: string;
  user_id: string;
  username: string;
  roles: Role[];
  scope_mode: ScopeMode;
  org_id: string;
  org_path: string;
  cadre_id: string | null;
  must_change_password: boolean;
  password_changed_at: Date;
  totp_secret: string | null;
}

const SESSION_COLUMNS = `s.id AS session_id, s.created_at, s.last_seen_at, s.csrf_token, u.id AS user_id,
  u.username, u.roles, u.scope_mode, u.org_id, u.org_path::text AS org_path, u.cadre_id, u.must_change_password,
  u.password_changed_at, u.totp_secret`;

const SESSION_ID = /^[0-9a-f]{64}$/;

/**
 * The session look-up as a statement without parameters, so it can travel in one round trip with BEGIN and
 * the system scope (the simple query protocol takes no parameters). The id is the SHA-256 hex digest this
 * server computed from the cookie (`sessionIdOf`), checked to be exactly that before it is written in.
 */
export function sessionLookupSql(sessionId: string): string {
  if (!SESSION_ID.test(sessionId)) throw new Error('a session id is a SHA-256 hex digest');
  return `SELECT ${SESSION_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = '${sessionId}' AND u.active`;
}

/**
 * The user scope of a session's actor set straight from its row, as `setScope` sets it from the actor
 * (same six settings, same values), so the request start can set it in its one round trip. Sets nothing
 * when there is no such session (then the system context stays and the caller clears it). Like
 * `sessionLookupSql`, written in only after the id is checked to be a SHA-256 hex digest.
 */
export function userScopeFromSessionSql(sessionId: string): string {
  if (!SESSION_ID.test(sessionId)) throw new Error('a session id is a SHA-256 hex digest');
  return `SELECT set_config('app.context', 'user', true), set_config('app.user_id', u.id::text, true),
            set_config('app.scope_mode', u.scope_mode, true), set_config('app.scope_path', u.org_path::text, true),
            set_config('app.cadre_id', coalesce(u.cadre_id::text, ''), true),
            set_config('app.roles', array_to_string(u.roles, ','), true)
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = '${sessionId}' AND u.active`;
}

/**
 * The actor behind a session token, or why there is none. Runs in the system context;
 * an ended session is deleted. Touching the session extends the idle window.
 */
export async function resolveSession(
  client: pg.ClientBase,
  token: string,
  now: Date,
  settings: SecuritySettings,
): Promise<Actor | 'expired' | null> {
  const { rows } = await client.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND u.active`,
    [sessionIdOf(token)],
  );
  return actorOfSession(client, rows[0], now, settings);
}

/**
 * The actor of a looked-up session row (`sessionLookupSql` or `resolveSession`), or why there is none:
 * no row, or a session that ended (then deleted). Touching the session extends the idle window.
 */
export async function actorOfSession(
  client: pg.ClientBase,
  row: SessionRow | undefined,
  now: Date,
  settings: SecuritySettings,
  /** the user scope is already set (`userScopeFromSessionSql`): a write puts the system context back first
   * and says so by setting `userSet` to false */
  scope: { userSet: boolean } = { userSet: false },
): Promise<Actor | 'expired' | null> {
  if (!row) return null;
  const asSystem = async () => {
    if (!scope.userSet) return;
    await client.query(SYSTEM_SCOPE_SQL);
    scope.userSet = false;
  };
  if (sessionEnded({ createdAt: row.created_at, lastSeenAt: row.last_seen_at }, now, settings.session)) {
    await asSystem();
    await client.query('DELETE FROM sessions WHERE id = $1', [row.session_id]);
    return 'expired';
  }
  // Touch at most every 1/60 of the idle window (30 s for 30 min): a read request then commits no write
  // (no WAL flush); the idle timeout stays exact to within that slack.
  const touchEveryMs = (settings.session.idleMinutes * 60_000) / 60;
  if (now.getTime() - row.last_seen_at.getTime() >= touchEveryMs) {
    await asSystem();
    await client.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [row.session_id, now]);
  }
  return {
    userId: row.user_id,
    sessionId: row.session_id,
    username: row.username,
    roles: row.roles,
    scopeMode: row.scope_mode,
    orgId: row.org_id,
    orgPath: row.org_path,
    cadreId: row.cadre_id,
    csrfToken: row.csrf_token,
    mustChangePassword:
      row.must_change_password || passwordExpired(row.password_changed_at, now, settings.password),
    mustEnrolTotp: requiresSecondFactor(row.roles) && !row.totp_secret,
  };
}
