import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/modules/auth/totp.ts';
import { TEST_ADMIN_PASSWORD, testTotpSecret } from '../db-urls.ts';
import { adminCount, createTestApp, expectError, injectAs, loginAs, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const login = (body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body });

describe('[auth] login and lockout (SECURITY 2)', () => {
  it('logs in with the demo password and answers /me', async () => {
    const s = await loginAs(t, 'orgdept');
    const me = await injectAs(t, s, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'orgdept',
      roles: ['orgdept'],
      scopeMode: 'all',
      mustChangePassword: false,
    });
  });

  it('refuses a wrong password with 401 BAD_CREDENTIALS and malformed input with 400', async () => {
    expectError(await login({ username: 'leader', password: 'wrong-Pass1' }), 401, 'BAD_CREDENTIALS');
    expectError(await login({ username: 'leader' }), 400, 'VALIDATION');
  });

  it('locks on the 5th wrong password for 15 minutes, with an audit row, and unknown users look the same', async () => {
    for (const username of ['street2', 'nobody_here']) {
      const answers: number[] = [];
      for (let i = 0; i < 5; i++)
        answers.push((await login({ username, password: 'Wrong#pass1' })).statusCode);
      expect(answers).toEqual([401, 401, 401, 401, 423]);
      const locked = await login({ username, password: 'Demo#2026' });
      expectError(locked, 423, 'ACCOUNT_LOCKED');
    }
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'auth.login' AND result = 'failure' AND object_id = 'street2' AND after->>'reason' = 'locked_now'`,
      ),
    ).toBe(1);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login({ username: 'street2', password: 'Demo#2026' })).statusCode).toBe(200);
  });

  it('gives similar times for unknown and known users (both run scrypt)', async () => {
    const time = async (username: string) => {
      const start = process.hrtime.bigint();
      await login({ username, password: 'Wrong#pass2' });
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const known = await time('leader');
    const unknown = await time('ghost_user');
    expect(unknown).toBeGreaterThan(known / 3);
  });
});

describe('[auth] sessions (SECURITY 3, 4)', () => {
  it('ends a session after 30 idle minutes; the old cookie then gets 401', async () => {
    const s = await loginAs(t, 'leader');
    t.clock.advance(29 * 60_000);
    expect((await injectAs(t, s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await injectAs(t, s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advance(30 * 60_000);
    expectError(await injectAs(t, s, { method: 'GET', url: '/api/auth/me' }), 401, 'SESSION_EXPIRED');
    expectError(await injectAs(t, s, { method: 'GET', url: '/api/auth/me' }), 401, 'UNAUTHENTICATED');
  });

  it('ends any session after the 12-hour absolute cap even when active', async () => {
    const s = await loginAs(t, 'leader');
    // 28 × 25 min = 11 h 40 min still alive; the 29th step reaches 12 h 05 min
    for (let i = 0; i < 29; i++) {
      t.clock.advance(25 * 60_000);
      const res = await injectAs(t, s, { method: 'GET', url: '/api/auth/me' });
      if (i < 28) expect(res.statusCode).toBe(200);
      else expectError(res, 401, 'SESSION_EXPIRED');
    }
  });

  it('issues a new session id at each login and logout deletes it server-side', async () => {
    const a = await loginAs(t, 'orgdept');
    const b = await loginAs(t, 'orgdept');
    expect(a.cookie).not.toBe(b.cookie);
    expect((await injectAs(t, a, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expectError(await injectAs(t, a, { method: 'GET', url: '/api/auth/me' }), 401, 'UNAUTHENTICATED');
    expect((await injectAs(t, b, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('sets an httpOnly SameSite cookie', async () => {
    const res = await login({ username: 'orgdept', password: 'Demo#2026' });
    const c = res.cookies.find((x) => x.name === 'sid');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });
});

describe('[auth] second factor and forced change (SECURITY 5)', () => {
  it('refuses an admin login without the TOTP code, and a replayed code', async () => {
    expectError(await login({ username: 'sysadmin', password: TEST_ADMIN_PASSWORD }), 401, 'TOTP_REQUIRED');
    t.clock.advance(60_000);
    const code = totpCode(testTotpSecret('sysadmin'), t.clock.now());
    expect(
      (await login({ username: 'sysadmin', password: TEST_ADMIN_PASSWORD, totp: code })).statusCode,
    ).toBe(200);
    expectError(
      await login({ username: 'sysadmin', password: TEST_ADMIN_PASSWORD, totp: code }),
      401,
      'TOTP_INVALID',
    );
  });

  it('makes a new account change its initial password before anything else', async () => {
    const sys = await loginAs(t, 'sysadmin');
    const orgs = await injectAs(t, sys, { method: 'GET', url: '/api/orgs' });
    const street = orgs
      .json<{ items: { id: string; kind: string }[] }>()
      .items.find((o) => o.kind === 'street');
    const created = await injectAs(t, sys, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'newbie',
        displayName: '新用户',
        orgId: street?.id,
        scopeMode: 'unit',
        initialPassword: 'Init#2026x',
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const s = await loginAs(t, 'newbie', 'Init#2026x');
    expectError(await injectAs(t, s, { method: 'GET', url: '/api/orgs' }), 403, 'PASSWORD_CHANGE_REQUIRED');
    const weak = await injectAs(t, s, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Init#2026x', newPassword: 'abcdefgh' },
    });
    expectError(weak, 400, 'PASSWORD_POLICY');
    expect(weak.json<{ details: string[] }>().details).toEqual(['TOO_FEW_CLASSES']);
    expectError(
      await injectAs(t, s, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'Init#2026x', newPassword: 'Init#2026x' },
      }),
      400,
      'PASSWORD_REUSED',
    );
    const ok = await injectAs(t, s, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Init#2026x', newPassword: 'Better#2026' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await injectAs(t, s, { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      mustChangePassword: false,
    });
  });

  it('makes an admin without TOTP enrol it before anything else, then requires the code', async () => {
    const sec = await loginAs(t, 'secadmin');
    const sys = await loginAs(t, 'sysadmin');
    const orgs = (await injectAs(t, sys, { method: 'GET', url: '/api/orgs' })).json<{
      items: { id: string }[];
    }>().items;
    const created = await injectAs(t, sys, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'sys2',
        displayName: '备用系统管理员',
        orgId: orgs[0]?.id,
        scopeMode: 'all',
        initialPassword: 'Init#2026y',
      },
    });
    const id = created.json<{ id: string }>().id;
    const granted = await injectAs(t, sec, {
      method: 'POST',
      url: `/api/users/${id}/roles`,
      payload: { roles: ['sysadmin'], scopeMode: 'all' },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const s = await loginAs(t, 'sys2', 'Init#2026y');
    await injectAs(t, s, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Init#2026y', newPassword: 'Second#2026' },
    });
    expectError(await injectAs(t, s, { method: 'GET', url: '/api/users' }), 403, 'TOTP_ENROLMENT_REQUIRED');
    const start = await injectAs(t, s, { method: 'POST', url: '/api/auth/totp/start' });
    const { secret, qrDataUrl } = start.json<{ secret: string; qrDataUrl: string }>();
    expect(qrDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const confirm = await injectAs(t, s, {
      method: 'POST',
      url: '/api/auth/totp/confirm',
      payload: { code: totpCode(secret, t.clock.now()) },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect((await injectAs(t, s, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    const raw = await t.db.admin.query<{ totp_secret: string }>(
      `SELECT totp_secret FROM users WHERE id = $1`,
      [id],
    );
    expect(raw.rows[0]?.totp_secret).toMatch(/^v1:aes:/);
    expect(raw.rows[0]?.totp_secret).not.toContain(secret);
    expectError(await login({ username: 'sys2', password: 'Second#2026' }), 401, 'TOTP_REQUIRED');
  });
});
