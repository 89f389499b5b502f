import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCount,
  createTestApp,
  expectError,
  injectAs,
  loginAs,
  logLines,
  type TestApp,
} from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[platform] bad input changes nothing (SECURITY 25)', () => {
  it('unknown fields such as role or orgPath → 400 UNKNOWN_FIELD, nothing changes', async () => {
    const s = await loginAs(t, 'orgdept');
    const { rows } = await t.db.admin.query<{ id: string; path: string }>(
      `SELECT id, path::text FROM orgs WHERE kind = 'village' LIMIT 1`,
    );
    const org = rows[0] as { id: string; path: string };
    const res = await injectAs(t, s, {
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      payload: { name: '新名', path: 'QY.HACK' },
    });
    expectError(res, 400, 'UNKNOWN_FIELD');
    expect(
      await adminCount(t.db, `SELECT 1 FROM orgs WHERE id = $1 AND path::text = $2 AND name <> '新名'`, [
        org.id,
        org.path,
      ]),
    ).toBe(1);
    const sys = await loginAs(t, 'sysadmin');
    const created = await injectAs(t, sys, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'sneaky',
        displayName: 'x',
        orgId: org.id,
        scopeMode: 'unit',
        initialPassword: 'Init#2026x',
        roles: ['secadmin'],
      },
    });
    expectError(created, 400, 'UNKNOWN_FIELD');
    expect(await adminCount(t.db, `SELECT 1 FROM users WHERE username = 'sneaky'`)).toBe(0);
  });

  it('malformed JSON, wrong types and oversize bodies get stable codes and no stack trace', async () => {
    const s = await loginAs(t, 'orgdept');
    const bad = await injectAs(t, s, {
      method: 'POST',
      url: '/api/orgs',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expectError(bad, 400, 'MALFORMED_JSON');
    const types = await injectAs(t, s, {
      method: 'POST',
      url: '/api/orgs',
      payload: { parentId: 42, code: [], name: 1, kind: 'x' },
    });
    expectError(types, 400, 'VALIDATION');
    // refused before the handler, still audited (SECURITY 12): the failure with its code and address
    const audited = await t.db.admin.query<{ after: { code: string }; client_address: string | null }>(
      `SELECT after, client_address FROM audit_log WHERE action = 'POST /api/orgs' AND result = 'failure' ORDER BY id`,
    );
    expect(audited.rows.map((r) => r.after.code)).toEqual(['MALFORMED_JSON', 'VALIDATION']);
    expect(audited.rows.every((r) => r.client_address !== null)).toBe(true);
    const huge = await injectAs(t, s, {
      method: 'POST',
      url: '/api/orgs',
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expectError(huge, 413, 'BODY_TOO_LARGE');
    for (const r of [bad, types, huge]) expect(r.body).not.toMatch(/at .*\.ts:\d+|node_modules/);
    expectError(await injectAs(t, s, { method: 'GET', url: '/api/orgs/not-a-uuid' }), 400, 'VALIDATION');
    expectError(await injectAs(t, s, { method: 'GET', url: '/api/nothing-here' }), 404, 'NOT_FOUND');
  });
});

describe('[platform] cross-site defences (SECURITY 27)', () => {
  it('a state-changing request without the CSRF token → 403, nothing changes', async () => {
    const s = await loginAs(t, 'orgdept');
    const { rows } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM orgs WHERE kind = 'village' LIMIT 1`,
    );
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${rows[0]?.id}`,
      payload: { name: '跨站' },
      headers: { cookie: s.cookie },
    });
    expectError(res, 403, 'CSRF');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${rows[0]?.id}`,
      payload: { name: '跨站' },
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expectError(wrong, 403, 'CSRF');
    expect(await adminCount(t.db, `SELECT 1 FROM orgs WHERE name = '跨站'`)).toBe(0);
  });

  it('a login posted from a foreign origin → 403', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'orgdept', password: 'Demo#2026' },
      headers: { origin: 'https://evil.example', host: 'ganbu.local' },
    });
    expectError(res, 403, 'CSRF');
  });

  it('sends security headers and a CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves the OpenAPI document to a logged-in user', async () => {
    const res = await injectAs(t, await loginAs(t, 'orgdept'), { method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/orgs', '/api/health']),
    );
  });
});

describe('[platform] logs (SECURITY 16)', () => {
  it('no password, TOTP code or session cookie appears in the application log', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'orgdept', password: 'Wrong#Secret77' },
    });
    const s = await loginAs(t, 'orgdept');
    await injectAs(t, s, { method: 'POST', url: '/api/orgs', payload: { bad: 'Demo#2026' } });
    await t.app.inject({ method: 'GET', url: '/api/boom', headers: { cookie: s.cookie } });
    const all = logLines.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain('Demo#2026');
    expect(all).not.toContain('Wrong#Secret77');
    expect(all).not.toContain(s.cookie.slice(4));
  });
});
