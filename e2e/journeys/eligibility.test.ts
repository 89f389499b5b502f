import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

type Roster = { total: number; items: { id: string; name: string }[] };
type Records = {
  items: { cadreId: string; kind: string; grade: string | null; decisions: { outcome: string }[] }[];
};

describe('[eligibility] 资格: the record page, the roster filter and the pack, as 组织部 and as the cadre', () => {
  let warnedId = '';

  it('组织部 filters the roster by 可提拔 today: exactly the cadres the engine finds ineligible are left out', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const every = async (extra: string) => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const r = await api.get<Roster>(`/api/cadres?pageSize=200&sort=name&page=${page}${extra}`);
        ids.push(...r.items.map((i) => i.id));
        if (ids.length >= r.total || r.items.length === 0) return ids;
      }
    };
    const all = await every('');
    const kept = new Set(await every(`&promotableOn=${day}`));
    const left = all.filter((id) => !kept.has(id));
    // the demo seed's facts (discipline module): a 党内警告 of 2026-06-20 under no decision blocks promotion for
    // a year; a 诫勉 of 2026-03-02 exempted by 免责 on 2026-05-10 does not
    const records = await api.get<Records>('/api/discipline-records?pageSize=100');
    const warned = records.items.find((r) => r.kind === 'party_discipline' && r.grade === 'warning');
    const exempted = records.items.find(
      (r) => r.kind === 'admonishment' && r.decisions.some((d) => d.outcome === 'exempt'),
    );
    expect(warned && exempted).toBeTruthy();
    warnedId = warned!.cadreId;
    expect(left).toContain(warnedId);
    expect(kept.has(exempted!.cadreId)).toBe(true);
    // other journeys share this server and may add records: every cadre left out is one the engine refuses
    for (const id of left) {
      const answer = await api.get<{ eligible: boolean }>(
        `/api/cadres/${id}/eligibility?purpose=promotion&date=${day}`,
      );
      expect(answer.eligible, id).toBe(false);
    }
    await page.goto(`/cadres?promotableOn=${day}`);
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'eligibility-roster-filter');
    await page.close();
  });

  it('组织部 opens the warned cadre: not eligible for promotion, with the rule and its source', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.goto(`/cadres/${warnedId}?tab=eligibility`);
    await page.getByTestId('eligibility-promotion').waitFor();
    await expect.poll(() => page.getByTestId('eligibility-promotion').textContent()).toContain('不符合');
    const text = await page.getByTestId('eligibility-promotion').textContent();
    expect(text).toContain('党员受到警告处分一年内');
    expect(text).toContain('2027-06-20');
    expect(text).toContain('《中国共产党纪律处分条例》（2023）第十条');
    await screenshot(page, 'eligibility-record-orgdept');
    await page.close();
  });

  it('组织部 sees the early warning of a cadre reminded twice within twelve months', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const records = await api.get<Records>('/api/discipline-records?kind=reminder&pageSize=100');
    const counts = new Map<string, number>();
    for (const r of records.items) counts.set(r.cadreId, (counts.get(r.cadreId) ?? 0) + 1);
    const twice = [...counts.entries()].find(([, n]) => n >= 2)?.[0];
    expect(twice).toBeTruthy();
    await page.goto(`/cadres/${twice}?tab=eligibility`);
    await page.getByTestId('eligibility-warning').first().waitFor();
    expect(await page.getByTestId('eligibility-warning').first().textContent()).toContain(
      '十二个月内两次被提醒',
    );
    await screenshot(page, 'eligibility-warning-orgdept');
    await page.close();
  });

  it('the pack page shows the discipline section with its sources', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.goto('/assessment/packs');
    const section = page.getByTestId('pack-discipline');
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    expect(await section.textContent()).toContain('《中国共产党纪律处分条例》（2023）第十条');
    await screenshot(page, 'eligibility-pack-section');
    await page.close();
  });

  it('the cadre reads her own eligibility on a phone; the tab is not shown on another record', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { cadreId: string };
    await page.goto(`/cadres/${me.cadreId}?tab=eligibility`);
    await page.getByTestId('eligibility-promotion').waitFor();
    await screenshot(page, 'eligibility-record-cadre-phone');
    const other = await page.request.get(`/api/cadres/${warnedId}/eligibility?purpose=promotion`);
    expect(other.status()).toBe(403);
    await page.close();
  });
});
