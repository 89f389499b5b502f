import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  adminCount,
  createTestApp,
  injectAs,
  loginAs,
  multipartFile,
  type Session,
  type TestApp,
} from '../helpers.ts';

// The Excel import reads and parses its upload (the route's `prepare`) after the session, CSRF token
// and permission are checked, and before the request's transaction takes a pool connection.

const seen = vi.hoisted(() => ({
  pool: null as null | { totalCount: number; idleCount: number },
  checkedOut: [] as number[],
}));
vi.mock('../../src/modules/cadre/import-xlsx.ts', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/modules/cadre/import-xlsx.ts')>();
  return {
    ...m,
    readImportSheets: (bytes: Buffer) => {
      // connections of the app pool lent out while the workbook is read
      if (seen.pool) seen.checkedOut.push(seen.pool.totalCount - seen.pool.idleCount);
      return m.readImportSheets(bytes);
    },
  };
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let s: Session;
let template: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  seen.pool = t.db.pool;
  s = await loginAs(t, 'orgdept');
  template = (await injectAs(t, s, { method: 'GET', url: '/api/cadres/import/template.xlsx' })).rawPayload;
});
afterAll(async () => t.close());

const upload = (as: Session, bytes: Buffer, headers: Record<string, string> = {}) => {
  const { payload, headers: multipart } = multipartFile('干部.xlsx', bytes, XLSX);
  return t.app.inject({
    method: 'POST',
    url: '/api/cadres/import/xlsx?mode=create',
    payload,
    headers: { ...multipart, cookie: as.cookie, 'x-csrf-token': as.csrf, ...headers },
  });
};

describe('[cadre] the Excel import reads its upload before its transaction opens', () => {
  it('reads the workbook with no pool connection lent out, then checks it in the transaction', async () => {
    seen.checkedOut = [];
    const res = await upload(s, template); // the empty template: refused by the check (no rows)
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ errors: { message: string }[] }>().errors).toEqual([
      { sheet: '人员信息', row: 0, column: '', message: '人员信息表中没有数据行' },
    ]);
    expect(seen.checkedOut).toEqual([0]);

    seen.checkedOut = [];
    const bad = await upload(s, Buffer.from('not a workbook'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string }>().code).toBe('VALIDATION');
    expect(seen.checkedOut).toEqual([0]);
  });

  it('refuses a writer without the permission or the CSRF token before reading the upload; audited', async () => {
    const refusals = () =>
      adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'POST /api/cadres/import/xlsx' AND result = 'failure'`,
      );
    const before = await refusals();
    seen.checkedOut = [];
    const leader = await loginAs(t, 'leader');
    const forbidden = await upload(leader, Buffer.from('not a workbook'));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json<{ code: string }>().code).toBe('FORBIDDEN');
    const csrf = await upload(s, Buffer.from('not a workbook'), { 'x-csrf-token': 'wrong' });
    expect(csrf.statusCode).toBe(403);
    expect(csrf.json<{ code: string }>().code).toBe('CSRF');
    expect(seen.checkedOut).toEqual([]);
    expect(await refusals()).toBe(before + 2);
  });
});
