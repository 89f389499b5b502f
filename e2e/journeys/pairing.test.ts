import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Pick the first cadre the picker finds for `q` (other than `except`); returns the picked name. */
async function pick(page: Page, testId: string, q: string, except?: string): Promise<string> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(q);
  // the open dropdown's options that match what was typed (a closed dropdown stays in the page, hidden)
  const options = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: q });
  await options.first().waitFor();
  const texts = await options.allTextContents();
  const index = texts.findIndex((t) => !except || !t.startsWith(except));
  expect(index).toBeGreaterThanOrEqual(0);
  await options.nth(index).click();
  await page.keyboard.press('Escape');
  return (texts[index] ?? '').split('（')[0] as string;
}

describe('[pairing] 结对帮扶: a street pairs a mentor with a cadre, follows up, and the cadre reads her own', () => {
  let menteeName = '';
  let mentorName = '';

  it('the cadre account knows its own name (for the street admin to find)', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'cadre');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { cadreId: string };
    const record = (await (await page.request.get(`/api/cadres/${me.cadreId}`)).json()) as { name: string };
    menteeName = record.name;
    expect(menteeName.length).toBeGreaterThan(1);
    await page.close();
  });

  it('street1 sees the demo pairing of its street, pairs a mentor with the cadre and adds a note', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'street1');
    await page.getByTestId('menu-pairing').click();
    await page.getByTestId('pairing-table').waitFor();
    // the demo seed pairs each street's leader with its youngest cadre: street 1 has one, in progress
    await expect
      .poll(async () => page.locator('[data-testid="pairing-table"] tbody tr.ant-table-row').count())
      .toBe(1);
    await screenshot(page, 'pairing-list');

    await page.getByTestId('pairing-create').click();
    await pick(page, 'pairing-form-cadre', menteeName);
    mentorName = await pick(page, 'pairing-form-mentor', '张', menteeName);
    await page.getByTestId('pairing-form-focus').fill('群众工作方法与信访化解');
    await screenshot(page, 'pairing-form');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/pairings') && r.request().method() === 'POST',
    );
    await page.getByTestId('pairing-form-submit').click();
    expect((await created).status()).toBe(200);
    await expect
      .poll(async () => page.locator('[data-testid="pairing-table"] tbody tr.ant-table-row').count())
      .toBe(2);
    const row = page.locator('[data-testid="pairing-table"] tbody tr', { hasText: menteeName }).first();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(mentorName);
    expect(await row.textContent()).toContain('尚无记录');

    await row.getByRole('button', { name: '帮扶记录' }).click();
    await page.getByTestId('pairing-note-content').fill('谈心谈话一次，交流入职以来的工作体会');
    const noted = page.waitForResponse((r) => r.url().includes('/notes') && r.request().method() === 'POST');
    await page.getByTestId('pairing-note-submit').click();
    expect((await noted).status()).toBe(200);
    await expect
      .poll(async () => (await page.getByTestId('pairing-notes').textContent()) ?? '')
      .toContain('谈心谈话一次');
    await screenshot(page, 'pairing-notes');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('1 条');
    await page.close();
  });

  it('the cadre, on a phone, sees her own pairing and its note, and cannot add one', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    await page.goto('/care/pairings');
    await page.getByTestId('pairing-table').waitFor();
    // her own pairings only (the one just made, and the demo's if she is her street's youngest)
    const rows = page.locator('[data-testid="pairing-table"] tbody tr.ant-table-row');
    await expect.poll(async () => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain(menteeName);
    expect(await page.getByTestId('pairing-create').count()).toBe(0);
    const row = rows.filter({ hasText: mentorName }).first();
    await row.getByRole('button', { name: '帮扶记录' }).click();
    await expect
      .poll(async () => (await page.getByTestId('pairing-notes').textContent()) ?? '')
      .toContain('谈心谈话一次');
    expect(await page.getByTestId('pairing-note-form').count()).toBe(0);
    // the drawer has slid in over the whole width of the phone
    await expect
      .poll(async () => (await page.locator('.ant-drawer-open .ant-drawer-content-wrapper').boundingBox())?.x)
      .toBe(0);
    await screenshot(page, 'pairing-cadre-phone');
    await page.close();
  });
});
