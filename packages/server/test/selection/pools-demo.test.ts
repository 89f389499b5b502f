import type { PoolDueReviewList, PoolOverview } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCount, createTestApp, injectAs, loginAs, type TestApp } from '../helpers.ts';

/** The demo district's pools (demo seed under Fengze, test clock 2026-11-02), as its users meet them. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[pools] demo', () => {
  it('组织部 sees twelve 副处级 reserve cadres (four with street leadership) and sixteen young cadres', async () => {
    const s = await loginAs(t, 'orgdept');
    const res = await injectAs(t, s, { method: 'GET', url: '/api/pools' });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json<PoolOverview>();
    expect(o.packId).toBe('fengze');
    expect(o.levels.map((l) => [l.name, l.total])).toEqual([
      ['后备干部（副处级）', 12],
      ['年轻干部库（优秀年轻干部）', 16],
    ]);
    expect(o.levels[0]!.units.map((u) => [u.orgKind, u.quota?.text])).toEqual([['district', '不设名额']]);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM pool_members m JOIN cadres c ON c.id = m.cadre_id
          WHERE m.kind = 'reserve' AND m.left_on IS NULL AND c.fact_street_leadership`,
      ),
    ).toBe(4);
    // every active member carries the pool's tag; the one who left on promotion is in the history
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM pool_members m JOIN cadres c ON c.id = m.cadre_id
          WHERE m.left_on IS NULL AND NOT (m.kind = ANY (c.tags))`,
      ),
    ).toBe(0);
    expect(
      await adminCount(t.db, `SELECT 1 FROM pool_members WHERE exit_reason = '已提拔为副处级领导职务'`),
    ).toBe(1);
  });

  it('the reviews due within a year (from 2026-11-02) are listed, none of them done', async () => {
    const s = await loginAs(t, 'orgdept');
    const due = (
      await injectAs(t, s, { method: 'GET', url: '/api/pools/reviews', query: { withinDays: '365' } })
    ).json<PoolDueReviewList>();
    expect(due.until).toBe('2027-11-02');
    expect(due.items.length).toBeGreaterThan(0);
    expect(due.items.every((i) => i.review.doneOn === null)).toBe(true);
  });
});
