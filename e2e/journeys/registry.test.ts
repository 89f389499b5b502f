import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

describe('[cadre] roster and record', () => {
  it('finds cadres with a compound filter, opens a record, reveals it, exports the roster', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-cadres').click();
    await page.getByTestId('roster-table').waitFor();
    // "35 岁以下、大学学历、有乡镇街道工作经历"
    await page.getByTestId('roster-filter-age-max').fill('34');
    await page.getByTestId('roster-filter-education').fill('大学');
    await page.getByTestId('roster-more').click();
    await page.getByTestId('roster-fact-township').click();
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/cadres?') && r.url().includes('streetOrTownship=true'),
    );
    await page.getByTestId('roster-search').click();
    const res = await answer;
    expect(res.status()).toBe(200);
    const body = (await res.json()) as {
      items: { name: string; age: number; education: string }[];
      total: number;
    };
    expect(body.total).toBeGreaterThan(0);
    for (const c of body.items) {
      expect(c.age).toBeLessThanOrEqual(34);
      expect(c.education).toBe('大学');
    }
    await expect
      .poll(async () => (await page.getByTestId('roster-table').textContent()) ?? '')
      .toContain(body.items[0]?.name ?? '?');
    await screenshot(page, 'roster-compound-filter');

    const href = await page.getByTestId('roster-export').getAttribute('href');
    expect(href).toContain('streetOrTownship=true');
    const exported = await page.request.get(href ?? '');
    expect(exported.status()).toBe(200);
    expect((await exported.body()).subarray(0, 2).toString()).toBe('PK');

    await page.getByTestId('roster-table').locator('tbody tr.ant-table-row').first().click();
    await page.getByTestId('cadre-record').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('cadre-id-number').textContent()) ?? '')
      .toContain('****');
    await screenshot(page, 'cadre-record-masked');
    await page.getByTestId('cadre-reveal').click();
    await expect
      .poll(async () => (await page.getByTestId('cadre-id-number').textContent()) ?? '')
      .toMatch(/^\d{17}[\dX]$/);
    await page.getByTestId('cadre-tab-appointments').click();
    await page.getByTestId('cadre-resume').waitFor();
    await screenshot(page, 'cadre-record-appointments');
    await page.getByTestId('cadre-tab-facts').click();
    await page.waitForTimeout(300);
    await screenshot(page, 'cadre-record-facts');
    await page.context().close();
  });

  it('a count past the cap shows as a floor: 共 10,000+ 条 on the roster, 10,000+ on the home page', async () => {
    const page = await newPage(browser);
    // the demo district has 1,454 cadres and the cap (10,000) is met only in a big district: the server's
    // answers pass through with the figure a big district gets (the count itself: test/cadre/roster-speed)
    await page.route(
      (url) => url.pathname === '/api/cadres',
      async (route) => {
        const res = await route.fetch();
        const body = (await res.json()) as Record<string, unknown>;
        await route.fulfill({ response: res, json: { ...body, total: 10_000, totalCapped: true } });
      },
    );
    await loginUi(page, 'orgdept');
    await expect
      .poll(async () => (await page.getByTestId('home-figure-cadres').textContent()) ?? '')
      .toContain('10,000+');
    await screenshot(page, 'home-cadres-capped');
    await page.getByTestId('menu-cadres').click();
    await page.getByTestId('roster-table').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('roster-total-capped').textContent()) ?? '')
      .toBe('共 10,000+ 条');
    await page.getByTestId('roster-total-capped').hover();
    await expect
      .poll(async () => (await page.getByRole('tooltip').textContent()) ?? '')
      .toContain('导出 Excel 不受此限');
    await screenshot(page, 'roster-total-capped');
    await page.context().close();
  });

  it('a 仅本人 cadre sees only their own row', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'cadre');
    await page.getByTestId('menu-cadres').click();
    await page.getByTestId('roster-table').waitFor();
    await expect
      .poll(async () => page.getByTestId('roster-table').locator('tbody tr.ant-table-row').count())
      .toBe(1);
    await screenshot(page, 'roster-self');
    await page.context().close();
  });
});
