import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openAppPool } from '../src/db/database.ts';
import { startEmbedded, type EmbeddedDb } from '../src/db/embedded.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createFieldCipher } from '../src/platform/field-cipher.ts';
import {
  TEST_ADMIN_SECRETS,
  TEST_APP_PASSWORD,
  TEST_ENCRYPTION_KEY,
  TEST_SEED_TIME,
  withDatabase,
} from './db-urls.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminBaseUrl: string;
    templateDb: string;
  }
}

/**
 * One database server per run (embedded PostgreSQL, or DATABASE_URL), one migrated template database
 * with the demo district; each test file clones it (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDb | null = null;
  let dataDir: string | null = null;
  let adminBaseUrl = process.env.DATABASE_URL;
  if (!adminBaseUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'ganbu-test-'));
    chmodSync(dataDir, 0o755); // the postgres OS user must reach it
    embedded = await startEmbedded({ dataDir, password: 'test-superuser', port: 0, log: () => undefined });
    adminBaseUrl = embedded.url('postgres');
  }
  const templateDb = `ganbu_tpl_${process.pid}`;
  const maint = new pg.Client({ connectionString: withDatabase(adminBaseUrl, 'postgres') });
  await maint.connect();
  await maint.query(`DROP DATABASE IF EXISTS ${templateDb}`);
  await maint.query(`CREATE DATABASE ${templateDb} ENCODING 'UTF8' TEMPLATE template0`);
  await maint.end();
  const templateUrl = withDatabase(adminBaseUrl, templateDb);
  await migrateDatabase(templateUrl, TEST_APP_PASSWORD);
  const pool = await openAppPool(templateUrl, TEST_APP_PASSWORD, 2);
  await seedDemo(pool, createFieldCipher(TEST_ENCRYPTION_KEY), {
    now: TEST_SEED_TIME,
    adminSecrets: TEST_ADMIN_SECRETS,
  });
  await pool.end();

  project.provide('adminBaseUrl', adminBaseUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    const c = new pg.Client({ connectionString: withDatabase(adminBaseUrl, 'postgres') });
    await c.connect();
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`ganbu_t_${process.pid}_%`, templateDb],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await c.end();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
