import { DEFAULT_SESSION_POLICY, GOVERNMENT_PASSWORD_POLICY } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOfSession, sessionIdOf } from '../../src/modules/auth/session-store.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/seed.ts';
import { beginRequest } from '../../src/platform/request-begin.ts';
import { setScope } from '../../src/platform/scope-settings.ts';
import { createTestApp, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

/**
 * The request start sets the user scope in its one round trip when it can (issue 10 §8: one round trip
 * less per request). What it sets must be exactly what `setScope` sets from the actor Node resolves.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const SETTINGS = { password: GOVERNMENT_PASSWORD_POLICY, session: DEFAULT_SESSION_POLICY };
const GUCS = ['app.context', 'app.user_id', 'app.scope_mode', 'app.scope_path', 'app.cadre_id', 'app.roles'];
const tokenOf = (s: Session) => s.cookie.replace(/^sid=/, '');

async function settingsNow(client: { query: (q: string, p: unknown[]) => Promise<{ rows: unknown[] }> }) {
  const { rows } = await client.query(
    `SELECT array_agg(current_setting(n, true) ORDER BY o) AS v FROM unnest($1::text[]) WITH ORDINALITY AS g(n, o)`,
    [GUCS],
  );
  return (rows[0] as { v: string[] }).v;
}

describe('[platform] the request start sets the user scope as setScope would', () => {
  it('for every demo account: the same six settings, from the row as from the actor', async () => {
    expect(DEMO_ACCOUNTS.length).toBeGreaterThan(4);
    for (const account of DEMO_ACCOUNTS) {
      const s = await loginAs(t, account.username);
      const id = sessionIdOf(tokenOf(s));
      const client = await t.db.pool.connect();
      try {
        const fast = await beginRequest(client, id, { withUserScope: true });
        expect([account.username, fast.userScopeSet, Boolean(fast.session)]).toEqual([
          account.username,
          true,
          true,
        ]);
        const fromRow = await settingsNow(client);
        await client.query('ROLLBACK');

        const slow = await beginRequest(client, id);
        expect(slow.userScopeSet).toBe(false);
        expect((await settingsNow(client))[0]).toBe('system');
        const actor = await actorOfSession(client, slow.session, t.clock.now(), SETTINGS);
        if (!actor || actor === 'expired') throw new Error(`no actor for ${account.username}`);
        await setScope(client, actor);
        const fromActor = await settingsNow(client);
        await client.query('ROLLBACK');

        expect([account.username, ...fromRow]).toEqual([account.username, ...fromActor]);
        expect(fromRow[0]).toBe('user');
        expect(fromRow[1]).toBe(s.userId);
      } finally {
        client.release();
      }
    }
  });

  it('an unknown session or a deactivated account sets no user scope: the system context stays', async () => {
    const client = await t.db.pool.connect();
    try {
      const unknown = await beginRequest(client, 'a'.repeat(64), { withUserScope: true });
      expect([unknown.session, unknown.userScopeSet]).toEqual([undefined, false]);
      expect((await settingsNow(client))[0]).toBe('system');
      await client.query('ROLLBACK');

      const s = await loginAs(t, 'street2');
      await t.db.admin.query(`UPDATE users SET active = false WHERE username = 'street2'`);
      const inactive = await beginRequest(client, sessionIdOf(tokenOf(s)), { withUserScope: true });
      expect([inactive.session, inactive.userScopeSet]).toEqual([undefined, false]);
      expect((await settingsNow(client))[0]).toBe('system');
      await client.query('ROLLBACK');
    } finally {
      client.release();
      await t.db.admin.query(`UPDATE users SET active = true WHERE username = 'street2'`);
    }
  });

  it('a session touched on the way (the system context back for the write) still reads in its own scope', async () => {
    const s = await loginAs(t, 'street1');
    // the settings are cached by the login; the idle window's 1/60 (30 s) passes: this request touches
    await injectAs(t, s, { method: 'GET', url: '/api/auth/me' });
    t.clock.advance(31_000);
    const before = await t.db.admin.query<{ last_seen_at: Date }>(
      'SELECT last_seen_at FROM sessions WHERE id = $1',
      [sessionIdOf(tokenOf(s))],
    );
    const res = await injectAs(t, s, { method: 'GET', url: '/api/cadres?pageSize=200' });
    expect(res.statusCode, res.body).toBe(200);
    const after = await t.db.admin.query<{ last_seen_at: Date }>(
      'SELECT last_seen_at FROM sessions WHERE id = $1',
      [sessionIdOf(tokenOf(s))],
    );
    expect(after.rows[0]!.last_seen_at.getTime()).toBe(t.clock.now().getTime());
    expect(after.rows[0]!.last_seen_at.getTime()).toBeGreaterThan(before.rows[0]!.last_seen_at.getTime());
    // only street1's subtree: every unit on the page is under the account's unit
    const { rows } = await t.db.admin.query<{ path: string }>(
      `SELECT o.path::text AS path FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.username = 'street1'`,
    );
    const own = rows[0]!.path;
    const items = res.json<{ items: { orgId: string }[]; total: number }>();
    expect(items.total).toBeGreaterThan(0);
    const { rows: units } = await t.db.admin.query<{ path: string }>(
      'SELECT path::text AS path FROM orgs WHERE id = ANY($1::uuid[])',
      [[...new Set(items.items.map((i) => i.orgId))]],
    );
    for (const u of units) expect(u.path === own || u.path.startsWith(`${own}.`)).toBe(true);
    const all = await t.db.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cadres c WHERE c.deactivated_at IS NULL AND c.org_path <@ $1::ltree`,
      [own],
    );
    expect(items.total).toBe(all.rows[0]!.n);
  });
});
