import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

type Roster = { total: number; items: { id: string; name: string }[] };

describe('[eligibility] 资格: the record page, the roster filter and the pack, as 组织部 and as the cadre', () => {
  let admonishedId = '';

  it('组织部 filters the roster by 可提拔 today: the demo cadre under 诫勉 is left out', async () => {
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
    // the demo seed's admonished cadre (诫勉 three months ago); the exempted one stays
    const left = all.filter((id) => !kept.has(id));
    expect(left).toHaveLength(1);
    expect(kept.size).toBe(all.length - 1);
    admonishedId = left[0]!;
    await page.goto(`/cadres?promotableOn=${day}`);
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'eligibility-roster-filter');
    await page.close();
  });

  it('组织部 opens the admonished cadre: not eligible for promotion, the reason, the early warning', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.goto(`/cadres/${admonishedId}?tab=eligibility`);
    await page.getByTestId('eligibility-promotion').waitFor();
    await expect.poll(() => page.getByTestId('eligibility-promotion').textContent()).toContain('不符合');
    expect(await page.getByTestId('eligibility-promotion').textContent()).toContain(
      '受到诫勉的，六个月内不得提拔',
    );
    await page.getByTestId('eligibility-warning').first().waitFor();
    expect(await page.getByTestId('eligibility-warning').first().textContent()).toContain(
      '十二个月内两次被提醒',
    );
    await screenshot(page, 'eligibility-record-orgdept');
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
    const other = await page.request.get(`/api/cadres/${admonishedId}/eligibility?purpose=promotion`);
    expect(other.status()).toBe(403);
    await page.close();
  });
});
