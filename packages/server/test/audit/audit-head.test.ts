import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readHeadFile,
  startAuditHeadKeeper,
  verifyChain,
  type AuditHead,
} from '../../src/modules/audit/chain.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { createTestApp, injectAs, loginAs, type TestApp } from '../helpers.ts';

/**
 * SECURITY 34: the audit chain is sealed with a key the database never holds, and its head is kept outside
 * the database. Each attack gets a fresh copy of the database (they destroy the chain).
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ganbu-audit-head-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withApp(fn: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await createTestApp();
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

/** `n` audited writes through the API (each renames a village: one audit row). */
async function auditedWrites(t: TestApp, n: number): Promise<void> {
  const s = await loginAs(t, 'orgdept');
  const { rows } = await t.db.admin.query<{ id: string }>(
    `SELECT id FROM orgs WHERE kind = 'village' LIMIT 1`,
  );
  for (let i = 0; i < n; i++) {
    const res = await injectAs(t, s, {
      method: 'PATCH',
      url: `/api/orgs/${rows[0]?.id}`,
      payload: { name: `审计链测试村${i}` },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function lastRows(t: TestApp, n: number): Promise<{ id: string; hash: string; mac: string }[]> {
  const { rows } = await t.db.admin.query<{ id: string; hash: string; mac: string }>(
    'SELECT a.id::text, a.hash, a.mac FROM audit_log a ORDER BY a.id DESC LIMIT $1',
    [n],
  );
  return rows.reverse();
}

/** The check the chain had before: each stored hash matches its row and links to its predecessor. */
async function plainChainBrokenAt(t: TestApp): Promise<string | null> {
  const { rows } = await t.db.admin.query<{ first_broken: string | null }>(
    `SELECT min(id) FILTER (WHERE hash <> computed OR (prev IS NOT NULL AND prev_hash <> prev))::text AS first_broken
       FROM (SELECT a.id, a.hash, a.prev_hash, audit_row_hash(a) AS computed, lag(a.hash) OVER (ORDER BY a.id) AS prev
               FROM audit_log a) t`,
  );
  return rows[0]?.first_broken ?? null;
}

/** What a superuser can do without the key: edit a row, then recompute every plain hash after it. */
async function rewriteFrom(t: TestApp, victim: string): Promise<void> {
  await t.db.admin.query(`UPDATE audit_log SET actor_username = 'mallory' WHERE id = $1`, [victim]);
  await t.db.admin.query(`DO $$ DECLARE r audit_log; prev text; BEGIN
    SELECT hash INTO prev FROM audit_log WHERE id < ${Number(victim)} ORDER BY id DESC LIMIT 1;
    FOR r IN SELECT * FROM audit_log WHERE id >= ${Number(victim)} ORDER BY id LOOP
      r.prev_hash := prev;
      r.hash := audit_row_hash(r);
      UPDATE audit_log SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
      prev := r.hash;
    END LOOP; END $$`);
}

describe('[audit] keyed chain, head outside the database (SECURITY 34)', () => {
  it('seals every row with a key the database does not hold', async () => {
    await withApp(async (t) => {
      await auditedWrites(t, 2);
      const unsealed = await t.db.admin.query('SELECT 1 FROM audit_log WHERE mac IS NULL');
      expect(unsealed.rowCount).toBe(0);
      const [last] = await lastRows(t, 1);
      const v = await verifyChain(t.db.admin, t.app.cipher);
      expect(v).toMatchObject({ ok: true, firstBrokenId: null, head: last, headCheck: 'none' });
      // another key (a copy of the database elsewhere, say) finds no seal valid, from the first row on
      const first = await t.db.admin.query<{ id: string }>('SELECT min(id)::text AS id FROM audit_log');
      const other = await verifyChain(t.db.admin, createFieldCipher(Buffer.alloc(32, 9).toString('base64')));
      expect(other).toMatchObject({ ok: false, firstBrokenId: first.rows[0]?.id });
    });
  });

  it('a tail rewritten by a superuser with recomputed plain hashes fails at the first rewritten row', async () => {
    await withApp(async (t) => {
      await auditedWrites(t, 3);
      const recordedBefore = (await verifyChain(t.db.admin, t.app.cipher)).head as AuditHead;
      await auditedWrites(t, 3);
      const recordedAfter = (await verifyChain(t.db.admin, t.app.cipher)).head as AuditHead;
      const [victim] = await lastRows(t, 2);
      await rewriteFrom(t, victim?.id as string);
      expect(await plainChainBrokenAt(t)).toBeNull(); // the unkeyed chain alone would pass
      const v = await verifyChain(t.db.admin, t.app.cipher, recordedBefore);
      expect(v).toMatchObject({ ok: false, firstBrokenId: victim?.id, headCheck: 'ok' });
      // the head recorded after the rewritten rows no longer matches its row
      const w = await verifyChain(t.db.admin, t.app.cipher, recordedAfter);
      expect(w).toMatchObject({ ok: false, firstBrokenId: victim?.id, headCheck: 'rewritten' });
      // stripping every seal makes the rows look older than the keyed chain, but not the recorded head
      await t.db.admin.query('UPDATE audit_log SET mac = NULL');
      expect((await verifyChain(t.db.admin, t.app.cipher)).firstBrokenId).toBeNull();
      const x = await verifyChain(t.db.admin, t.app.cipher, recordedBefore);
      expect(x).toMatchObject({ ok: false, headCheck: 'rewritten' });
    });
  });

  it('an unsealed row slipped in at the end stays broken when the app appends on top of it', async () => {
    await withApp(async (t) => {
      await auditedWrites(t, 1);
      await t.db.admin.query(`DO $$ DECLARE r audit_log; BEGIN
        SELECT * INTO r FROM audit_log ORDER BY id DESC LIMIT 1;
        r.prev_hash := r.hash;
        r.id := nextval('audit_log_id_seq');
        r.actor_username := 'mallory';
        r.action := 'cadre.reveal';
        r.mac := NULL;
        r.hash := audit_row_hash(r);
        INSERT INTO audit_log SELECT r.*;
      END $$`);
      const rows = await lastRows(t, 1);
      const forged = rows[0]?.id as string;
      expect(await plainChainBrokenAt(t)).toBeNull();
      await auditedWrites(t, 1);
      const v = await verifyChain(t.db.admin, t.app.cipher);
      expect(v).toMatchObject({ ok: false, firstBrokenId: forged });
    });
  });

  it('the head file follows the chain after commit, and a deleted tail is caught against it', async () => {
    await withApp(async (t) => {
      const file = join(dir, 'truncate-head.json');
      const alarms: string[] = [];
      const keeper = startAuditHeadKeeper({
        pool: t.db.pool,
        cipher: t.app.cipher,
        file,
        alarm: (m) => alarms.push(m),
        intervalMs: 3_600_000,
      });
      try {
        await auditedWrites(t, 2);
        await keeper.flush();
        expect(readHeadFile(file)).toEqual((await lastRows(t, 1))[0]);
        await auditedWrites(t, 3);
        await keeper.flush();
        const recorded = readHeadFile(file) as AuditHead;
        expect(recorded).toEqual((await lastRows(t, 1))[0]);
        expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'ganbu-audit-head' });

        // a superuser deletes the last three rows: the rest is a valid, sealed chain ...
        await t.db.admin.query(
          'DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 3)',
        );
        expect((await verifyChain(t.db.admin, t.app.cipher)).ok).toBe(true);
        // ... shorter than the recorded head
        const v = await verifyChain(t.db.admin, t.app.cipher, recorded);
        expect(v).toMatchObject({ ok: false, headCheck: 'shorter', firstBrokenId: null });
        // the keeper does not move the file back; it says so, once
        await keeper.flush();
        await keeper.flush();
        expect(readHeadFile(file)).toEqual(recorded);
        expect(alarms).toHaveLength(1);
        expect(alarms[0]).toContain(`row ${recorded.id}`);
        // new rows after the cut: the recorded row is now missing from inside the chain
        await auditedWrites(t, 2);
        await keeper.flush();
        expect(readHeadFile(file)).toEqual(recorded); // the chain no longer holds the recorded row: no move
        expect(alarms).toHaveLength(1);
        const w = await verifyChain(t.db.admin, t.app.cipher, recorded);
        expect(w).toMatchObject({ ok: false, headCheck: 'missing' });
      } finally {
        await keeper.stop();
      }
    });
  });

  it('a head file whose seal is not ours is refused', async () => {
    await withApp(async (t) => {
      const head = (await verifyChain(t.db.admin, t.app.cipher)).head as AuditHead;
      const file = join(dir, 'forged-head.json');
      writeFileSync(
        file,
        JSON.stringify({ format: 'ganbu-audit-head', ...head, id: String(BigInt(head.id) + 5n) }),
      );
      const v = await verifyChain(t.db.admin, t.app.cipher, readHeadFile(file));
      expect(v).toMatchObject({ ok: false, headCheck: 'forged' });
    });
  });

  it('the app role seals only the unsealed last row, and reads only the head (reviewed definers)', async () => {
    await withApp(async (t) => {
      await auditedWrites(t, 2);
      const [before, last] = await lastRows(t, 2);
      const c = await t.db.pool.connect();
      try {
        await expect(c.query('SELECT audit_seal($1, $2)', [last?.id, 'x'])).rejects.toThrow(
          /not the unsealed last row/,
        );
        await expect(c.query('SELECT audit_seal($1, $2)', [before?.id, 'x'])).rejects.toThrow(
          /not the unsealed last row/,
        );
        const { rows } = await c.query('SELECT * FROM audit_head($1)', [before?.id]);
        expect(rows).toEqual([
          {
            head_id: last?.id,
            head_hash: last?.hash,
            head_mac: last?.mac,
            recorded_hash: before?.hash,
            recorded_mac: before?.mac,
          },
        ]);
        await expect(c.query('UPDATE audit_log SET mac = NULL')).rejects.toThrow(/permission denied/);
      } finally {
        c.release();
      }
      expect((await lastRows(t, 2)).map((r) => r.mac)).toEqual([before?.mac, last?.mac]);
    });
  });
});
