import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

type Org = { id: string; code: string; path: string; name: string; parentId: string | null };

// Internal codes are not shown to users (issue 10 §5): a round's pack is named as the district knows it, and
// a unit's place in the tree is its chain of names, not its ltree path of codes.
describe('[platform] names, not internal codes', () => {
  it('the rounds list names each round’s pack and version; the org page gives the chain of unit names', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    await page.goto('/assessment/rounds');
    await page.locator('[data-testid^="round-link-"]').first().waitFor();
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toMatch(/[a-z]+@\d{4}-\d{2}-\d{2}/);
    expect(body).toContain('（2018-01-01 版）');
    await screenshot(page, 'rounds-pack-names');

    const orgs = await api.get<Org[] | { items: Org[] }>('/api/orgs');
    const list = Array.isArray(orgs) ? orgs : orgs.items;
    const byId = new Map(list.map((o) => [o.id, o]));
    const street = list.find((o) => o.path.split('.').length === 2)!;
    const root = byId.get(street.parentId!)!;
    await page.goto('/orgs');
    await page.getByTestId(`org-node-${street.code}`).click();
    const chain = page.getByTestId('org-path-names');
    await expect.poll(async () => (await chain.textContent()) ?? '').toBe(`${root.name} / ${street.name}`);
    expect((await page.textContent('body')) ?? '').not.toContain(street.path);
    await screenshot(page, 'org-path-names');
    await page.close();
  });

  it('a table loading shows its spinner alone, never 暂无数据 under it (issue 10 §5)', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    // hold the roster's answer for 2 s: the table is loading all that time
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/cadres?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/cadres');
    await page.locator('.ant-table-wrapper .ant-spin-spinning').first().waitFor();
    expect(await page.locator('.ant-table-wrapper .ant-empty').count()).toBe(0);
    expect((await page.locator('.ant-table-wrapper').first().textContent()) ?? '').not.toContain('暂无数据');
    await screenshot(page, 'roster-loading');
    release();
    await page.locator('.ant-table-wrapper .ant-table-row').first().waitFor();
    await page.close();
  });
});
