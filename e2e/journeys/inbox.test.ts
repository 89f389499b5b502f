import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const PHONE = { width: 390, height: 844 };
/** A script that scrolls an element to just below the sticky header (for a screenshot of it). */
const scrollBelowHeader = (testId: string) =>
  `(() => { const el = document.querySelector('[data-testid="${testId}"]');
     window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72); })()`;
const shot = (name: string) => join(import.meta.dirname, '..', 'screenshots', name);
const rowsOf = (page: Page, tab: string) =>
  page.locator(`[data-testid="inbox-table-${tab}"] tbody tr.ant-table-row`);
const badge = async (page: Page) => Number(await page.getByTestId('header-inbox').getAttribute('data-count'));

describe('[inbox] 待办: the cadre’s appeal waits for 复核, the organisation department decides it, it leaves both inboxes', () => {
  let appealTitle = '';

  it('the cadre (phone) has nothing waiting and sees her appeal under 我发起的 at 复核', async () => {
    const page = await newPage(browser, PHONE);
    await loginUi(page, 'cadre');
    await page.goto('/inbox');
    await page.getByTestId('inbox-list-pending').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('inbox-list-pending').textContent()) ?? '')
      .toContain('暂无待处理事项');
    await screenshot(page, 'inbox-cadre-pending');
    await page.getByTestId('inbox-tab-mine').click();
    const mine = page.getByTestId('inbox-list-mine');
    await mine.waitFor();
    await expect.poll(async () => (await mine.textContent()) ?? '').toContain('考核等次申诉');
    const text = (await mine.textContent()) ?? '';
    expect(text).toContain('复核');
    // the applicant's name is Chinese characters only (another card's time may stand right before it)
    appealTitle = /([\u4e00-\u9fa5]+对\d{4}年度考核等次的申诉)/.exec(text)?.[1] ?? '';
    expect(appealTitle).not.toBe('');
    await screenshot(page, 'inbox-cadre-mine');
    await mine.locator('.ant-card').filter({ hasText: appealTitle }).first().click();
    await page.getByTestId('case-timeline').waitFor();
    // the applicant may withdraw while 复核 is pending, nothing else
    expect(await page.getByTestId('case-actions').getByRole('button').count()).toBe(1);
    await page.getByTestId('case-action-withdraw').waitFor();
    await screenshot(page, 'inbox-cadre-case');
    await page.close();
  });

  it('the organisation department (desktop) sees it with its deadline, the overdue tolerance case in red', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await expect.poll(() => badge(page)).toBeGreaterThanOrEqual(3);
    const before = await badge(page);
    await page.getByTestId('menu-inbox').click();
    await rowsOf(page, 'pending').first().waitFor();
    const titles = await rowsOf(page, 'pending').allTextContents();
    expect(titles.some((t) => t.includes(appealTitle) && t.includes('复核'))).toBe(true);
    expect(titles.some((t) => t.includes('容错申请') && t.includes('已逾期'))).toBe(true);
    await screenshot(page, 'inbox-orgdept');

    await rowsOf(page, 'pending').filter({ hasText: appealTitle }).click();
    await page.getByTestId('case-actions').waitFor();
    await page.getByTestId('case-action-decide').click();
    await page.getByTestId('case-comment').fill('经复核，测评得分计算无误，维持原等次。');
    await screenshot(page, 'inbox-orgdept-decide');
    const acted = page.waitForResponse(
      (r) => r.url().endsWith('/actions') && r.request().method() === 'POST',
    );
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    expect((await acted).status()).toBe(200);
    await expect
      .poll(async () => (await page.getByTestId('case-fields').textContent()) ?? '')
      .toContain('已办结');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('维持原等次');
    await screenshot(page, 'inbox-orgdept-case-done');

    await page.getByTestId('menu-inbox').click();
    await rowsOf(page, 'pending').first().waitFor();
    // the list may first show the cached rows while it refetches: wait for the fresh answer
    await expect
      .poll(async () =>
        (await rowsOf(page, 'pending').allTextContents()).some((t) => t.includes(appealTitle)),
      )
      .toBe(false);
    await expect.poll(() => badge(page)).toBe(before - 1);
    await page.close();
  });

  it('the appeal has left the cadre’s 我发起的; the committee member finds the tolerance case waiting', async () => {
    const page = await newPage(browser, PHONE);
    await loginUi(page, 'cadre');
    await page.goto('/inbox');
    await page.getByTestId('inbox-tab-mine').click();
    // the appeal is gone from 我发起的 (her other open matters, e.g. a 双向约谈 of the demo, stay)
    await expect
      .poll(async () => (await page.getByTestId('inbox-list-mine').textContent()) ?? '')
      .not.toContain(appealTitle);
    await page.close();

    const leader = await newPage(browser);
    await loginUi(leader, 'leader');
    await leader.goto('/inbox');
    await rowsOf(leader, 'pending').first().waitFor();
    // the tolerance case at 联席会议研究; besides it only the demo's 双向约谈 waiting for this leader's answer
    const pending = await rowsOf(leader, 'pending').allTextContents();
    expect(pending.filter((r) => r.includes('联席会议研究'))).toHaveLength(1);
    expect(pending.filter((r) => !r.includes('联席会议研究') && !r.includes('双向约谈'))).toEqual([]);
    await screenshot(leader, 'inbox-committee-member');
    await leader.close();
  });

  it('the pack pages list each case procedure with its time limits and their sources', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const { items: packs } = await api.get<{ items: { id: string; packId: string; selected: boolean }[] }>(
      '/api/packs',
    );
    const chosen = packs.find((p) => p.selected && p.packId === 'fengze') ?? packs[0];
    await page.goto(`/assessment/packs?id=${chosen?.id ?? ''}`);
    const view = page.getByTestId('pack-workflow');
    await view.scrollIntoViewIfNeeded();
    const text = (await view.textContent()) ?? '';
    for (const s of ['容错申请', '联席会议研究', '澄清正名', '考核等次申诉', '5 个工作日', '假设'])
      expect(text, s).toContain(s);
    await page.evaluate(scrollBelowHeader('pack-workflow'));
    await page.screenshot({ path: shot('inbox-pack-workflow.png') });

    await page.goto(`/assessment/packs/edit/${chosen?.id ?? ''}`);
    const editor = page.getByTestId('pe-workflow');
    await editor.scrollIntoViewIfNeeded();
    const field = page.getByTestId('pe-field-workflow-caseKinds-tolerance-steps-0-deadlineWorkingDays');
    expect(await field.inputValue()).toBe('5');
    await field.fill('7');
    await expect.poll(async () => (await editor.textContent()) ?? '').toContain('依据');
    await page.evaluate(scrollBelowHeader('pe-workflow'));
    await page.screenshot({ path: shot('inbox-pack-edit-workflow.png') });
    await page.close();
  });
});
