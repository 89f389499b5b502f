import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Pages load their chunk and texts first: a loaded 2-core machine takes seconds. */
const SLOW = { timeout: 20_000 };

const rowsOf = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"] tbody tr.ant-table-row`);

describe('[discipline] 从严管理: the demo district’s records, filings, cases and reports as each user meets them', () => {
  let cadreId = '';

  it('orgdept reads the records, opens the 诫勉 with its 免责 decision, and each page of the group', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-disciplineRecords').click();
    // the demo seed: a 诫勉, two 提醒, a 党内警告 (and the eligibility module's demo facts)
    await expect.poll(async () => rowsOf(page, 'record-table').count(), SLOW).toBeGreaterThanOrEqual(4);
    const admonishment = rowsOf(page, 'record-table').filter({ hasText: '清纪诫〔2026〕3号' }).first();
    expect(await admonishment.textContent()).toContain('已免责');
    await screenshot(page, 'discipline-records');
    await admonishment.getByRole('button', { name: '记录详情' }).click();
    await expect
      .poll(async () => (await page.getByTestId('record-detail').textContent()) ?? '', SLOW)
      .toContain('免责（2026-05-10，清容〔2026〕1号）');
    await page.waitForTimeout(500); // the drawer slides in
    await screenshot(page, 'discipline-record-detail');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('record-create').click();
    await page.getByTestId('record-form').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'discipline-record-form');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();

    await page.getByTestId('menu-riskFilings').click();
    // the demo's filing (other journeys may add theirs: the browser journeys share one server)
    await expect
      .poll(async () => rowsOf(page, 'filing-table').filter({ hasText: '老旧小区改造' }).count(), SLOW)
      .toBe(1);
    await screenshot(page, 'discipline-filings-orgdept');

    await page.getByTestId('menu-toleranceCases').click();
    await page.getByTestId('case-table').waitFor();
    // the demo's open case (applied by the cadre on 2026-07-01)
    await expect
      .poll(async () => rowsOf(page, 'case-table').filter({ hasText: '2026-07-01' }).count(), SLOW)
      .toBe(1);
    await screenshot(page, 'discipline-cases');
    await page.locator('.ant-segmented').getByText('已决定').click();
    const decided = rowsOf(page, 'case-table').filter({ hasText: '2026-03-10' });
    await expect.poll(async () => decided.count(), SLOW).toBe(1);
    await decided.first().getByRole('button', { name: '容错申请详情' }).click();
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('case-filed-first').textContent()).toBe('报备在先');
    expect(await page.getByTestId('case-outcome').textContent()).toBe('免责');
    await screenshot(page, 'discipline-case-decided');

    await page.getByTestId('menu-clarifications').click();
    const concluded = rowsOf(page, 'clarification-table').filter({ hasText: '2026-08-03' });
    await expect.poll(async () => concluded.count(), SLOW).toBe(1);
    await screenshot(page, 'discipline-clarifications');
    await concluded.first().getByRole('button', { name: '问题线索详情' }).click();
    expect(await page.getByTestId('clarification-conclusion').textContent()).toBe('不实');
    // the accuser card is for 纪检联络 only
    expect(await page.getByTestId('clarification-accuser').count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('clarification-notice').click();
    expect((await download).suggestedFilename()).toMatch(/^澄清正名通报-.+\.docx$/);
    await screenshot(page, 'discipline-clarification');

    // the record page's 从严管理 tab of the admonished cadre
    const me = (await (
      await page.request.get('/api/discipline-records?kind=admonishment&year=2026')
    ).json()) as {
      items: { cadreId: string; documentNo: string }[];
    };
    cadreId = me.items.find((r) => r.documentNo === '清纪诫〔2026〕3号')?.cadreId ?? '';
    await page.goto(`/cadres/${cadreId}?tab=discipline`);
    await expect
      .poll(async () => (await page.getByTestId('cadre-discipline').textContent()) ?? '', SLOW)
      .toContain('清容〔2026〕1号');
    await screenshot(page, 'discipline-cadre-tab');
    await page.close();
  });

  it('street1 sees 风险报备 and 容错纠错 only, files a project and sees no record of its cadres', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'street1');
    expect(await page.getByTestId('menu-disciplineRecords').count()).toBe(0);
    expect(await page.getByTestId('menu-clarifications').count()).toBe(0);
    await page.getByTestId('menu-riskFilings').click();
    const before = await (async () => {
      await expect.poll(async () => rowsOf(page, 'filing-table').count(), SLOW).toBeGreaterThan(0);
      return rowsOf(page, 'filing-table').count();
    })();
    await page.getByTestId('filing-create').click();
    await page.getByTestId('filing-form-project').fill('社区养老服务“一件事”改革');
    await page.getByTestId('filing-form-risks').fill('多部门数据共享存在合规风险');
    await page.getByTestId('filing-form-measures').fill('数据共享清单报街道审定');
    // the work starts today (the form's default): still 报备 in time
    const filed = page.waitForResponse(
      (r) => r.url().endsWith('/api/risk-filings') && r.request().method() === 'POST',
    );
    await page.getByTestId('filing-form-submit').click();
    expect((await filed).status()).toBe(200);
    await expect.poll(async () => rowsOf(page, 'filing-table').count(), SLOW).toBe(before + 1);
    await screenshot(page, 'discipline-filings-street1');
    // its admonished cadre's record page has no 从严管理 tab, and the API refuses
    await page.goto(`/cadres/${cadreId}`);
    await page.getByTestId('cadre-record').waitFor();
    expect(await page.getByTestId('cadre-tab-discipline').count()).toBe(0);
    expect((await page.request.get(`/api/cadres/${cadreId}/discipline-records`)).status()).toBe(403);
    await page.close();
  });

  it('the cadre, on a phone, sees their own record with its 免责 decision', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { cadreId: string };
    expect(me.cadreId).toBe(cadreId);
    await page.goto(`/cadres/${me.cadreId}?tab=discipline`);
    await expect
      .poll(async () => (await page.getByTestId('cadre-discipline').textContent()) ?? '', SLOW)
      .toContain('免责');
    // their own tolerance case with its outcome
    await expect
      .poll(async () => (await page.getByTestId('cadre-discipline-cases').textContent()) ?? '', SLOW)
      .toContain('免责 2026-05-10');
    await screenshot(page, 'discipline-cadre-phone');
    await page.close();
  });
});
