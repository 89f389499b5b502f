import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

/** Role that owns every table (migrations run as it); NOLOGIN, not a superuser, so FORCE RLS binds it too. */
export const OWNER_ROLE = 'ganbu_owner';
/** The login the app runs as: NOSUPERUSER NOBYPASSRLS, owns nothing. */
export const APP_ROLE = 'ganbu_app';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url).pathname;

function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Create the two roles (idempotent) and set the app role's password. Needs CREATEROLE on the admin login. */
export async function ensureRoles(admin: pg.ClientBase, appPassword: string): Promise<void> {
  await admin.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN
      CREATE ROLE ${OWNER_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
      CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; END IF;
  END $$`);
  await admin.query(
    `ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${quoteLiteral(appPassword)}`,
  );
  // the admin login must be able to SET ROLE to the owner
  await admin.query(`GRANT ${OWNER_ROLE} TO CURRENT_USER`).catch(() => undefined);
}

/** Create the database if missing (connecting to the maintenance database `postgres`). */
export async function ensureDatabase(adminUrl: string): Promise<void> {
  const url = new URL(adminUrl);
  const name = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  url.pathname = '/postgres';
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount)
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await c.end();
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  /** SHA-256 (hex) of the file's text, line endings normalised to LF so a CRLF checkout is the same file. */
  checksum: string;
}

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

export function migrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = readFileSync(resolve(dir, name), 'utf8');
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

/** The one line a start refuses with when an applied migration's file no longer matches what was applied. */
export function editedMigrationMessage(name: string, applied: string, file: string): string {
  return (
    `migration ${name} was edited after it was applied to this database ` +
    `(checksum ${applied.slice(0, 12)}…≠${file.slice(0, 12)}…): ` +
    'restore the file or migrate the database by a new migration'
  );
}

/**
 * Apply pending migrations in one transaction each, as the owner role, recording each file's checksum.
 * Before applying anything, every migration already applied must still match its file: an edited one
 * refuses the start (its edit would otherwise be silently skipped here and applied on a fresh database).
 * Returns the names applied. Concurrent starters serialise on an advisory lock.
 * `dir` is for tests only (a temporary migration set).
 */
export async function migrate(admin: pg.ClientBase, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  await admin.query('CREATE EXTENSION IF NOT EXISTS ltree');
  await admin.query(`GRANT CREATE, USAGE ON SCHEMA public TO ${OWNER_ROLE}`);
  await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await admin.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  await admin.query(`ALTER TABLE schema_migrations OWNER TO ${OWNER_ROLE}`);
  const applied: string[] = [];
  await admin.query('SELECT pg_advisory_lock(727200)');
  try {
    // Databases migrated before checksums existed have no column (then an empty one) for them.
    await admin.query('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text');
    const files = migrationFiles(dir);
    const done = new Map(
      (
        await admin.query<{ name: string; checksum: string | null }>(
          'SELECT name, checksum FROM schema_migrations',
        )
      ).rows.map((r) => [r.name, r.checksum]),
    );
    for (const m of files) {
      const recorded = done.get(m.name);
      if (recorded && recorded !== m.checksum) {
        throw new Error(editedMigrationMessage(m.name, recorded, m.checksum));
      }
    }
    // A migration applied before this change has an empty checksum: it records the current file's checksum
    // on this first start (the file is trusted once, as it is now), and is checked from then on.
    for (const m of files) {
      if (done.has(m.name) && done.get(m.name) === null) {
        await admin.query('UPDATE schema_migrations SET checksum = $2 WHERE name = $1 AND checksum IS NULL', [
          m.name,
          m.checksum,
        ]);
      }
    }
    for (const m of files) {
      if (done.has(m.name)) continue;
      await admin.query('BEGIN');
      try {
        await admin.query(`SET LOCAL ROLE ${OWNER_ROLE}`);
        await admin.query(m.sql);
        await admin.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
          m.name,
          m.checksum,
        ]);
        await admin.query('COMMIT');
        applied.push(m.name);
      } catch (e) {
        await admin.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727200)');
  }
  return applied;
}

/**
 * The app login as seen by the database: refuse to run if it could bypass row-level security — by its own
 * attributes, or through a role it is a member of (directly or not): with membership in the owner role it
 * could `SET ROLE` and rewrite the audit log.
 */
export async function assertAppRoleIsSafe(app: pg.ClientBase): Promise<void> {
  const { rows } = await app.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
    `SELECT r.rolsuper, r.rolbypassrls,
            (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const r = rows[0];
  if (!r) throw new Error('cannot read the app role from pg_roles');
  const who = (await app.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u;
  if (r.rolsuper || r.rolbypassrls || r.owned > 0) {
    throw new Error(
      `refusing to start: the database login "${who}" ` +
        `is ${r.rolsuper ? 'a superuser' : r.rolbypassrls ? 'BYPASSRLS' : `the owner of ${r.owned} tables`}; ` +
        'row-level security would not bind it. Use a NOSUPERUSER NOBYPASSRLS login that owns no table.',
    );
  }
  const { rows: granted } = await app.query<{ rolname: string }>(
    `SELECT g.rolname FROM pg_roles g
      WHERE g.rolname <> current_user AND pg_has_role(current_user, g.oid, 'MEMBER')
        AND (g.rolname = $1 OR g.rolsuper OR g.rolbypassrls
             OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = g.oid AND c.relnamespace = 'public'::regnamespace))
      ORDER BY 1`,
    [OWNER_ROLE],
  );
  if (granted.length > 0) {
    throw new Error(
      `refusing to start: the database login "${who}" is a member of ${granted.map((g) => `"${g.rolname}"`).join(', ')} ` +
        '(a superuser, BYPASSRLS or table-owning role): it could SET ROLE past row-level security and the audit log. ' +
        'Revoke that membership, direct or through another role (see pg_auth_members).',
    );
  }
}

/** URL of the app login derived from the admin URL (same host and database). */
export function appUrlFrom(adminUrl: string, appPassword: string): string {
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(appPassword);
  return url.toString();
}
