import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { backupDatabase, restoreDatabase } from '../src/backup/backup.ts';
import { migrateDatabase } from '../src/db/database.ts';
import { verifyChain } from '../src/modules/audit/repository.ts';
import { TEST_APP_PASSWORD, withDatabase } from './db-urls.ts';
import { createTestApp, injectAs, loginAs, type TestApp } from './helpers.ts';

let t: TestApp;
let dir: string;
const target = `ganbu_restore_${process.pid}`;
beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'ganbu-backup-'));
});
afterAll(async () => {
  await t.close();
  const c = new pg.Client({ connectionString: withDatabase(inject('adminBaseUrl'), 'postgres') });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
  await c.end();
  rmSync(dir, { recursive: true, force: true });
});

async function snapshot(client: pg.ClientBase) {
  const { rows } = await client.query<{ t: string }>(
    `SELECT relname AS t FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const r of rows)
    counts[r.t] = Number(
      (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${r.t}"`)).rows[0]?.n,
    );
  const head = await client.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  return { counts, head: head.rows[0]?.hash };
}

describe('[platform] backup and restore (SECURITY 29)', () => {
  it('restores every table row count and the audit chain head into an empty database', async () => {
    const s = await loginAs(t, 'orgdept');
    await injectAs(t, s, {
      method: 'PATCH',
      url: `/api/orgs/${(await t.db.admin.query<{ id: string }>(`SELECT id FROM orgs WHERE kind = 'village' LIMIT 1`)).rows[0]?.id}`,
      payload: { name: '备份测试村' },
    });
    const file = join(dir, 'ganbu.backup');
    await backupDatabase(t.db.adminUrl, file);
    const source = await snapshot(t.db.admin);

    const base = inject('adminBaseUrl');
    const maint = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
    await maint.connect();
    await maint.query(`CREATE DATABASE ${target} TEMPLATE template0 ENCODING 'UTF8'`);
    await maint.end();
    const targetUrl = withDatabase(base, target);
    await migrateDatabase(targetUrl, TEST_APP_PASSWORD);
    const restored = await restoreDatabase(targetUrl, file);
    expect(restored.orgs).toBe(source.counts.orgs);

    const c = new pg.Client({ connectionString: targetUrl });
    await c.connect();
    const copy = await snapshot(c);
    expect(copy).toEqual(source);
    expect((await verifyChain(c)).firstBrokenId).toBeNull();
    // the chain continues: a new row links to the restored head
    await c.query(
      `SELECT audit_append(now(), NULL, 'test', '{}', 'after.restore', NULL, NULL, 'success', NULL, NULL, NULL)`,
    );
    expect((await verifyChain(c)).firstBrokenId).toBeNull();
    // a second restore into the now non-empty database is refused and changes nothing
    await expect(restoreDatabase(targetUrl, file)).rejects.toThrow(/not empty/);
    await c.end();
  });
});
