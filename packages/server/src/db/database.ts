import pg from 'pg';
import type { Config, Secrets } from '../config.ts';
import { appUrlFrom, assertAppRoleIsSafe, ensureDatabase, ensureRoles, migrate } from './bootstrap.ts';
import { startEmbedded, type EmbeddedDb } from './embedded.ts';

// numeric and bigint come back as strings; dates as 'YYYY-MM-DD' strings (no time-zone shifts)
pg.types.setTypeParser(1082, (v) => v);

export interface Database {
  adminUrl: string;
  appPool: pg.Pool;
  embedded: EmbeddedDb | null;
  close(): Promise<void>;
}

/** Admin URL of the configured database: DATABASE_URL, or the embedded server's `ganbu` database. */
export async function adminUrlFor(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  secrets: Secrets,
  log: (m: string) => void,
): Promise<{ adminUrl: string; embedded: EmbeddedDb | null }> {
  if (config.databaseUrl) return { adminUrl: config.databaseUrl, embedded: null };
  const embedded = await startEmbedded({ dataDir: config.dataDir, password: secrets.pgSuperPassword, log });
  return { adminUrl: embedded.url('ganbu'), embedded };
}

/** Run pending migrations as the owner role through the admin login. */
export async function migrateDatabase(adminUrl: string, appPassword: string): Promise<string[]> {
  await ensureDatabase(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureRoles(admin, appPassword);
    return await migrate(admin);
  } finally {
    await admin.end();
  }
}

export async function openAppPool(adminUrl: string, appPassword: string, max = 10): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: appUrlFrom(adminUrl, appPassword), max });
  // an idle connection closed by the server (shutdown, restart) must not crash the process
  pool.on('error', (e) => console.error(`[ganbu] database connection lost: ${e.message}`));
  const client = await pool.connect();
  try {
    await assertAppRoleIsSafe(client);
  } catch (e) {
    client.release();
    await pool.end();
    throw e;
  }
  client.release();
  return pool;
}

/** Start (embedded) or reach (DATABASE_URL) PostgreSQL, migrate, and open the app pool. */
export async function openDatabase(
  config: Config,
  secrets: Secrets,
  log: (m: string) => void,
): Promise<Database> {
  const { adminUrl, embedded } = await adminUrlFor(config, secrets, log);
  try {
    const applied = await migrateDatabase(adminUrl, secrets.appRolePassword);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    const appPool = await openAppPool(adminUrl, secrets.appRolePassword);
    return {
      adminUrl,
      appPool,
      embedded,
      async close() {
        await appPool.end();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
