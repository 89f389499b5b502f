import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Type a date into an antd DatePicker and confirm it. */
async function typeDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/**
 * Ask the deadline calculator for n working days from `from` (Enter submits its form) and wait for
 * `expected` as the end date (an unchanged question is answered from the cache: no request to wait for).
 */
async function expectPeriodEnd(page: Page, from: string, n: number, expected: string): Promise<void> {
  await page.getByTestId('cal-calc-n').fill(String(n));
  await typeDate(page, 'cal-calc-from', from);
  await page.getByTestId('cal-calc-n').press('Enter');
  await expect
    .poll(async () => ((await page.getByTestId('cal-calc-end').textContent()) ?? '').slice(0, 10))
    .toBe(expected);
}

describe('[calendar] 工作日历: 组织部 adds a district holiday, the deadline moves, and back', () => {
  it('orgdept counts 5 working days from 2026-09-28 over National Day, adds a holiday on 10-09, deletes it', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    // the 系统设置 group is open by default
    await page.getByTestId('menu-calendar').click();
    await page.waitForURL(/\/settings\/calendar/);
    await page.getByTestId('cal-months').waitFor();
    await page.goto('/settings/calendar?year=2026');
    await page.getByTestId('cal-day-2026-10-01').waitFor();
    await expect
      .poll(() => page.getByTestId('cal-day-2026-10-01').getAttribute('data-reason'))
      .toBe('holiday');
    await expect
      .poll(() => page.getByTestId('cal-day-2026-10-10').getAttribute('data-reason'))
      .toBe('makeup-workday');
    expect(await page.getByTestId('cal-unpublished').count()).toBe(0);

    // Mon 09-28 … Wed 09-30 = 3; 10-01 … 10-07 国庆节; Thu 10-08 = 4, Fri 10-09 = 5
    await expectPeriodEnd(page, '2026-09-28', 5, '2026-10-09');
    expect(await page.getByTestId('cal-calc-skipped').textContent()).toContain('10-01国庆节');

    await page.getByTestId('cal-override-add').click();
    await typeDate(page, 'cal-override-date', '2026-10-09');
    await page.getByTestId('cal-override-note').fill('区第十届运动会');
    await screenshot(page, 'calendar-override-form');
    const added = page.waitForResponse(
      (r) => r.url().endsWith('/api/calendar/overrides') && r.request().method() === 'POST',
    );
    await page.getByTestId('cal-override-submit').click();
    expect((await added).status()).toBe(200);
    await expect
      .poll(async () => page.getByTestId('cal-day-2026-10-09').getAttribute('data-reason'))
      .toBe('override-holiday');
    await expect
      .poll(async () => (await page.getByTestId('cal-overrides').textContent()) ?? '')
      .toContain('区第十届运动会');

    // Fri 10-09 now off; the make-up Saturday 10-10 is the 5th working day
    await expectPeriodEnd(page, '2026-09-28', 5, '2026-10-10');
    await page.getByTestId('cal-month-10').scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-2026');

    await page.getByTestId('cal-override-delete-2026-10-09').click();
    const removed = page.waitForResponse(
      (r) => r.url().includes('/api/calendar/overrides/2026-10-09') && r.request().method() === 'DELETE',
    );
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    expect((await removed).status()).toBe(200);
    await expect
      .poll(async () => page.getByTestId('cal-day-2026-10-09').getAttribute('data-reason'))
      .toBe('weekday');
    await expectPeriodEnd(page, '2026-09-28', 5, '2026-10-09');
    await page.close();
  });

  it('2027 is not published yet: the banner says so, and 1 January is a statutory holiday', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.goto('/settings/calendar?year=2027');
    await page.getByTestId('cal-unpublished').waitFor();
    expect(await page.getByTestId('cal-unpublished').textContent()).toContain(
      '2027 年节假日安排尚未公布，暂按法定节假日计算，调休日未计入',
    );
    await expect
      .poll(() => page.getByTestId('cal-day-2027-01-01').getAttribute('data-reason'))
      .toBe('holiday');
    await expect
      .poll(() => page.getByTestId('cal-day-2027-02-05').getAttribute('data-reason'))
      .toBe('holiday');
    // Mon 2026-12-28 … Thu 12-31 = 4; Fri 01-01 元旦; weekend; Mon 2027-01-04 = 5
    await expectPeriodEnd(page, '2026-12-28', 5, '2027-01-04');
    await screenshot(page, 'calendar-2027');

    // the same page in English
    await page.getByTestId('lang-switch').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: 'English' }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await page.getByTestId('cal-unpublished').textContent()) ?? '')
      .toContain('2027: the holiday arrangement is not published yet');
    await screenshot(page, 'calendar-2027-english');
    await page.close();
  });

  it('a leader reads it without the edit buttons; a street administrator has no entry and is refused a write', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'leader');
    await page.goto('/settings/calendar?year=2026');
    await page.getByTestId('cal-day-2026-10-01').waitFor();
    expect(await page.getByTestId('cal-override-add').count()).toBe(0);
    await page.close();

    const street = await newPage(browser);
    await loginUi(street, 'street1');
    expect(await street.getByTestId('menu-calendar').count()).toBe(0);
    const me = (await (await street.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const res = await street.request.post('/api/calendar/overrides', {
      data: { date: '2026-11-20', kind: 'holiday', note: '越权' },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(res.status()).toBe(403);
    await street.close();
  });
});
