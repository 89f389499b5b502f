import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

type Inbox = { items: { id: string; title: string }[] };

// The home page of 组织部 and 领导 (issue 10 §5): their to-dos and the few figures they open the system for,
// in their own scope — not only the account. A cadre gets her to-dos and no officer figures.
describe('[home] to-dos and figures on the home page', () => {
  it('组织部: the figures of its scope and the first to-dos, each opening its matter', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const roster = await api.get<{ total: number }>('/api/cadres?page=1&pageSize=1');
    const count = await api.get<{ pending: number; overdue: number }>('/api/inbox/count');
    const inbox = await api.get<Inbox>('/api/inbox');
    await page.goto('/');
    const cadres = page.getByTestId('home-figure-cadres');
    await expect
      .poll(async () => (await cadres.textContent()) ?? '')
      .toContain(roster.total.toLocaleString('en-US'));
    expect(await page.getByTestId('home-figure-pending').textContent()).toContain(String(count.pending));
    expect(inbox.items.length).toBeGreaterThan(0);
    const first = page.getByTestId(`home-todo-${inbox.items[0]!.id}`);
    await first.waitFor();
    expect(await first.textContent()).toContain(inbox.items[0]!.title);
    await screenshot(page, 'home-orgdept');
    await first.getByRole('link').click();
    await page.waitForURL((url) => url.pathname !== '/');
    await page.close();
  });

  it('a cadre on a phone: her to-dos, no officer figures', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    await page.goto('/');
    await page.getByTestId('home-todo').waitFor();
    expect(await page.getByTestId('home-figure-cadres').count()).toBe(0);
    await screenshot(page, 'home-cadre-phone');
    await page.close();
  });
});
