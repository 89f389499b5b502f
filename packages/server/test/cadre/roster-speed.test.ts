import { CadreListQuerySchema } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoster, ROSTER_COUNT_CAP } from '../../src/modules/cadre/repository.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { asSystem } from '../factories/system.ts';
import { newUser, signIn } from '../factories/users.ts';
import { createTestApp, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

// The roster's speed work (issue 10 §8): the capped count, the sorts served by their own indexes, and the
// district-wide scope short-circuit in the cadres' policy. Databases run with the C.UTF-8 collation, so
// names and ranks sort by code point: 一 U+4E00 < 丁 U+4E01 < 七 U+4E03 < 万 U+4E07 < 三 U+4E09.

let t: TestApp;
let orgdept: Session;
let streetId: string;
let streetPath: string;
let otherStreetId: string;
let commA: string;
let commB: string;
const TODAY = '2026-11-02';

const q = (params: Record<string, string>) => CadreListQuerySchema.parse(params);

beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
  const street = await newOrg(t.db, { kind: 'street' });
  streetId = street.id;
  streetPath = street.path;
  // community codes in path order: A (C1) before B (C2)
  commA = (await newOrg(t.db, { parentId: street.id, code: 'C1', kind: 'community' })).id;
  commB = (await newOrg(t.db, { parentId: street.id, code: 'C2', kind: 'community' })).id;
  otherStreetId = (await newOrg(t.db, { kind: 'street' })).id;
  const people: [string, string, string][] = [
    // [unit, name, rank]
    [commB, '测试一', '二级科员'],
    [commA, '测试七', '一级科员'],
    [streetId, '测试万', '副科级'],
    [commA, '测试丁', '二级科员'],
    [commB, '测试三', '一级科员'],
  ];
  for (const [orgId, name, rank] of people) await newCadre(t.db, { orgId, name, rank });
  await newCadre(t.db, { orgId: otherStreetId, name: '测试外', rank: '一级科员' });
});
afterAll(async () => t.close());

describe('[cadre] roster count: capped at a product limit', () => {
  const inStreet = (extra: Record<string, string> = {}) => q({ orgId: streetId, ...extra });

  it('counts exactly up to the cap and says when it stopped there', async () => {
    const run = (cap: number | null, extra: Record<string, string> = {}) =>
      asSystem(t.db, (c) => listRoster(c, inStreet(extra), TODAY, undefined, undefined, cap));
    // a full page (2 of 5): the count statement, cut at cap + 1 rows
    expect((await run(3, { pageSize: '2' })).count).toEqual({ total: 3, capped: true });
    expect((await run(4, { pageSize: '2' })).count).toEqual({ total: 4, capped: true });
    expect((await run(5, { pageSize: '2' })).count).toEqual({ total: 5, capped: false });
    expect((await run(6, { pageSize: '2' })).count).toEqual({ total: 5, capped: false });
    // a short page ends the list: 2 + 2 + 1, the last page gives the count without a second statement
    expect((await run(5, { pageSize: '2', page: '3' })).count).toEqual({ total: 5, capped: false });
    // … unless it lies past the cap: then the count is capped as on every other page
    expect((await run(3, { pageSize: '20' })).count).toEqual({ total: 3, capped: true });
    // past the end: an empty page, still the count
    const past = await run(4, { pageSize: '20', page: '2' });
    expect([past.rows.length, past.count]).toEqual([0, { total: 4, capped: true }]);
    // no count asked (the exports): the page only
    const exp = await run(null, { pageSize: '20' });
    expect([exp.rows.length, exp.count]).toEqual([5, null]);
  });

  it('answers the total and whether it is capped (the product cap: 10,000)', async () => {
    expect(ROSTER_COUNT_CAP).toBe(10_000);
    const res = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/cadres?orgId=${streetId}&pageSize=2`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: unknown[]; total: number; totalCapped: boolean }>();
    expect([body.items.length, body.total, body.totalCapped]).toEqual([2, 5, false]);
  });
});

describe('[cadre] roster sorts (each served by its own covering index)', () => {
  const names = async (params: Record<string, string>) =>
    (
      await asSystem(t.db, (c) => listRoster(c, q({ orgId: streetId, pageSize: '20', ...params }), TODAY))
    ).rows.map((r) => r.name);

  it('by unit (the default): unit path, then name', async () => {
    // street (its own path first), then C1: 丁 < 七, then C2: 一 < 三
    expect(await names({})).toEqual(['测试万', '测试丁', '测试七', '测试一', '测试三']);
    expect(await names({ order: 'desc' })).toEqual(['测试三', '测试一', '测试七', '测试丁', '测试万']);
    // a page in the middle
    expect(await names({ pageSize: '2', page: '2' })).toEqual(['测试七', '测试一']);
  });

  it('by rank, then name', async () => {
    // 一级科员 (U+4E00…): 七, 三 < 二级科员 (U+4E8C…): 一, 丁 < 副科级 (U+526F…): 万
    expect(await names({ sort: 'rank' })).toEqual(['测试七', '测试三', '测试一', '测试丁', '测试万']);
    expect(await names({ sort: 'rank', order: 'desc' })).toEqual([
      '测试万',
      '测试丁',
      '测试一',
      '测试三',
      '测试七',
    ]);
  });

  it('by name', async () => {
    expect(await names({ sort: 'name' })).toEqual(['测试一', '测试丁', '测试七', '测试万', '测试三']);
  });

  it('the sorts have their indexes', async () => {
    const { rows } = await t.db.admin.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'cadres' AND indexname LIKE 'cadres_roster%'
        ORDER BY indexname`,
    );
    expect(rows.map((r) => [r.indexname, /\((.*?)\) INCLUDE/.exec(r.indexdef)?.[1]])).toEqual([
      ['cadres_roster', 'birth_day, id'],
      ['cadres_roster_name', 'name, id'],
      ['cadres_roster_org', 'org_path, name, id'],
      ['cadres_roster_rank', 'rank, name, id'],
      ['cadres_roster_unit', 'org_id, id'],
    ]);
  });
});

describe('[cadre] the district-wide short-circuit does not widen a narrower scope', () => {
  it('a street administrator still sees only her subtree; a unit administrator only her unit', async () => {
    const streetAdmin = await signIn(
      t,
      await newUser(t.db, { orgId: streetId, roles: ['unit_admin'], scopeMode: 'subtree' }),
    );
    const unitAdmin = await signIn(
      t,
      await newUser(t.db, { orgId: commA, roles: ['unit_admin'], scopeMode: 'unit' }),
    );
    const roster = async (s: Session) => {
      const res = await injectAs(t, s, { method: 'GET', url: '/api/cadres?pageSize=200&sort=name' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { name: string }[]; total: number }>();
    };
    const street = await roster(streetAdmin);
    expect([street.items.map((c) => c.name), street.total]).toEqual([
      ['测试一', '测试丁', '测试七', '测试万', '测试三'],
      5,
    ]);
    const unit = await roster(unitAdmin);
    expect([unit.items.map((c) => c.name), unit.total]).toEqual([['测试丁', '测试七'], 2]);
    // the 组织部 (scope all) sees the other street's cadre too
    const all = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/cadres?orgId=${otherStreetId}`,
    });
    expect(all.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toEqual(['测试外']);
  });

  it('the policy tests the scope flag first, and only the flag of scope all is true', async () => {
    const { rows } = await t.db.admin.query<{ using: string }>(
      `SELECT pg_get_expr(polqual, polrelid) AS using FROM pg_policy
        WHERE polrelid = 'cadres'::regclass AND polname = 'app_rls_person'`,
    );
    expect(rows[0]?.using).toMatch(/^\(+ SELECT app_scope_all\(\) AS app_scope_all\) OR \(+org_path <@/);
    const flag = async (mode: string) => {
      await t.db.admin.query('BEGIN');
      try {
        await t.db.admin.query(`SELECT set_config('app.scope_mode', $1, true)`, [mode]);
        const { rows: r } = await t.db.admin.query<{ all: boolean }>('SELECT app_scope_all() AS all');
        return r[0]?.all;
      } finally {
        await t.db.admin.query('ROLLBACK');
      }
    };
    expect([await flag('all'), await flag('subtree'), await flag('unit'), await flag('self')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(await flag('')).toBe(false);
    // the path under the street's scope, as the app role sees it: nothing outside it
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('app.context', 'user', true), set_config('app.scope_mode', 'subtree', true),
                set_config('app.scope_path', $1, true)`,
        [streetPath],
      );
      const { rows: seen } = await client.query<{ inside: boolean; n: number }>(
        `SELECT org_path <@ $1::ltree AS inside, count(*)::int AS n FROM cadres GROUP BY 1`,
        [streetPath],
      );
      expect(seen).toEqual([{ inside: true, n: 5 }]);
      // no scope set: nothing
      await client.query(`SELECT set_config('app.scope_mode', '', true)`);
      const { rows: none } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM cadres');
      expect(none).toEqual([{ n: 0 }]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
