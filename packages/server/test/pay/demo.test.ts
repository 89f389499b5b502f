import type { PayLineDto, PayRun } from '@ganbu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, loginAs, type TestApp } from '../helpers.ts';

/** The demo district's pay runs (demo seed, test clock 2026-11-02: last year is 2025), as its users meet them. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[pay] demo runs', () => {
  it("组织部 sees last year's three runs: street uplift and village subsidy computed, the bonus approved", async () => {
    const s = await loginAs(t, 'orgdept');
    const res = await injectAs(t, s, { method: 'GET', url: '/api/pay/runs', query: { period: '2025' } });
    expect(res.statusCode, res.body).toBe(200);
    const runs = res.json<{ items: PayRun[] }>().items;
    const byKind = Object.fromEntries(runs.map((r) => [r.kind, r]));
    expect(Object.keys(byKind).sort()).toEqual(['performance-bonus', 'street-uplift', 'village-subsidy']);
    expect(byKind['street-uplift']).toMatchObject({ state: 'computed', packId: 'fengze' });
    expect(byKind['village-subsidy']).toMatchObject({ state: 'computed', packId: 'jinwan' });
    expect(byKind['performance-bonus']).toMatchObject({ state: 'approved', packId: 'fengze' });
    for (const r of runs) expect(r.lineCount, r.name).toBeGreaterThan(0);
    // street uplift under the pack's default budget (15 % of the base): the run-level steps explain it
    expect(byKind['street-uplift']!.budgetFen).toBeNull();
    expect(byKind['street-uplift']!.steps.length).toBeGreaterThan(0);
  });

  it('the demo cadre sees her own line of the approved bonus in 我的待遇', async () => {
    const s = await loginAs(t, 'cadre');
    const res = await injectAs(t, s, { method: 'GET', url: '/api/pay/mine' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: (PayLineDto & { kind: string; state: string })[] }>().items;
    expect(items.map((l) => [l.kind, l.state])).toEqual([['performance-bonus', 'approved']]);
    expect(items[0]!.explanation.summary).not.toBe('');
  });
});
