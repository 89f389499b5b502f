import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/audit/chain.ts';
import { purgeAudit } from '../../src/modules/audit/retention.ts';
import { createTestApp, expectError, injectAs, loginAs, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[audit] append-only, hash-chained (SECURITY 12–15)', () => {
  it('the app role cannot UPDATE, DELETE, TRUNCATE or INSERT the audit log', async () => {
    const c = await t.db.pool.connect();
    try {
      await expect(c.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
      await expect(
        c.query(
          `INSERT INTO audit_log (at, action, result, prev_hash, hash) VALUES (now(), 'x', 'success', '', '')`,
        ),
      ).rejects.toThrow(/permission denied/);
    } finally {
      c.release();
    }
  });

  it('records a write with actor, role, object, before/after and client address', async () => {
    const s = await loginAs(t, 'orgdept');
    const orgs = (await injectAs(t, s, { method: 'GET', url: '/api/orgs' })).json<{
      items: { id: string; name: string; kind: string }[];
    }>().items;
    const village = orgs.find((o) => o.kind === 'village');
    const res = await injectAs(t, s, {
      method: 'PATCH',
      url: `/api/orgs/${village?.id}`,
      payload: { difficulty: '1.35' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await t.db.admin.query(
      `SELECT actor_username, actor_roles, action, object_type, object_id, result, client_address, before->>'difficulty' AS b, after->>'difficulty' AS a
         FROM audit_log WHERE action = 'org.update' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({
      actor_username: 'orgdept',
      actor_roles: ['orgdept'],
      object_type: 'org',
      object_id: village?.id,
      result: 'success',
      client_address: '127.0.0.1',
      a: '1.35',
    });
  });

  it('the auditor reads and filters the log; others cannot; export is an xlsx', async () => {
    const auditor = await loginAs(t, 'auditor');
    const list = await injectAs(t, auditor, { method: 'GET', url: '/api/audit?actor=orgdept&action=org.' });
    expect(list.statusCode).toBe(200);
    const body = list.json<{ items: { actorUsername: string; action: string }[]; total: number }>();
    expect(body.total).toBeGreaterThan(0);
    for (const e of body.items) expect(e.actorUsername).toBe('orgdept');
    for (const e of body.items) expect(e.action.startsWith('org.')).toBe(true);
    const xlsx = await injectAs(t, auditor, { method: 'GET', url: '/api/audit/export.xlsx?actor=orgdept' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('审计日志');
    const all = (await injectAs(t, auditor, { method: 'GET', url: '/api/audit?actor=orgdept' })).json<{
      total: number;
    }>();
    expect(sheet?.getRow(1).getCell(3).value).toBe('操作人');
    expect((sheet?.rowCount ?? 0) - 1).toBe(all.total);
    sheet?.eachRow((row, n) => {
      if (n > 1) expect(row.getCell(3).value).toBe('orgdept');
    });
    const sys = await loginAs(t, 'sysadmin');
    expectError(await injectAs(t, sys, { method: 'GET', url: '/api/audit' }), 403, 'FORBIDDEN');
  });

  it('verify finds the first broken link after the owner edits a row', async () => {
    expect((await verifyChain(t.db.admin, t.app.cipher)).firstBrokenId).toBeNull();
    const { rows } = await t.db.admin.query<{ id: string }>(
      `SELECT id::text FROM audit_log ORDER BY id LIMIT 1 OFFSET 2`,
    );
    const victim = rows[0]?.id as string;
    await t.db.admin.query(`UPDATE audit_log SET actor_username = 'mallory' WHERE id = $1`, [victim]);
    const result = await verifyChain(t.db.admin, t.app.cipher);
    expect(result.firstBrokenId).toBe(victim);
    const auditor = await loginAs(t, 'auditor');
    const api = await injectAs(t, auditor, { method: 'GET', url: '/api/audit/verify' });
    expect(api.json()).toMatchObject({ ok: false, firstBrokenId: victim });
  });

  it('never purges rows younger than 180 days', async () => {
    const now = new Date('2027-06-01T00:00:00Z');
    await expect(purgeAudit(t.db.admin, { before: new Date('2027-01-01T00:00:00Z'), now })).rejects.toThrow(
      /180/,
    );
    const before = (await t.db.admin.query('SELECT count(*)::int AS n FROM audit_log')).rows[0] as {
      n: number;
    };
    const res = await purgeAudit(t.db.admin, { before: new Date('2026-11-01T00:00:00Z'), now });
    expect(res.deleted).toBe(0);
    const after = (await t.db.admin.query('SELECT count(*)::int AS n FROM audit_log')).rows[0] as {
      n: number;
    };
    expect(after.n).toBe(before.n);
  });
});
