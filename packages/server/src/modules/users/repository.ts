import type { Role, ScopeMode, User } from '@ganbu/core';
import type pg from 'pg';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  org_name: string;
  cadre_id: string | null;
  roles: Role[];
  scope_mode: ScopeMode;
  active: boolean;
  totp_enrolled: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
}

const SELECT = `SELECT u.id, u.username, u.display_name, u.org_id, o.name AS org_name, u.cadre_id, u.roles, u.scope_mode,
  u.active, u.totp_secret IS NOT NULL AS totp_enrolled, u.must_change_password, u.last_login_at
  FROM users u JOIN orgs o ON o.id = u.org_id`;

export function toUser(r: UserRow, locked: boolean): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgId: r.org_id,
    orgName: r.org_name,
    cadreId: r.cadre_id,
    roles: r.roles,
    scopeMode: r.scope_mode,
    active: r.active,
    locked,
    totpEnrolled: r.totp_enrolled,
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
  };
}

export async function listUsers(client: pg.ClientBase, q: string | undefined, limit: number, offset: number) {
  const filter = q ? `WHERE u.username ILIKE $3 OR u.display_name ILIKE $3` : '';
  const params: unknown[] = [limit, offset];
  if (q) params.push(`%${q.replace(/[%_\\]/g, (c) => '\\' + c)}%`);
  const { rows } = await client.query<UserRow & { total: number }>(
    `${SELECT.replace('SELECT ', 'SELECT count(*) OVER ()::int AS total, ')} ${filter} ORDER BY o.path, u.username LIMIT $1 OFFSET $2`,
    params,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findUser(client: pg.ClientBase, id: string): Promise<UserRow | null> {
  const { rows } = await client.query<UserRow>(`${SELECT} WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertUser(
  client: pg.ClientBase,
  u: {
    username: string;
    displayName: string;
    orgId: string;
    cadreId: string | null;
    scopeMode: ScopeMode;
    roles: Role[];
    passwordHash: string;
    mustChange: boolean;
    totpSecret?: string | null;
    now: Date;
  },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO users (username, display_name, org_id, org_path, cadre_id, roles, scope_mode, password_hash,
                        password_changed_at, must_change_password, totp_secret)
     SELECT $1, $2, o.id, o.path, $4, $5, $6, $7, $8, $9, $10 FROM orgs o WHERE o.id = $3
     RETURNING id`,
    [
      u.username,
      u.displayName,
      u.orgId,
      u.cadreId,
      u.roles,
      u.scopeMode,
      u.passwordHash,
      u.now,
      u.mustChange,
      u.totpSecret ?? null,
    ],
  );
  if (!rows[0]) throw new Error('org not visible');
  return rows[0].id;
}

export async function updateUser(
  client: pg.ClientBase,
  id: string,
  patch: { displayName?: string; orgId?: string; active?: boolean; roles?: Role[]; scopeMode?: ScopeMode },
): Promise<boolean> {
  const res = await client.query(
    `UPDATE users u SET display_name = coalesce($2, u.display_name),
            org_id = coalesce(o.id, u.org_id), org_path = coalesce(o.path, u.org_path),
            active = coalesce($4, u.active), roles = coalesce($5, u.roles), scope_mode = coalesce($6, u.scope_mode),
            updated_at = now()
       FROM (SELECT NULL::uuid AS x) dummy LEFT JOIN orgs o ON o.id = $3
      WHERE u.id = $1`,
    [
      id,
      patch.displayName ?? null,
      patch.orgId ?? null,
      patch.active ?? null,
      patch.roles ?? null,
      patch.scopeMode ?? null,
    ],
  );
  return (res.rowCount ?? 0) > 0;
}

export async function deleteSessionsOf(client: pg.ClientBase, userId: string) {
  await client.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function orgVisible(client: pg.ClientBase, orgId: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM orgs WHERE id = $1', [orgId]);
  return (rowCount ?? 0) > 0;
}

export async function cadreVisible(client: pg.ClientBase, cadreId: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM cadres WHERE id = $1', [cadreId]);
  return (rowCount ?? 0) > 0;
}
