import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { backupDatabase, readBackupHeader, restoreDatabase } from '../../src/backup/backup.ts';
import { migrateDatabase } from '../../src/db/database.ts';
import { verifyChain } from '../../src/modules/audit/chain.ts';
import { appendAudit } from '../../src/platform/audit-writer.ts';
import { TEST_APP_PASSWORD, withDatabase } from '../db-urls.ts';
import { createTestApp, injectAs, loginAs, type TestApp } from '../helpers.ts';

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
    expect((await verifyChain(c, t.app.cipher)).firstBrokenId).toBeNull();
    // the chain continues: a new row links to the restored head
    await c.query('BEGIN');
    await appendAudit(c, {
      at: new Date(),
      actor: null,
      clientAddress: null,
      action: 'after.restore',
      sealWith: t.app.cipher,
    });
    await c.query('COMMIT');
    expect((await verifyChain(c, t.app.cipher)).firstBrokenId).toBeNull();
    // a second restore into the now non-empty database is refused and changes nothing
    await expect(restoreDatabase(targetUrl, file)).rejects.toThrow(/not empty/);
    await c.end();
  });

  it('writes the audit chain head into the backup; the restored chain is checked against it (SECURITY 34)', async () => {
    const file = join(dir, 'ganbu.backup');
    const header = await readBackupHeader(file);
    const { rows } = await t.db.admin.query<{ id: string; hash: string; mac: string }>(
      'SELECT a.id::text, a.hash, a.mac FROM audit_log a ORDER BY a.id DESC LIMIT 1',
    );
    expect(header.auditHead).toEqual(rows[0]);
    const c = new pg.Client({ connectionString: withDatabase(inject('adminBaseUrl'), target) });
    await c.connect();
    try {
      const kept = await verifyChain(c, t.app.cipher, header.auditHead ?? null);
      expect(kept).toMatchObject({ ok: true, headCheck: 'ok', firstBrokenId: null });
      // a superuser deletes the restored chain's last two rows (the head of the backup among them):
      // what is left still links up and is sealed, but it ends before the head the backup recorded
      await c.query('DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 2)');
      expect((await verifyChain(c, t.app.cipher)).ok).toBe(true);
      const cut = await verifyChain(c, t.app.cipher, header.auditHead ?? null);
      expect(cut).toMatchObject({ ok: false, headCheck: 'shorter', firstBrokenId: null });
    } finally {
      await c.end();
    }
  });
});
