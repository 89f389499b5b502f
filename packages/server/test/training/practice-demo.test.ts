import type { PracticeList, StationList } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCount, createTestApp, injectAs, loginAs, type TestApp } from '../helpers.ts';

/** The demo district's practice postings and station register (demo seed under Fengze, test clock 2026-11-02). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[practice] demo', () => {
  it('组织部 sees four department cadres posted in 2025–2026, the 2025 one ended with its outcome', async () => {
    const s = await loginAs(t, 'orgdept');
    const res = await injectAs(t, s, { method: 'GET', url: '/api/training/practice' });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<PracticeList>();
    expect(list.total).toBe(4);
    // ends from fengze's months: 攻坚一线 12, 巡察 6
    expect(
      list.items.map((p) => [p.kindName, p.startedOn, p.endsOn, p.status, p.outcome?.rating ?? null]),
    ).toEqual([
      ['巡察', '2026-09-01', '2027-02-28', 'current', null],
      ['攻坚一线', '2026-06-01', '2027-05-31', 'current', null],
      ['巡察', '2026-03-01', '2026-08-31', 'ended', null],
      ['攻坚一线', '2025-03-01', '2026-02-28', 'ended', 'excellent'],
    ]);
    expect(await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'practice.create'`)).toBe(4);
  });

  it("lists the generator's station units, and says fengze keeps no stations (no register entries seeded)", async () => {
    const s = await loginAs(t, 'orgdept');
    const res = await injectAs(t, s, { method: 'GET', url: '/api/training/stations' });
    const l = res.json<StationList>();
    expect(l.planned).toBeNull();
    expect(l.explanation).toContain('未规定党员远程教育站点');
    expect(l.items.length).toBe(
      await adminCount(t.db, `SELECT 1 FROM orgs WHERE kind = 'station' AND active`),
    );
    expect(await adminCount(t.db, 'SELECT 1 FROM station_profiles')).toBe(0);
  });
});
