import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { createTestApp, expectError, injectAs, loginAs, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function userRow(username: string) {
  const { rows } = await t.db.admin.query<{
    id: string;
    org_id: string;
    org_path: string;
    roles: string[];
    scope_mode: string;
    password_hash: string;
    password_history: string[];
    must_change_password: boolean;
  }>(
    `SELECT id, org_id, org_path::text, roles, scope_mode, password_hash, password_history, must_change_password
       FROM users WHERE username = $1`,
    [username],
  );
  return rows[0]!;
}

async function streets() {
  const { rows } = await t.db.admin.query<{ id: string; path: string }>(
    `SELECT id, path::text FROM orgs WHERE kind = 'street' ORDER BY sort_order, path LIMIT 2`,
  );
  return rows;
}

describe('[users] a password reset cannot take over an account (SECURITY 33)', () => {
  it('forces a change at next login and keeps the history: the old and the temporary password stay barred', async () => {
    const sys = await loginAs(t, 'sysadmin');
    const before = await userRow('leader');
    expect(before.must_change_password).toBe(false);

    const reset = await injectAs(t, sys, {
      method: 'POST',
      url: `/api/users/${before.id}/reset-password`,
      payload: { initialPassword: 'Reset#2026x' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const afterReset = await userRow('leader');
    expect(afterReset.must_change_password).toBe(true);
    // the replaced password joined the history (it was empty in the demo seed)
    expect(afterReset.password_history).toEqual([before.password_hash, ...before.password_history]);

    // the temporary password opens only the change-password page
    const s = await loginAs(t, 'leader', 'Reset#2026x');
    expectError(await injectAs(t, s, { method: 'GET', url: '/api/cadres' }), 403, 'PASSWORD_CHANGE_REQUIRED');
    const change = (newPassword: string) =>
      injectAs(t, s, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'Reset#2026x', newPassword },
      });
    // neither the password the leader had before the reset nor the temporary one may be chosen
    expectError(await change(DEMO_PASSWORD), 400, 'PASSWORD_REUSED');
    expectError(await change('Reset#2026x'), 400, 'PASSWORD_REUSED');
    const ok = await change('Fresh#2026y');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await injectAs(t, s, { method: 'GET', url: '/api/cadres?pageSize=1' })).statusCode).toBe(200);
    const changed = await userRow('leader');
    expect(changed.must_change_password).toBe(false);
    expect(changed.password_history).toEqual([afterReset.password_hash, before.password_hash]);

    // a second reset may not hand back a recent password either
    expectError(
      await injectAs(t, sys, {
        method: 'POST',
        url: `/api/users/${before.id}/reset-password`,
        payload: { initialPassword: DEMO_PASSWORD },
      }),
      400,
      'PASSWORD_REUSED',
    );
    expect((await userRow('leader')).password_hash).toBe(changed.password_hash);
    const { rows } = await t.db.admin.query<{ action: string; actor_username: string; result: string }>(
      `SELECT action, actor_username, result FROM audit_log
        WHERE action IN ('user.password.reset', 'POST /api/users/:id/reset-password') AND object_id = $1 ORDER BY id`,
      [before.id],
    );
    expect(rows).toEqual([
      { action: 'user.password.reset', actor_username: 'sysadmin', result: 'success' },
      { action: 'POST /api/users/:id/reset-password', actor_username: 'sysadmin', result: 'failure' },
    ]);
  });
});

describe('[users] moving an account to another unit is a scope grant (SECURITY 33)', () => {
  it('sysadmin cannot change a user’s unit; it still edits plain fields', async () => {
    const sys = await loginAs(t, 'sysadmin');
    const [, s2] = await streets();
    const street1 = await userRow('street1');
    const moved = await injectAs(t, sys, {
      method: 'PATCH',
      url: `/api/users/${street1.id}`,
      payload: { orgId: s2!.id },
    });
    expectError(moved, 400, 'UNKNOWN_FIELD');
    const after = await userRow('street1');
    expect({ org_id: after.org_id, org_path: after.org_path }).toEqual({
      org_id: street1.org_id,
      org_path: street1.org_path,
    });
    const renamed = await injectAs(t, sys, {
      method: 'PATCH',
      url: `/api/users/${street1.id}`,
      payload: { displayName: '街道一管理员（改）' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<{ displayName: string; orgId: string }>()).toMatchObject({
      displayName: '街道一管理员（改）',
      orgId: street1.org_id,
    });
    expectError(
      await injectAs(t, sys, {
        method: 'POST',
        url: `/api/users/${street1.id}/roles`,
        payload: { roles: ['unit_admin'], scopeMode: 'subtree', orgId: s2!.id },
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('secadmin moves the account with its grant; audited with before and after; its sessions end', async () => {
    const [s1, s2] = await streets();
    const userSession = await loginAs(t, 'street2');
    const sec = await loginAs(t, 'secadmin');
    const street2 = await userRow('street2');
    expect(street2.org_id).toBe(s2!.id);
    const res = await injectAs(t, sec, {
      method: 'POST',
      url: `/api/users/${street2.id}/roles`,
      payload: { roles: ['unit_admin'], scopeMode: 'subtree', orgId: s1!.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ orgId: string }>().orgId).toBe(s1!.id);
    const after = await userRow('street2');
    expect({ org_id: after.org_id, org_path: after.org_path }).toEqual({
      org_id: s1!.id,
      org_path: s1!.path,
    });
    const { rows } = await t.db.admin.query<{
      actor_username: string;
      before: { orgId: string };
      after: { orgId: string };
    }>(`SELECT actor_username, before, after FROM audit_log WHERE action = 'user.roles' AND object_id = $1`, [
      street2.id,
    ]);
    expect(rows.map((r) => [r.actor_username, r.before.orgId, r.after.orgId])).toEqual([
      ['secadmin', s2!.id, s1!.id],
    ]);
    expectError(
      await injectAs(t, userSession, { method: 'GET', url: '/api/cadres' }),
      401,
      'UNAUTHENTICATED',
    );
    // an unknown unit is refused and changes nothing
    expectError(
      await injectAs(t, sec, {
        method: 'POST',
        url: `/api/users/${street2.id}/roles`,
        payload: {
          roles: ['unit_admin'],
          scopeMode: 'subtree',
          orgId: '00000000-0000-4000-8000-000000000000',
        },
      }),
      404,
      'NOT_FOUND',
    );
    expect((await userRow('street2')).org_id).toBe(s1!.id);
  });
});
