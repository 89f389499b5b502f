import type { HonourBatchList, HonourBoard, HonourBatchDetail } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, loginAs, type TestApp } from '../helpers.ts';

/** The demo district's commendations (demo seed under Fengze, test clock 2026-11-02), as its users meet them. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[honours] demo', () => {
  it('has a decided 2026 通报表扬 of six cadres after a 5-working-day 公示, and a 评先评优 taking nominations', async () => {
    const s = await loginAs(t, 'orgdept');
    const list = (
      await injectAs(t, s, { method: 'GET', url: '/api/honours/batches?year=2026' })
    ).json<HonourBatchList>();
    expect(list.items.map((b) => [b.kindName, b.state, b.nominationCount]).sort()).toEqual([
      ['评先评优', 'nominating', 3],
      ['通报表扬', 'decided', 6],
    ]);
    const byKind = (
      await injectAs(t, s, { method: 'GET', url: '/api/honours/batches?kindId=excellence' })
    ).json<HonourBatchList>();
    expect(byKind.items.map((b) => b.kindName)).toEqual(['评先评优']);
    const decided = list.items.find((b) => b.state === 'decided')!;
    // 30 days before the clock is Saturday 2026-10-03, in the 国庆节 holiday (10-01…10-07): the 公示 starts on
    // the first working day, Thursday 10-08, and counts 10-08, 10-09, 10-10 (a Saturday worked in exchange),
    // 10-12, 10-13; the decision is the next working day, 10-14
    expect(decided).toMatchObject({
      noticeStart: '2026-10-08',
      noticeEnd: '2026-10-13',
      decidedOn: '2026-10-14',
    });
    expect(decided.documentNumber).toBe('丰组〔2026〕18号');
    const d = (
      await injectAs(t, s, { method: 'GET', url: `/api/honours/batches/${decided.id}` })
    ).json<HonourBatchDetail>();
    expect(new Set(d.nominations.map((n) => n.unitName)).size).toBe(5);
  });

  it('shows the six on the board to a street admin and to a cadre', async () => {
    for (const user of ['street1', 'cadre']) {
      const s = await loginAs(t, user);
      const res = await injectAs(t, s, { method: 'GET', url: '/api/honours/board?year=2026' });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json<HonourBoard>().items;
      expect(items).toHaveLength(6);
      expect(items.every((i) => i.kindName === '通报表扬' && i.deeds.length > 10)).toBe(true);
    }
  });
});
