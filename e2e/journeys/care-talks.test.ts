import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);

// unique per run: journeys share one server and may run again on the same data
const reason = `想当面汇报社区网格化工作的困难（${Date.now()}）`;
const answer = '本周五下午三点区委办公楼二楼会议室';

describe('[care-talks] a cadre asks the 区委书记 for a talk on a phone, the leader answers, coverage shows', () => {
  let phone: Page;

  it('the cadre sees her requests on 我的关爱 · 约谈领导: the demo one answered, one waiting', async () => {
    phone = await newPage(browser, { width: 390, height: 844 });
    await loginUi(phone, 'cadre');
    await phone.goto('/care/mine?tab=talks');
    await phone.getByTestId('talk-request-new').waitFor();
    await phone.locator('[data-testid^="my-talk-request-"]').nth(1).waitFor();
    expect(await phone.getByText('已安排下周二上午九点在区委办公楼谈话').count()).toBeGreaterThan(0);
    await screenshot(phone, 'care-talks-mine-phone');
  });

  it('she asks 区委书记 周明远 for a talk: waiting, due in 10 working days', async () => {
    await phone.getByTestId('talk-request-new').click();
    await phone.getByTestId('talk-request-leader').click();
    await phone
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '区委书记 周明远' })
      .click();
    await phone.getByTestId('talk-request-reason').fill(reason);
    await screenshot(phone, 'care-talks-ask-phone');
    await phone.getByTestId('talk-request-save').click();
    const card = phone.locator('[data-testid^="my-talk-request-"]').filter({ hasText: reason });
    await card.waitFor();
    expect(await card.textContent()).toContain('等待答复');
    expect(await card.textContent()).toContain('领导答复时限10个工作日');
    await screenshot(phone, 'care-talks-asked-phone');
  });

  it('the leader finds it among 约谈申请 and answers it', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'leader');
    await page.goto('/care/talks?tab=requests');
    const row = rows(page, 'talk-requests').filter({ hasText: reason });
    await row.waitFor();
    await row.getByRole('button', { name: '答复' }).click();
    await page.getByTestId('talk-answer-text').fill(answer);
    await page.locator('#talk-answer-save').click();
    await row.getByText('已答复').waitFor();
    await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });
    await screenshot(page, 'care-talks-requests');
    await page.close();
  });

  it('the cadre sees the answer on her phone', async () => {
    await phone.reload();
    const card = phone.locator('[data-testid^="my-talk-request-"]').filter({ hasText: reason });
    await card.waitFor();
    await card.getByText(answer).waitFor();
    expect(await card.textContent()).toContain('已答复');
    await screenshot(phone, 'care-talks-answered-phone');
    await phone.close();
  });

  it('组织部 sees the plan and coverage by unit, the records, and the leaders with their linked units', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-careTalks').click();
    await page.getByTestId('talk-coverage').waitFor();
    await rows(page, 'talk-coverage').nth(3).waitFor();
    await rows(page, 'talk-plan').first().waitFor();
    expect(await page.getByTestId('talk-plan').textContent()).toContain('区委书记 周明远');
    await screenshot(page, 'care-talks-plan');
    await page.goto('/care/talks?tab=records');
    await rows(page, 'talk-records').first().waitFor();
    await rows(page, 'talk-records').first().locator('[data-testid^="talk-content-"]').click();
    await page.getByTestId('talk-content').waitFor();
    await screenshot(page, 'care-talks-records');
    await page.keyboard.press('Escape');
    await page.goto('/care/talks?tab=leaders');
    await rows(page, 'talk-leaders').nth(2).waitFor();
    expect(await page.getByTestId('talk-leaders').textContent()).toContain('区委副书记、区长');
    await screenshot(page, 'care-talks-leaders');
    await page.goto('/care/pairings');
    await page.getByTestId('pairing-table').waitFor();
    await screenshot(page, 'care-pairings-review');
    await page.close();
  });
});
