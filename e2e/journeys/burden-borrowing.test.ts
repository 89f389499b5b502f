import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** the machine running the journeys may be loaded: answers can take seconds */
const SLOW = { timeout: 60_000, interval: 500 };
const OPTION = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';
const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);

/** Take an action on the case of `title` from the inbox (approve: no comment needed). */
async function approveInInbox(page: Page, title: string, comment = '') {
  await page.goto('/inbox');
  const row = page
    .locator('[data-testid="inbox-table-pending"] tbody tr.ant-table-row')
    .filter({ hasText: title });
  await row.first().waitFor();
  await row.first().click();
  await page.getByTestId('case-actions').waitFor();
  await page.getByTestId('case-action-approve').click();
  if (comment) await page.getByTestId('case-comment').fill(comment);
  const acted = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  expect((await acted).status()).toBe(200);
}

describe('[burden-borrowing] 借调: a department asks, the rule refuses routine work, a committee-approved task goes through', () => {
  let streetName = '';
  let cadreName = '';

  it('the street administrator’s unit is the lender', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'street1');
    streetName = (await (await apiOf(page)).get<{ orgName: string }>('/api/auth/me')).orgName;
    expect(streetName).not.toBe('');
    await page.close();
  });

  it('dept1 asks to borrow a street cadre for routine work: refused with the rule in Chinese', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'dept1');
    await page.goto('/burden/borrowings');
    await expect
      .poll(async () => (await page.getByTestId('borrowing-rule').textContent()) ?? '', SLOW)
      .toContain('区直机关不得借用街道干部');
    await screenshot(page, 'burden-borrowings-dept');
    await page.getByTestId('borrowing-request').click();
    await page.getByTestId('borrowing-form-cadre').click();
    await page.keyboard.type('王');
    const option = page.locator(OPTION).filter({ hasText: streetName });
    await option.first().waitFor();
    cadreName = ((await option.first().textContent()) ?? '').split('（')[0]!;
    await option.first().click();
    await page.getByTestId('borrowing-form-purpose').click();
    await page.locator(OPTION).filter({ hasText: '日常工作' }).click();
    await page.getByTestId('borrowing-form-task').fill('协助办公室日常文字材料工作');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/burden/borrowings') && r.request().method() === 'POST',
    );
    await page.getByTestId('borrowing-form-submit').click();
    expect((await refused).status()).toBe(422);
    await expect
      .poll(async () => (await page.getByTestId('borrowing-refusal').textContent()) ?? '', SLOW)
      .toContain('除区委、区政府中心工作或经区委批准的专项工作任务外，区直机关不得借用街道干部');
    await screenshot(page, 'burden-borrowing-refused');

    // a special task with the district committee's approval on record
    await page.getByTestId('borrowing-form-purpose').click();
    await page.locator(OPTION).filter({ hasText: '专项工作任务' }).click();
    await page.getByTestId('borrowing-form-reference').fill('丰委〔2026〕88号');
    await page.getByTestId('borrowing-form-approval-date').click();
    await page.keyboard.type(new Date().toISOString().slice(0, 10));
    await page.keyboard.press('Enter');
    await page.getByTestId('borrowing-form-task').fill('全区招商引资专项攻坚');
    const accepted = page.waitForResponse(
      (r) => r.url().endsWith('/api/burden/borrowings') && r.request().method() === 'POST',
    );
    await page.getByTestId('borrowing-form-submit').click();
    expect((await accepted).status()).toBe(200);
    const row = rows(page, 'borrowing-table').filter({ hasText: '全区招商引资专项攻坚' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('办理中');
    await screenshot(page, 'burden-borrowing-requested');
    await page.close();
  });

  it('the street gives its opinion in the inbox, 组织部 approves; the register shows it in force', async () => {
    const title = `${streetName}${cadreName}（专项工作任务）`;
    const street = await newPage(browser);
    await loginUi(street, 'street1');
    await approveInInbox(street, title, '同意借调');
    await screenshot(street, 'burden-borrowing-street-opinion');
    await street.close();

    const org = await newPage(browser);
    await loginUi(org, 'orgdept');
    await approveInInbox(org, title);
    await org.goto('/burden/borrowings');
    const row = rows(org, 'borrowing-table').filter({ hasText: '全区招商引资专项攻坚' });
    await row.first().waitFor();
    await expect.poll(async () => (await row.first().textContent()) ?? '', SLOW).toContain('借调中');
    // the demo's borrowing not returned in time is flagged
    expect(await rows(org, 'borrowing-table').filter({ hasText: '逾期未归还' }).count()).toBeGreaterThan(0);
    await screenshot(org, 'burden-borrowings-orgdept');
    await org.goto('/burden/establishment');
    await org.getByTestId('est-table').waitFor();
    await expect
      .poll(async () => (await org.getByTestId('est-occupied').textContent()) ?? '', SLOW)
      .toContain('4');
    await screenshot(org, 'burden-establishment');
    await org.goto('/burden/worklist');
    await org.getByTestId('worklist-table').waitFor();
    await screenshot(org, 'burden-worklist');
    await org.close();
  });
});
