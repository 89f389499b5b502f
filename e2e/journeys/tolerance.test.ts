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

/** Pick the first cadre the picker finds for `q`. */
async function pick(page: Page, testId: string, q: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(q);
  const options = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: q });
  await options.first().waitFor();
  await options.first().click();
  await page.keyboard.press('Escape');
}

/** Choose an option of an open select by its text. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

const CHECKLIST = [
  'threeDistinctions',
  'motive',
  'conditions',
  'procedure',
  'nature',
  'consequences',
  'recovery',
  'lawful',
  'dutyDone',
  'publicInterest',
  'harmAvoided',
];

describe('[tolerance] 容错纠错: a 诫勉 filed, a case opened, the joint committee decides 免责, eligibility and 待办 follow', () => {
  let cadre = { id: '', name: '' };
  let caseUrl = '';

  it('orgdept files a 诫勉 on a street cadre without records', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    // a cadre of the second street with a name unique in the district and no record yet
    const list = (await (await page.request.get('/api/cadres?pageSize=200')).json()) as {
      items: { id: string; name: string; orgName: string }[];
    };
    const records = (await (await page.request.get('/api/discipline-records?pageSize=200')).json()) as {
      items: { cadreId: string }[];
    };
    const taken = new Set(records.items.map((r) => r.cadreId));
    const counts = new Map<string, number>();
    for (const c of list.items) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    const free = list.items.filter((c) => !taken.has(c.id) && counts.get(c.name) === 1);
    const found = free.find((c) => c.orgName.includes('街道')) ?? free[0];
    expect(found).toBeDefined();
    cadre = { id: found?.id ?? '', name: found?.name ?? '' };

    await page.getByTestId('menu-disciplineRecords').click();
    await page.getByTestId('record-create').click();
    await pick(page, 'record-form-cadre', cadre.name);
    await choose(page, 'record-form-kind', '诫勉');
    await page.getByTestId('record-form-facts').fill('推进征迁项目中未经集体研究先行签订补偿协议');
    await page.getByTestId('record-form-decided-by').fill('区纪委');
    await page.getByTestId('record-form-document-no').fill('清纪诫〔2026〕21号');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/discipline-records') && r.request().method() === 'POST',
    );
    await page.getByTestId('record-form-submit').click();
    expect((await created).status()).toBe(200);
    const row = page.locator('[data-testid="record-table"] tbody tr', { hasText: cadre.name }).first();
    await expect.poll(async () => (await row.textContent()) ?? '', SLOW).toContain('清纪诫〔2026〕21号');
    await screenshot(page, 'tolerance-record-filed');
    await page.close();
  });

  it('orgdept opens a case ex officio, sets the committee, completes the investigation', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-toleranceCases').click();
    await page.getByTestId('case-create').click();
    await pick(page, 'case-form-cadre', cadre.name);
    await page
      .getByTestId('case-form-facts')
      .fill('为赶在汛期前完成安置，经街道集体决策先行签约，已补齐程序，未谋私利');
    await choose(page, 'case-form-records', '诫勉');
    await page.keyboard.press('Escape');
    const opened = page.waitForResponse(
      (r) => r.url().endsWith('/api/tolerance-cases') && r.request().method() === 'POST',
    );
    await page.getByTestId('case-form-submit').click();
    expect((await opened).status()).toBe(200);
    await page.getByTestId('case-detail').waitFor();
    caseUrl = new URL(page.url()).pathname;
    await expect
      .poll(async () => (await page.getByTestId('case-records').textContent()) ?? '', SLOW)
      .toContain('清纪诫〔2026〕21号');

    // the case waits for 受理 in 组织部's 待办
    await page.goto('/inbox');
    await expect
      .poll(async () => (await page.getByTestId('inbox-table-pending').textContent()) ?? '', SLOW)
      .toContain(`容错申请：${cadre.name}`);
    await screenshot(page, 'tolerance-inbox-orgdept');
    await page.goto(caseUrl);
    await page.getByTestId('case-detail').waitFor();

    // the joint committee: 组织部干部科 and 纪检联络员
    await page.getByTestId('committee-select').click();
    for (const name of ['组织部干部科', '纪检联络员'])
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: name })
        .first()
        .click();
    await page.keyboard.press('Escape');
    const committee = page.waitForResponse(
      (r) => r.url().endsWith('/committee') && r.request().method() === 'PUT',
    );
    await page.getByTestId('committee-save').click();
    expect((await committee).status()).toBe(200);

    for (const item of CHECKLIST)
      await page.getByTestId(`checklist-${item}`).getByText('是', { exact: true }).click();
    await page
      .getByTestId('case-investigation')
      .fill('调阅街道党工委会议纪要与安置台账，走访被安置户五户，事实清楚');
    const done = page.waitForResponse(
      (r) => r.url().includes('/api/tolerance-cases/') && r.request().method() === 'PATCH',
    );
    await page.getByTestId('case-investigated').click();
    expect((await done).status()).toBe(200);
    await expect
      .poll(async () => (await page.getByTestId('case-checklist').textContent()) ?? '', SLOW)
      .toContain('调查完成于');
    // orgdept is a member too, but the decision is taken below by the other member
    await screenshot(page, 'tolerance-investigated');
    await page.close();
  });

  it('jijian, a committee member, decides 免责; the record shows the exemption', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'jijian');
    // 联席会议研究 waits in the member's 待办; the 资格 tab still says no promotion
    await page.goto('/inbox');
    await expect
      .poll(async () => (await page.getByTestId('inbox-table-pending').textContent()) ?? '', SLOW)
      .toContain(`容错申请：${cadre.name}`);
    await screenshot(page, 'tolerance-inbox-jijian');
    await page.goto(`/cadres/${cadre.id}?tab=eligibility`);
    await expect
      .poll(async () => (await page.getByTestId('eligibility-promotion').textContent()) ?? '', SLOW)
      .toContain('不符合');
    await screenshot(page, 'tolerance-eligibility-before');
    await page.goto(caseUrl);
    await page.getByTestId('decision-form').waitFor();
    await page.getByTestId('decision-reason').fill('属于推进改革中的探索性失误，符合容错情形，予以免责');
    await page.getByTestId('decision-document-no').fill('清容〔2026〕7号');
    const decided = page.waitForResponse(
      (r) => r.url().endsWith('/decision') && r.request().method() === 'POST',
    );
    await page.getByTestId('decision-submit').click();
    expect((await decided).status()).toBe(200);
    await expect
      .poll(async () => (await page.getByTestId('case-outcome').textContent()) ?? '', SLOW)
      .toBe('免责');
    await expect
      .poll(async () => (await page.getByTestId('case-process').textContent()) ?? '', SLOW)
      .toContain('已办结');
    await screenshot(page, 'tolerance-decided');
    // out of the member's 待办
    await page.goto('/inbox');
    await page.getByTestId('inbox-tab-pending').waitFor();
    await expect
      .poll(
        async () =>
          (await page
            .locator('[data-testid="inbox-table-pending"], [data-testid="inbox-list-pending"]')
            .first()
            .textContent()) ?? '',
        SLOW,
      )
      .not.toContain(`容错申请：${cadre.name}`);
    // the 资格 tab: eligible for promotion again, the exemption in the reasons
    await page.goto(`/cadres/${cadre.id}?tab=eligibility`);
    await expect
      .poll(async () => (await page.getByTestId('eligibility-promotion').textContent()) ?? '', SLOW)
      .not.toContain('不符合');
    expect(await page.getByTestId('cadre-eligibility').textContent()).toContain('清容〔2026〕7号');
    await screenshot(page, 'tolerance-eligibility-after');
    await page.goto(`/cadres/${cadre.id}?tab=discipline`);
    await expect
      .poll(async () => (await page.getByTestId('cadre-discipline').textContent()) ?? '', SLOW)
      .toContain('清容〔2026〕7号');
    await screenshot(page, 'tolerance-record-page');
    await page.close();
  });
});
