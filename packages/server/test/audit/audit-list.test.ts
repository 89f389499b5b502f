import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, AUDIT_ROUTE_LABELS, ROUND_ACTIONS } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/platform/audit-writer.ts';
import { TEST_ADMIN_PASSWORD } from '../db-urls.ts';
import { createTestApp, injectAs, loginAs, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // a log past 2,000 rows (the export's batch size) and past id 1000, as in the district's 2,158-row log
  const c = await t.db.pool.connect();
  try {
    await c.query('BEGIN');
    const actions = ['auth.login', 'POST /api/auth/login', 'cadre.reveal', 'assessment.new.thing'];
    for (let i = 0; i < 2200; i++) {
      await appendAudit(c, {
        action: actions[i % actions.length]!,
        objectType: i % 4 === 1 ? null : 'user',
        objectId: String(i),
        result: i % 4 === 1 ? 'failure' : 'success',
        at: new Date(Date.UTC(2026, 10, 5, 8, 0, 0, i)),
        actor: null,
        clientAddress: null,
        sealWith: t.app.cipher,
      });
    }
    await c.query('COMMIT');
  } finally {
    c.release();
  }
});
afterAll(async () => t.close());

async function idsNewestFirst(): Promise<number[]> {
  const { rows } = await t.db.admin.query<{ id: string }>('SELECT id FROM audit_log ORDER BY id DESC');
  return rows.map((r) => Number(r.id));
}

describe('[audit] the list and the export in time order, every row once (issue 9 item 12)', () => {
  it('pages run newest first by the numeric id, page after page', async () => {
    const auditor = await loginAs(t, 'auditor');
    const all = await idsNewestFirst();
    expect(all.length).toBeGreaterThan(2200);
    const page = async (n: number) =>
      (await injectAs(t, auditor, { method: 'GET', url: `/api/audit?page=${n}&pageSize=50` }))
        .json<{ items: { id: string }[]; total: number }>()
        .items.map((e) => Number(e.id));
    // (listing is a read: it writes nothing, so the log stays as read above)
    expect(await page(1)).toEqual(all.slice(0, 50));
    expect(await page(2)).toEqual(all.slice(50, 100));
    expect(await page(23)).toEqual(all.slice(1100, 1150));
  });

  it('the Excel export holds every row exactly once, newest first, in Chinese', async () => {
    const auditor = await loginAs(t, 'auditor');
    const res = await injectAs(t, auditor, { method: 'GET', url: '/api/audit/export.xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('审计日志')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '时间(UTC)',
      '操作人',
      '角色',
      '操作',
      '对象类型',
      '对象',
      '结果',
      '客户端地址',
      '变更前',
      '变更后',
      '操作代码',
      '哈希',
    ]);
    const rows: { id: number; cells: string[] }[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = Array.from({ length: header.length }, (_, i) => row.getCell(i + 1).text);
      rows.push({ id: Number(cells[0]), cells });
    });
    // the export's own audit row is written after the workbook: every row before it, once each
    const all = await idsNewestFirst();
    const { rows: exportRow } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM audit_log WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1`,
    );
    const expected = all.filter((id) => id < Number(exportRow[0]?.id));
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);

    // actions, object types, results and roles as the auditor reads them; the code beside
    const byObject = new Map(rows.map((r) => [r.cells[6], r.cells]));
    expect(byObject.get('2196')?.slice(2, 8)).toEqual(['系统', '', '登录', '用户', '2196', '成功']);
    expect(byObject.get('2196')?.[11]).toBe('auth.login');
    // a route-audited entry: the route's name, its module's object type
    expect(byObject.get('2197')?.slice(4, 8)).toEqual(['登录', '用户', '2197', '失败']);
    expect(byObject.get('2197')?.[11]).toBe('POST /api/auth/login');
    expect(byObject.get('2198')?.slice(4, 6)).toEqual(['查看干部敏感信息明文', '用户']);
    // an action without a label reads as its module and code
    expect(byObject.get('2199')?.[4]).toBe('考核评价 · assessment.new.thing');
    const login = rows.find((r) => r.cells[11] === 'auth.login' && r.cells[2] === 'auditor');
    expect(login?.cells.slice(3, 5)).toEqual(['审计管理员', '登录']);
  });
});

describe('[audit] a refusal answered without an exception is not a success', () => {
  it('an admin’s password step without the TOTP code is recorded as a failure with its status', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sysadmin', password: TEST_ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    const { rows } = await t.db.admin.query<{ action: string; result: string; after: unknown }>(
      'SELECT action, result, after FROM audit_log ORDER BY id DESC LIMIT 1',
    );
    expect(rows[0]).toEqual({ action: 'POST /api/auth/login', result: 'failure', after: { status: 401 } });
  });
});

/** Every `.ts` file under the server's src (tests excluded). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

describe('[audit] every action the server writes has a readable name (issue 9 item 12)', () => {
  it('each mutating route, as the platform audits it', () => {
    const routes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api') && !['GET', 'HEAD', 'OPTIONS'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !(r in AUDIT_ROUTE_LABELS))).toEqual([]);
  });

  it('each action code in the server source (action: … and the CLI’s audit_append)', () => {
    const codes = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, '../../src'))) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!/\baction: |audit_append\(/.test(line)) continue;
        for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1]!);
        // a template: `assessment.round.${action}` over the round transitions
        if (line.includes('`assessment.round.${action}`'))
          for (const a of ROUND_ACTIONS) codes.add(`assessment.round.${a}`);
      }
    }
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((c) => !(c in AUDIT_ACTION_LABELS))).toEqual([]);
  });
});
