import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);

/** Pick the first cadre the picker finds for `q` (other than those in `except`); returns the picked name. */
async function pickCadre(
  page: Page,
  testId: string,
  q: string,
  except: string[] = [],
  /** skip cadres whose option (name, unit, post) contains this */
  notIn?: string,
): Promise<string> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(q);
  const options = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: q });
  await options.first().waitFor();
  const texts = await options.allTextContents();
  const index = texts.findIndex((t) => !except.some((e) => t.startsWith(e)) && !(notIn && t.includes(notIn)));
  expect(index).toBeGreaterThanOrEqual(0);
  await options.nth(index).click();
  await page.keyboard.press('Escape');
  return (texts[index] ?? '').split('（')[0] as string;
}

/** Type a day into an antd DatePicker. */
async function typeDate(page: Page, testId: string, day: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** A day `months` months before today in the browser's (server's) calendar, `YYYY-MM-DD`. */
function monthsAgo(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  return d.toISOString().slice(0, 10);
}

describe('[selection-after] 组织部 keeps the after-appointment register: reviews, unfit measures, secondments', () => {
  let page: Page;
  let reviewed = '';

  it('opens 任后管理 from the menu: the demo reviews stand overdue, due soon and done', async () => {
    page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-selectionAfter').click();
    await page.getByTestId('review-table').waitFor();
    await expect.poll(async () => rows(page, 'review-table').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('after-pack').textContent()).toContain('丰泽区');
    // the open ones: the demo seed's overdue one and the one due next month
    expect(
      await page.locator('[data-testid="review-table"] [data-testid="due-overdue"]').count(),
    ).toBeGreaterThan(0);
    expect(
      await page.locator('[data-testid="review-table"] [data-testid="due-due_soon"]').count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'selection-after-reviews');
  });

  it('schedules a review by hand (due 12 months after the appointment, shown before saving)', async () => {
    await page.getByTestId('review-create').click();
    reviewed = await pickCadre(page, 'review-form-cadre', '王');
    await page.getByTestId('review-form-post').fill('街道办事处副主任');
    const appointed = monthsAgo(11);
    await typeDate(page, 'review-form-appointed', appointed);
    await expect
      .poll(async () => (await page.getByTestId('review-form-preview').textContent()) ?? '')
      .toContain(`${appointed} 任职，按政策包“丰泽区街道干部考核”任职满 12 个月开展任后评估`);
    await screenshot(page, 'selection-after-review-form');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/selection/post-reviews') && r.request().method() === 'POST',
    );
    await page.getByTestId('review-form-submit').click();
    expect((await created).status()).toBe(200);
    const row = rows(page, 'review-table')
      .filter({ hasText: '街道办事处副主任' })
      .filter({ hasText: reviewed });
    await expect.poll(async () => row.count()).toBe(1);
    expect(await row.textContent()).toContain('即将到期');
  });

  it('records 不胜任 with 回炉锻造: the review is done and the measure runs 6 months', async () => {
    const row = rows(page, 'review-table')
      .filter({ hasText: '街道办事处副主任' })
      .filter({ hasText: reviewed });
    await row.getByRole('button', { name: '记录结论' }).click();
    await page.locator('.ant-drawer-open .ant-radio-button-wrapper', { hasText: '不胜任' }).click();
    await page.getByTestId('outcome-form-note').fill('任后评估群众认可度偏低');
    await page.getByTestId('outcome-form-measure').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '回炉锻造',
      })
      .click();
    await page.getByTestId('outcome-form-reason').fill('任后评估不胜任');
    await expect
      .poll(async () => (await page.getByTestId('outcome-form-preview').textContent()) ?? '')
      .toContain('回炉锻造，按政策包“丰泽区街道干部考核”期限 6 个月');
    await screenshot(page, 'selection-after-outcome');
    const decided = page.waitForResponse(
      (r) => r.url().endsWith('/outcome') && r.request().method() === 'POST',
    );
    await page.getByTestId('outcome-form-submit').click();
    expect((await decided).status()).toBe(200);
    await expect.poll(async () => row.count()).toBe(0); // left the 未完成 filter

    await page.getByRole('tab', { name: '不胜任干部' }).click();
    await page.getByTestId('measure-table').waitFor();
    const measure = rows(page, 'measure-table')
      .filter({ hasText: reviewed })
      .filter({ hasText: '任后评估不胜任' });
    await expect.poll(async () => measure.count()).toBe(1);
    expect(await measure.textContent()).toContain('回炉锻造');
    await screenshot(page, 'selection-after-measures');
  });

  it('posts a 挂职 batch: the end defaults to 12 months; the posting is listed and ended', async () => {
    await page.getByRole('tab', { name: '交流挂职' }).click();
    await page.getByTestId('exchange-table').waitFor();
    // the demo district's batch of this year
    await expect.poll(async () => rows(page, 'exchange-table').count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'selection-after-exchanges');

    await page.getByTestId('exchange-create').click();
    await page.getByTestId('exchange-form-kind').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '挂职',
      })
      .click();
    await expect
      .poll(async () => (await page.getByTestId('exchange-form-preview').textContent()) ?? '')
      .toContain('按政策包“丰泽区街道干部考核”一般为 12 个月');
    const posted = await pickCadre(page, 'exchange-posting-cadre-0', '李', [reviewed], '镇'); // not hosted at home
    await page.getByTestId('exchange-posting-host-0').click();
    await page.keyboard.type('镇');
    await page
      .locator(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper',
        { hasText: '镇' },
      )
      .first()
      .click();
    await page.getByTestId('exchange-posting-post-0').fill('挂职副镇长');
    await screenshot(page, 'selection-after-batch');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/selection/exchanges') && r.request().method() === 'POST',
    );
    await page.getByTestId('exchange-form-submit').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(200);

    const row = rows(page, 'exchange-table').filter({ hasText: posted }).filter({ hasText: '挂职副镇长' });
    await expect.poll(async () => row.count()).toBe(1);
    await row.getByRole('button', { name: '结束' }).click();
    await page.getByTestId('exchange-end-outcome').fill('挂职期满，考核优秀');
    const ended = page.waitForResponse((r) => r.url().endsWith('/end') && r.request().method() === 'POST');
    await page.getByTestId('exchange-end-submit').click();
    expect((await ended).status()).toBe(200);
    await expect.poll(async () => row.count()).toBe(0); // the list shows the active ones
    await page.close();
  });
});
