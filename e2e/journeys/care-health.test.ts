import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);
// unique to this run: other journeys and earlier runs may have filed requests of their own
const WORDS = `最近压力有点大，想找人聊聊（${Date.now().toString(36)}）`;

describe('[care-health] a unit records checks, coverage shows the rate; a support request reaches only its officer', () => {
  it('street1 marks two of its people checked; the coverage page shows the rate per unit', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'street1');
    await page.goto('/care/health');
    await page.getByTestId('health-table').waitFor();
    await expect
      .poll(async () => page.getByTestId('health-explanation').textContent())
      .toContain('干部职工年度体检');
    // the count is read from the filtered list's answer (the unfiltered table's rows would satisfy a row
    // count, and its total was once read as the 未体检 one)
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/care/health/checks?') && /[?&]state=/.test(r.url()),
    );
    await page.getByTestId('health-state').getByText('未体检').click();
    const { total: due } = (await (await filtered).json()) as { total: number };
    await expect.poll(async () => rows(page, 'health-table').count()).toBeGreaterThanOrEqual(2);
    await expect
      .poll(async () =>
        Number(/(\d+)/.exec((await page.locator('.ant-pagination-total-text').textContent()) ?? '')?.[1]),
      )
      .toBe(due);
    await rows(page, 'health-table').nth(0).locator('input[type="checkbox"]').check();
    await rows(page, 'health-table').nth(1).locator('input[type="checkbox"]').check();
    await page.getByTestId('health-mark').click();
    await page.getByTestId('health-mark-ok').click();
    await page.getByText('已登记 2 人').waitFor();
    // the 未体检 list is two shorter
    await expect
      .poll(async () =>
        Number(/(\d+)/.exec((await page.locator('.ant-pagination-total-text').textContent()) ?? '')?.[1]),
      )
      .toBe(due - 2);
    await screenshot(page, 'care-health-checks');

    await page.goto('/care/coverage');
    await page.getByTestId('coverage-table').waitFor();
    await expect.poll(async () => rows(page, 'coverage-table').count()).toBeGreaterThanOrEqual(1);
    const total = (await page.getByTestId('coverage-total').textContent()) ?? '';
    // 应完成 N，已完成 M，覆盖率 x%: the rate is M ÷ N to one decimal
    const m = /应完成 (\d+)，已完成 (\d+)，覆盖率 ([\d.]+)%/.exec(total);
    expect(m).not.toBeNull();
    const [planned, done, rate] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    expect(done).toBeGreaterThanOrEqual(2);
    expect(rate).toBe(Math.round((done * 1000) / planned) / 10);
    await expect
      .poll(async () => page.getByTestId('coverage-explanation').textContent())
      .toContain('不保存体检结果');
    await screenshot(page, 'care-coverage');
    // one level down: the first unit's own rows
    const first = (await rows(page, 'coverage-table').nth(0).locator('td').first().textContent()) ?? '';
    await rows(page, 'coverage-table').nth(0).click();
    await expect.poll(async () => page.getByTestId('coverage-total').textContent()).toContain(first);
    await page.close();
  });

  it('a cadre on a phone asks the care officer for support and sees her request', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    await page.goto('/care/mine?tab=health');
    await page.getByTestId('my-health').waitFor();
    await expect.poll(async () => page.getByTestId('my-health').textContent()).toContain('干部职工年度体检');
    await screenshot(page, 'care-my-health-phone');
    await page.goto('/care/mine?tab=support');
    await page.getByTestId('support-body').waitFor();
    await page.getByTestId('support-body').fill(WORDS);
    await page.getByTestId('support-submit').click();
    await page.getByTestId('support-mine-item').filter({ hasText: WORDS }).waitFor();
    await expect(
      page.getByTestId('support-mine-item').filter({ hasText: WORDS }).textContent(),
    ).resolves.toContain('关爱专员');
    await screenshot(page, 'care-my-support-phone');
    await page.close();
  });

  it('the named officer sees and answers it; the cadre’s unit admin does not see it', async () => {
    const officer = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(officer, 'careofficer');
    await officer.goto('/care/health?tab=support');
    const item = officer.getByTestId('support-assigned-item').filter({ hasText: WORDS });
    await item.waitFor();
    await item.getByTestId('support-answer-text').fill('明天下午三点在组织部谈心室见面');
    await item.getByTestId('support-answer').click();
    await item.getByText('已答复').first().waitFor();
    await screenshot(officer, 'care-support-officer');
    await officer.close();

    const admin = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(admin, 'street1');
    await admin.goto('/care/health?tab=support');
    await admin.getByText('暂无指定给您的心理支持请求').waitFor();
    expect(await admin.getByText(WORDS).count()).toBe(0);
    await admin.close();
  });
});
