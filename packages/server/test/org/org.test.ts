import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, injectAs, loginAs, type Session, type TestApp } from '../helpers.ts';

let t: TestApp;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

interface OrgOut {
  id: string;
  path: string;
  name: string;
  kind: string;
  active: boolean;
  difficulty: string;
  establishment: Record<string, number>;
}
const q = async (sql: string, p: unknown[] = []) =>
  (await t.db.admin.query(sql, p)).rows as Record<string, string>[];

describe('[org] tree (R-ORG-1)', () => {
  it('creates a community under a street with quota and difficulty; refuses a kind that does not fit', async () => {
    const [street] = await q(`SELECT id, path::text FROM orgs WHERE kind = 'street' ORDER BY path LIMIT 1`);
    const res = await injectAs(t, s, {
      method: 'POST',
      url: '/api/orgs',
      payload: {
        parentId: street?.id,
        code: 'C99',
        name: '试点社区',
        kind: 'community',
        establishment: { village_post: 7 },
        difficulty: '1.25',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<OrgOut>()).toMatchObject({
      path: `${street?.path}.C99`,
      establishment: { village_post: 7 },
      difficulty: '1.25',
      active: true,
    });
    const wrong = await injectAs(t, s, {
      method: 'POST',
      url: '/api/orgs',
      payload: { parentId: street?.id, code: 'D99', name: '错误部门', kind: 'street' },
    });
    expectError(wrong, 400, 'ORG_INVALID_PARENT');
    const dup = await injectAs(t, s, {
      method: 'POST',
      url: '/api/orgs',
      payload: { parentId: street?.id, code: 'C99', name: '重复', kind: 'community' },
    });
    expectError(dup, 409, 'CONFLICT');
  });

  it('moves a village with its subtree; paths of units, cadres and accounts follow', async () => {
    const [from] = await q(`SELECT id, path::text FROM orgs WHERE kind = 'township' ORDER BY path LIMIT 1`);
    const [to] = await q(
      `SELECT id, path::text FROM orgs WHERE kind = 'township' ORDER BY path OFFSET 1 LIMIT 1`,
    );
    const [village] = await q(
      `SELECT id, code, path::text FROM orgs WHERE parent_id = $1 AND kind = 'village' ORDER BY path LIMIT 1`,
      [from?.id],
    );
    const subtreeOrgs = Number(
      (await q(`SELECT count(*) AS n FROM orgs WHERE path <@ $1::ltree`, [village?.path]))[0]?.n,
    );
    const cadres = Number(
      (await q(`SELECT count(*) AS n FROM cadres WHERE org_path <@ $1::ltree`, [village?.path]))[0]?.n,
    );
    expect(cadres).toBeGreaterThan(0);
    // a kept training summary row per cadre (the app role may only read that table: its path follows the
    // cadre's by trigger, the move must not write it itself)
    await q(
      `INSERT INTO training_cadre_years (cadre_id, year, org_path, days, programmes, months, kinds)
       SELECT id, 2026, org_path, array_fill(0::numeric, ARRAY[12]), array_fill(0, ARRAY[12]), 0, '{}'::jsonb
         FROM cadres WHERE org_path <@ $1::ltree
       ON CONFLICT (cadre_id, year) DO NOTHING`,
      [village?.path],
    );
    const res = await injectAs(t, s, {
      method: 'POST',
      url: `/api/orgs/${village?.id}/move`,
      payload: { parentId: to?.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const newPath = `${to?.path}.${village?.code}`;
    expect(res.json<OrgOut>().path).toBe(newPath);
    expect(Number((await q(`SELECT count(*) AS n FROM orgs WHERE path <@ $1::ltree`, [newPath]))[0]?.n)).toBe(
      subtreeOrgs,
    );
    expect(
      Number((await q(`SELECT count(*) AS n FROM cadres WHERE org_path <@ $1::ltree`, [newPath]))[0]?.n),
    ).toBe(cadres);
    expect(
      Number(
        (await q(`SELECT count(*) AS n FROM cadres WHERE org_path <@ $1::ltree`, [village?.path]))[0]?.n,
      ),
    ).toBe(0);
    const kept = await q(
      `SELECT count(*) FILTER (WHERE y.org_path = c.org_path) AS same, count(*) AS n
         FROM training_cadre_years y JOIN cadres c ON c.id = y.cadre_id WHERE c.org_path <@ $1::ltree`,
      [newPath],
    );
    expect([Number(kept[0]?.same), Number(kept[0]?.n)]).toEqual([cadres, cadres]);
    const cycle = await injectAs(t, s, {
      method: 'POST',
      url: `/api/orgs/${to?.id}/move`,
      payload: { parentId: village?.id },
    });
    expectError(cycle, 400, 'ORG_MOVE_CYCLE');
  });

  it('renames without touching paths; deactivation needs inactive children first', async () => {
    const [street] = await q(
      `SELECT id, path::text FROM orgs WHERE kind = 'street' ORDER BY path OFFSET 2 LIMIT 1`,
    );
    const renamed = await injectAs(t, s, {
      method: 'PATCH',
      url: `/api/orgs/${street?.id}`,
      payload: { name: '新城街道' },
    });
    expect(renamed.json<OrgOut>()).toMatchObject({ name: '新城街道', path: street?.path });
    expectError(
      await injectAs(t, s, { method: 'POST', url: `/api/orgs/${street?.id}/deactivate` }),
      409,
      'ORG_HAS_ACTIVE_CHILDREN',
    );
    const [leaf] = await q(
      `SELECT id FROM orgs o WHERE path <@ $1::ltree AND NOT EXISTS (SELECT 1 FROM orgs c WHERE c.parent_id = o.id) LIMIT 1`,
      [street?.path],
    );
    const off = await injectAs(t, s, { method: 'POST', url: `/api/orgs/${leaf?.id}/deactivate` });
    expect(off.json<OrgOut>().active).toBe(false);
  });

  it('street admins see only their subtree in the tree', async () => {
    const s1 = await loginAs(t, 'street1');
    const res = await injectAs(t, s1, { method: 'GET', url: '/api/orgs' });
    const items = res.json<{ items: OrgOut[] }>().items;
    const root = items[0]?.path as string;
    expect(items.every((o) => o.path === root || o.path.startsWith(root + '.'))).toBe(true);
    expect(items.length).toBeGreaterThan(3);
  });
});
