import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { TEST_ENCRYPTION_KEY } from '../db-urls.ts';
import { createTestApp, injectAs, loginAs, type TestApp } from '../helpers.ts';

/** Issue 9 item 14: safer defaults of the HTTP surface. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Another app on the same test database, with other settings. */
async function appWith(config: Parameters<typeof buildApp>[0]['config']) {
  const app = await buildApp({
    pool: t.db.pool,
    cipher: createFieldCipher(TEST_ENCRYPTION_KEY),
    clock: t.clock.now,
    logger: false,
    config,
  });
  await app.ready();
  return app;
}

const DOCS = [
  '/api/docs',
  '/api/docs/json',
  '/api/docs/static/index.html',
  '/api/docs/static/swagger-initializer.js',
];

describe('[platform] API documentation needs a login unless API_DOCS_PUBLIC=true', () => {
  it('without a session every docs address answers 401; with one, the document', async () => {
    for (const url of DOCS) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([url, res.statusCode, res.json<{ code: string }>().code]).toEqual([url, 401, 'UNAUTHENTICATED']);
    }
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/docs/json',
      headers: { cookie: 'sid=nope' },
    });
    expect(stale.statusCode).toBe(401);
    const s = await loginAs(t, 'leader');
    const doc = await injectAs(t, s, { method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json<{ paths: Record<string, unknown> }>().paths).toHaveProperty(['/api/cadres']);
    const ui = await injectAs(t, s, { method: 'GET', url: '/api/docs' });
    expect([ui.statusCode, ui.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('an account that must first change its password is refused as on other routes', async () => {
    await t.db.admin.query(`UPDATE users SET must_change_password = true WHERE username = 'cadre'`);
    try {
      const s = await loginAs(t, 'cadre');
      const res = await injectAs(t, s, { method: 'GET', url: '/api/docs/json' });
      expect([res.statusCode, res.json<{ code: string }>().code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    } finally {
      await t.db.admin.query(`UPDATE users SET must_change_password = false WHERE username = 'cadre'`);
    }
  });

  it('API_DOCS_PUBLIC=true opens it; the setting is off unless said', async () => {
    expect(readConfig({}).apiDocsPublic).toBe(false);
    expect(readConfig({ API_DOCS_PUBLIC: 'true' }).apiDocsPublic).toBe(true);
    expect(readConfig({ API_DOCS_PUBLIC: '1' }).apiDocsPublic).toBe(false);
    const app = await appWith({ apiDocsPublic: true });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('[platform] API answers are not cached', () => {
  it('every /api answer says no-store: records, errors, login; a photo keeps its own header', async () => {
    const s = await loginAs(t, 'orgdept');
    const { rows } = await t.db.admin.query<{ id: string }>(`SELECT id FROM cadres ORDER BY id LIMIT 1`);
    const id = (rows[0] as { id: string }).id;
    const photo = (await t.db.admin.query<{ cadre_id: string }>(`SELECT cadre_id FROM cadre_photos LIMIT 1`))
      .rows[0]?.cadre_id as string;
    const answers = [
      await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}` }),
      await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}?reveal=true` }),
      await injectAs(t, s, { method: 'GET', url: '/api/cadres?pageSize=5' }),
      await injectAs(t, s, { method: 'GET', url: '/api/auth/me' }),
      await t.app.inject({ method: 'GET', url: '/api/cadres' }),
      await t.app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'orgdept', password: 'wrong-password-1A' },
      }),
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await injectAs(t, s, { method: 'GET', url: `/api/cadres/${photo}/photo` }),
    ];
    expect(answers.map((r) => [r.statusCode, r.headers['cache-control']])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [401, 'no-store'],
      [404, 'no-store'],
      [401, 'no-store'],
      [200, 'no-store'],
      [200, 'private, no-store'],
    ]);
  });
});

describe('[platform] the web app: a missing asset is 404, a client route is the app, /ballot its own page', () => {
  it('answers /assets/* that do not exist with 404, not with index.html', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ganbu-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'ballot.html'), '<!doctype html><title>ballot</title>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
    const app = await appWith({ webDist: dist });
    try {
      const get = (url: string) => app.inject({ method: 'GET', url });
      const missing = await get('/assets/index-old.js');
      expect([missing.statusCode, missing.headers['content-type']]).toEqual([
        404,
        'application/json; charset=utf-8',
      ]);
      expect((await get('/assets/nested/gone.css')).statusCode).toBe(404);
      const present = await get('/assets/index-abc.js');
      expect([present.statusCode, present.body]).toEqual([200, 'console.log(1)']);
      for (const url of ['/', '/cadres/1234', '/ballots', '/assessment/my-ballots']) {
        const page = await get(url);
        expect([url, page.statusCode, page.body]).toEqual([url, 200, '<!doctype html><title>app</title>']);
      }
      // the public ballot is an entry of its own, so a phone loads only what the ballot needs
      for (const url of ['/ballot', '/ballot/', '/ballot?from=qr']) {
        const page = await get(url);
        expect([url, page.statusCode, page.body]).toEqual([url, 200, '<!doctype html><title>ballot</title>']);
      }
    } finally {
      await app.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('[cadre] an ID number registered in a unit the user cannot see is not revealed', () => {
  it('creating with it answers exactly as with one in scope, naming nothing', async () => {
    const orgdept = await loginAs(t, 'orgdept');
    const street1 = await loginAs(t, 'street1');
    // one cadre of street 1 (in scope) and one of street 2 (not), with their unit of street 1 to create in
    const { rows } = await t.db.admin.query<{ username: string; id: string; org_id: string }>(
      `SELECT u.username, c.id, own.id AS org_id
         FROM users u
         JOIN LATERAL (SELECT c.id FROM cadres c WHERE c.org_path <@ u.org_path AND c.id_number_enc IS NOT NULL
                        AND c.deactivated_at IS NULL ORDER BY c.id LIMIT 1) c ON true
         JOIN users s1 ON s1.username = 'street1'
         JOIN orgs own ON own.id = s1.org_id
        WHERE u.username IN ('street1', 'street2') ORDER BY u.username`,
    );
    const record = async (id: string) =>
      (await injectAs(t, orgdept, { method: 'GET', url: `/api/cadres/${id}?reveal=true` })).json<{
        name: string;
        orgName: string;
        gender: string;
        birthDate: string;
        idNumber: string;
      }>();
    const [mine, foreign] = await Promise.all(rows.map((r) => record(r.id)));
    const orgId = rows[0]?.org_id as string;
    const create = (r: typeof mine) =>
      injectAs(t, street1, {
        method: 'POST',
        url: '/api/cadres',
        payload: { orgId, name: '新登记', gender: r?.gender, birthDate: r?.birthDate, idNumber: r?.idNumber },
      });
    const before = (await t.db.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM cadres')).rows[0];
    const here = await create(mine);
    const there = await create(foreign);
    const expected = {
      code: 'CONFLICT',
      message: '该身份证号不能登记：已登记或不在您的数据范围内，请核对或联系组织部',
    };
    expect([here.statusCode, here.json()]).toEqual([409, expected]);
    expect([there.statusCode, there.json()]).toEqual([409, expected]);
    for (const word of [foreign?.name, foreign?.orgName, rows[1]?.id, '其他单位'])
      expect(there.body).not.toContain(word as string);
    expect((await t.db.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM cadres')).rows[0]).toEqual(
      before,
    );
  });
});
