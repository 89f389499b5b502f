import { can, type Role } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationFiles } from '../../src/db/bootstrap.ts';
import { totpCode } from '../../src/modules/auth/totp.ts';
import { testTotpSecret } from '../db-urls.ts';
import { createTestApp, expectError, injectAs, loginAs, type TestApp } from '../helpers.ts';
import {
  buildFixture,
  isDocsRoute,
  loadMatrices,
  urlFor,
  type Fixture,
  type ModuleMatrix,
} from '../scope-matrix.ts';

let t: TestApp;
let fx: Fixture;
let matrices: Map<string, ModuleMatrix>;
beforeAll(async () => {
  t = await createTestApp();
  fx = await buildFixture(t.db);
  matrices = await loadMatrices();
});
afterAll(async () => t.close());

describe('[platform] 三员分立 (SECURITY 6)', () => {
  for (const role of ['sysadmin', 'secadmin', 'auditor'] as Role[]) {
    it(`${role} is refused every route its role does not grant`, async () => {
      let refused = 0;
      for (const route of t.app.routeTable.filter((r) => !isDocsRoute(r.url))) {
        const permission = route.config.permission;
        if (!permission || can([role], permission)) continue;
        for (const req of matrices.get(route.module ?? '')?.[`${route.method} ${route.url}`]?.requests(fx) ??
          []) {
          const s = await loginAs(t, role);
          const { id, params, ...rest } = req;
          const res = await injectAs(t, s, {
            ...rest,
            method: route.method,
            url: urlFor(route.url, id, params),
          });
          expectError(res, 403, 'FORBIDDEN');
          refused++;
        }
      }
      expect(refused).toBeGreaterThan(3);
    });
  }

  it('the auditor cannot change users or data; sysadmin cannot read the audit log; only secadmin grants roles', () => {
    expect(can(['auditor'], 'user.write') || can(['auditor'], 'org.write')).toBe(false);
    expect(can(['sysadmin'], 'audit.read')).toBe(false);
    expect(
      (['sysadmin', 'secadmin', 'auditor', 'orgdept', 'unit_admin', 'leader', 'cadre'] as Role[]).filter(
        (r) => can([r], 'role.grant'),
      ),
    ).toEqual(['secadmin']);
  });

  it('refuses two admin roles on one account with 409 and changes nothing', async () => {
    const sec = await loginAs(t, 'secadmin');
    const { rows } = await t.db.admin.query<{ id: string; roles: string[] }>(
      `SELECT id, roles FROM users WHERE username = 'leader'`,
    );
    const res = await injectAs(t, sec, {
      method: 'POST',
      url: `/api/users/${rows[0]?.id}/roles`,
      payload: { roles: ['sysadmin', 'auditor'], scopeMode: 'all' },
    });
    expectError(res, 409, 'SEPARATION_OF_DUTIES');
    const after = await t.db.admin.query<{ roles: string[] }>(
      `SELECT roles FROM users WHERE username = 'leader'`,
    );
    expect(after.rows[0]?.roles).toEqual(rows[0]?.roles);
    // the database refuses it too
    await expect(
      t.db.admin.query(`UPDATE users SET roles = '{secadmin,auditor}' WHERE username = 'leader'`),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('[platform] an admin role stands alone on its account (SECURITY 6, 33)', () => {
  it('refuses an admin role combined with a business role with 409, and the database refuses it too', async () => {
    const sec = await loginAs(t, 'secadmin');
    const { rows } = await t.db.admin.query<{ id: string; roles: string[]; scope_mode: string }>(
      `SELECT id, roles, scope_mode FROM users WHERE username = 'leader'`,
    );
    const leader = rows[0]!;
    for (const roles of [
      ['auditor', 'orgdept'],
      ['sysadmin', 'orgdept'],
      ['secadmin', 'leader'],
      ['cadre', 'auditor'],
    ]) {
      const res = await injectAs(t, sec, {
        method: 'POST',
        url: `/api/users/${leader.id}/roles`,
        payload: { roles, scopeMode: 'all' },
      });
      expectError(res, 409, 'SEPARATION_OF_DUTIES');
    }
    const after = await t.db.admin.query<{ roles: string[]; scope_mode: string }>(
      `SELECT roles, scope_mode FROM users WHERE username = 'leader'`,
    );
    expect(after.rows[0]).toEqual({ roles: ['leader'], scope_mode: 'all' });
    for (const roles of [
      '{auditor,orgdept}',
      '{sysadmin,orgdept}',
      '{secadmin,cadre}',
      '{auditor,auditor}',
    ]) {
      await expect(
        t.db.admin.query(`UPDATE users SET roles = $1 WHERE username = 'leader'`, [roles]),
        roles,
      ).rejects.toThrow(/users_admin_role_alone/);
    }
    // business roles still combine, and an admin role alone is still granted
    const ok = await injectAs(t, sec, {
      method: 'POST',
      url: `/api/users/${leader.id}/roles`,
      payload: { roles: ['leader', 'orgdept'], scopeMode: 'all' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ roles: string[] }>().roles).toEqual(['leader', 'orgdept']);
    const alone = await injectAs(t, sec, {
      method: 'POST',
      url: `/api/users/${leader.id}/roles`,
      payload: { roles: ['auditor', 'auditor'], scopeMode: 'all' },
    });
    expect(alone.statusCode, alone.body).toBe(200);
    expect(alone.json<{ roles: string[] }>().roles).toEqual(['auditor']);
  });
});

describe('[platform] migration 0012 repairs an account that combined roles', () => {
  it('keeps only the admin role, ends its sessions and installs the constraint', async () => {
    const migration = migrationFiles().find((m) => m.name.startsWith('0012_'));
    expect(migration).toBeDefined();
    await loginAs(t, 'auditor');
    const a = t.db.admin;
    await a.query(`ALTER TABLE users DROP CONSTRAINT users_admin_role_alone`);
    await a.query(`UPDATE users SET roles = '{orgdept,auditor}' WHERE username = 'auditor'`);
    // its first part (the rest creates a table that exists already)
    const [roles, rest] = migration!.sql.split(
      '-- ---------------------------------------------------------------- refused',
    );
    expect(rest).toBeDefined();
    await a.query('BEGIN');
    try {
      await a.query('SET LOCAL ROLE ganbu_owner');
      await a.query(roles!);
      await a.query('COMMIT');
    } catch (e) {
      await a.query('ROLLBACK');
      throw e;
    }
    const { rows } = await a.query<{ roles: string[]; sessions: number }>(
      `SELECT roles, (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id) AS sessions
         FROM users u WHERE username = 'auditor'`,
    );
    expect(rows[0]).toEqual({ roles: ['auditor'], sessions: 0 });
    const { rows: cons } = await a.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass AND pg_get_constraintdef(oid) LIKE '%sysadmin%'`,
    );
    expect(cons.map((c) => c.conname)).toEqual(['users_admin_role_alone']);
  });
});

describe('[platform] no scope escalation', () => {
  it('a security administrator confined to a street cannot grant 全部', async () => {
    const { rows } = await t.db.admin.query<{ id: string }>(
      `INSERT INTO users (username, display_name, org_id, org_path, roles, scope_mode, password_hash, totp_secret, must_change_password)
       SELECT 'sec_street', 'sec', u.org_id, u.org_path, '{secadmin}', 'subtree', u.password_hash,
              (SELECT totp_secret FROM users WHERE username = 'secadmin'), false
         FROM users u WHERE u.username = 'street1' RETURNING id`,
    );
    expect(rows).toHaveLength(1);
    const login = async () => {
      t.clock.advance(30_000);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: {
          username: 'sec_street',
          password: 'Demo#2026',
          totp: totpCode(testTotpSecret('secadmin'), t.clock.now()),
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return {
        username: 'sec_street',
        cookie: `sid=${res.cookies.find((c) => c.name === 'sid')?.value}`,
        csrf: res.json<{ csrfToken: string }>().csrfToken,
        userId: '',
      };
    };
    const s = await login();
    const target = await t.db.admin.query<{ id: string }>(`SELECT id FROM users WHERE username = 'street1'`);
    const res = await injectAs(t, s, {
      method: 'POST',
      url: `/api/users/${target.rows[0]?.id}/roles`,
      payload: { roles: ['orgdept'], scopeMode: 'all' },
    });
    expectError(res, 403, 'FORBIDDEN');
    const after = await t.db.admin.query<{ scope_mode: string; roles: string[] }>(
      `SELECT scope_mode, roles FROM users WHERE username = 'street1'`,
    );
    expect(after.rows[0]).toEqual({ scope_mode: 'subtree', roles: ['unit_admin'] });
    const ok = await injectAs(t, s, {
      method: 'POST',
      url: `/api/users/${target.rows[0]?.id}/roles`,
      payload: { roles: ['unit_admin', 'leader'], scopeMode: 'unit' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
