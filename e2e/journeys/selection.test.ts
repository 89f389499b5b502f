import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Pages load their chunk and texts first: a loaded 2-core machine takes seconds. */
const SLOW = { timeout: 20_000 };
const WIDE = { width: 1440, height: 900 };

type Org = { id: string; name: string; kind: string; active: boolean };
type Roster = { total: number; items: { id: string; name: string; orgId: string; orgName: string }[] };
type Records = { items: { cadreId: string; kind: string; grade: string | null }[] };

/** Type a date into an antd DatePicker and confirm it. */
async function typeDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Pick the cadre named `name` of `unit` in the candidate picker (names may repeat across units). */
async function pickCadre(page: Page, name: string, unit: string): Promise<void> {
  await page.getByTestId('candidate-add-picker').click();
  await page.keyboard.type(name);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: name })
    .filter({ hasText: unit });
  await option.first().waitFor(SLOW);
  await option.first().click();
}

/** 添加人选 through the modal; answers the modal's error text when the server refuses. */
async function addCandidate(page: Page, name: string, unit: string): Promise<number> {
  await page.getByTestId('candidate-add').click();
  await pickCadre(page, name, unit);
  const added = page.waitForResponse(
    (r) => r.url().endsWith('/candidates') && r.request().method() === 'POST',
  );
  await page.getByTestId('candidate-add-ok').click();
  return (await added).status();
}

/** The action bar's action: opens its modal, fills what it asks and confirms; waits for the answer. */
async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<number> {
  await page.getByTestId(`process-act-${action}`).click();
  await page.getByTestId('process-act-ok').waitFor();
  if (fill) await fill();
  const done = page.waitForResponse((r) => r.url().endsWith('/act') && r.request().method() === 'POST');
  await page.getByTestId('process-act-ok').click();
  const status = (await done).status();
  await page.getByTestId('process-act-ok').waitFor({ state: 'hidden' });
  return status;
}

const currentStep = (page: Page, id: string) => page.getByTestId(`step-${id}-current`).waitFor(SLOW);

describe('[selection] 选拔任用: 组织部 runs a plain process from 动议 to 任职 with its 公示, and a leader reads it', () => {
  let processId = '';
  let chosenId = '';
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  it('组织部 starts a process for a street post, enters candidates, records each step, handles an objection and appoints', async () => {
    const page = await newPage(browser, WIDE);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);

    // the last street of the demo district (the first two are street1's and street2's, the cadre's in the first)
    const { items: orgs } = await api.get<{ items: Org[] }>('/api/orgs');
    const street = orgs.filter((o) => o.kind === 'street' && o.active).at(-1)!;
    expect(street).toBeTruthy();
    // two of its cadres the engine finds eligible for promotion today, with no discipline record
    const records = await api.get<Records>('/api/discipline-records?pageSize=100');
    const disciplined = new Set(records.items.map((r) => r.cadreId));
    const roster = await api.get<Roster>(
      `/api/cadres?orgId=${street.id}&promotableOn=${day}&sort=name&pageSize=50`,
    );
    const [a, b] = roster.items.filter((c) => c.orgId === street.id && !disciplined.has(c.id)).slice(-2);
    expect(a && b).toBeTruthy();
    // the demo's 党内警告 of 2026-06-20 keeps that cadre from promotion for a year (eligibility journey)
    const warned = records.items.find((r) => r.kind === 'party_discipline' && r.grade === 'warning')!;
    const warnedRecord = await api.get<{ name: string; orgName: string }>(`/api/cadres/${warned.cadreId}`);

    await page.getByTestId('menu-selectionProcesses').click();
    await page.getByTestId('process-table').waitFor(SLOW);
    await page.getByTestId('process-create').click();
    await page.getByTestId('process-create-form').waitFor(SLOW);
    // fengze (the demo's pack) ships one kind: the plain 动议 → 民主推荐 → 考察 → 讨论决定 → 任前公示 → 任职
    await expect
      .poll(async () => (await page.getByTestId('process-create-steps').textContent()) ?? '', SLOW)
      .toContain('不少于 5 个工作日，按工作日历计算');
    await page.getByTestId('process-create-org').click();
    await page.keyboard.type(street.name);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: street.name }).first().click();
    await page.getByTestId('process-create-post').fill('党工委副书记');
    await page.waitForTimeout(400); // the drawer slides in
    await screenshot(page, 'selection-create');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/selection/processes') && r.request().method() === 'POST',
    );
    await page.getByTestId('process-create-submit').click();
    expect((await created).status()).toBe(200);
    await page.waitForURL(/\/selection\/processes\/[0-9a-f-]{36}$/, SLOW);
    processId = page.url().split('/').at(-1)!;
    await expect
      .poll(async () => (await page.getByTestId('process-title').textContent()) ?? '', SLOW)
      .toBe(`${street.name}党工委副书记选拔`);
    await currentStep(page, 'motion');

    // the warned cadre is refused: the kind stops the ineligible, and says why in Chinese
    expect(await addCandidate(page, warnedRecord.name, warnedRecord.orgName)).toBe(409);
    const refusal = (await page.getByTestId('candidate-add-error').textContent()) ?? '';
    expect(refusal).toContain('该人选经资格审查不符合提拔条件，按政策包规定不能列为人选');
    expect(refusal).toContain(`${warnedRecord.name}同志 ${day} 不符合提拔任用的资格条件`);
    expect(refusal).toContain('党员受到警告处分一年内');
    await screenshot(page, 'selection-hard-stop');
    await page.locator('.ant-modal-close:visible').click();

    expect(await addCandidate(page, a!.name, street.name)).toBe(200);
    expect(await addCandidate(page, b!.name, street.name)).toBe(200);
    await expect
      .poll(async () => page.locator('[data-testid="candidate-table"] tbody tr.ant-table-row').count(), SLOW)
      .toBe(2);
    expect(await page.getByTestId(`candidate-eligibility-${a!.id}`).textContent()).toBe('合格');
    expect(await page.getByTestId(`candidate-eligibility-${b!.id}`).textContent()).toBe('合格');
    expect(await act(page, 'approve')).toBe(200);

    // 民主推荐: advancing is blocked until each candidate has votes; the rate is computed as they are typed
    await currentStep(page, 'recommendation');
    expect(await page.getByTestId('process-act-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('blocker-SELECTION_STEP_INCOMPLETE').textContent()).toBe(
      `民主推荐尚有 2 名人选未录入结果：${a!.name}、${b!.name}`,
    );
    const votes = async (id: string, f: number, x: number, y: number) => {
      await page.getByTestId(`result-votesFor-${id}`).fill(String(f));
      await page.getByTestId(`result-votesAgainst-${id}`).fill(String(x));
      await page.getByTestId(`result-votesAbstain-${id}`).fill(String(y));
    };
    await votes(a!.id, 18, 1, 1);
    await votes(b!.id, 12, 5, 3);
    await page.getByTestId(`result-finding-${b!.id}`).click(); // the last number is taken on blur
    expect(await page.getByTestId(`result-rate-${a!.id}`).textContent()).toBe(
      '赞成 18 票 ÷ 投票 20 票 = 90.0%',
    );
    expect(await page.getByTestId(`result-rate-${b!.id}`).textContent()).toBe(
      '赞成 12 票 ÷ 投票 20 票 = 60.0%',
    );
    await screenshot(page, 'selection-recommendation');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/results') && r.request().method() === 'POST',
    );
    await page.getByTestId('result-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(async () => page.getByTestId('process-act-approve').isDisabled(), SLOW).toBe(false);
    expect(await act(page, 'approve')).toBe(200);

    // 考察: a conclusion and a finding per candidate
    await currentStep(page, 'inspection');
    await page.getByTestId(`result-passed-${a!.id}`).getByText('通过', { exact: true }).click();
    await page.getByTestId(`result-finding-${a!.id}`).fill('政治坚定，群众公认，考察合格');
    await page.getByTestId(`result-passed-${b!.id}`).getByText('通过', { exact: true }).click();
    await page.getByTestId(`result-finding-${b!.id}`).fill('考察合格');
    const inspected = page.waitForResponse(
      (r) => r.url().endsWith('/results') && r.request().method() === 'POST',
    );
    await page.getByTestId('result-save').click();
    expect((await inspected).status()).toBe(200);
    await expect.poll(async () => page.getByTestId('process-act-approve').isDisabled(), SLOW).toBe(false);
    expect(await act(page, 'approve')).toBe(200);

    // 讨论决定: one position, the first candidate chosen
    await currentStep(page, 'decision');
    await page.getByTestId('decision-choices').getByText(a!.name).click();
    const decided = page.waitForResponse(
      (r) => r.url().endsWith('/decision') && r.request().method() === 'POST',
    );
    await page.getByTestId('decision-save').click();
    expect((await decided).status()).toBe(200);
    await expect.poll(async () => page.getByTestId('process-act-approve').isDisabled(), SLOW).toBe(false);
    expect(await act(page, 'approve')).toBe(200);
    chosenId = a!.id;

    // 任前公示 from 2026-09-30: day 1, National Day 10-01…10-07, 10-08 and 10-09 days 2 and 3, the make-up
    // Saturday 10-10 day 4, Sunday 10-11 skipped, 10-12 day 5 — over by today
    await currentStep(page, 'notice');
    await typeDate(page, 'notice-start', '2026-09-30');
    await page.getByTestId('notice-contact').fill('区委组织部干部监督科 0797-1234567');
    const opened = page.waitForResponse(
      (r) => r.url().endsWith('/notices') && r.request().method() === 'POST',
    );
    await page.getByTestId('notice-submit').click();
    expect((await opened).status()).toBe(200);
    await expect
      .poll(async () => (await page.getByTestId('notice-period').textContent()) ?? '', SLOW)
      .toBe('2026-09-30 至 2026-10-12（5 个工作日）');
    expect(await page.getByTestId('notice-running').textContent()).toBe('已期满');
    const explanation = (await page.getByTestId('notice-explanation').textContent()) ?? '';
    expect(explanation).toContain('公示自 2026年9月30日 起（含当日）计 5 个工作日，至 2026年10月12日 止');
    expect(explanation).toContain('10月11日（周末）');
    const download = page.waitForEvent('download');
    await page.getByTestId('notice-download').click();
    expect((await download).suggestedFilename()).toBe(`${street.name}党工委副书记选拔-任前公示.docx`);

    // a problem reported about the chosen one: advancing is refused until it is closed
    await page.getByTestId('objection-add').click();
    await page.getByTestId('objection-candidate').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: a!.name,
      })
      .click();
    await page.getByTestId('objection-channel').fill('来信');
    await page.getByTestId('objection-summary').fill('反映该同志在社区改造项目中作风简单');
    const reported = page.waitForResponse(
      (r) => r.url().endsWith('/objections') && r.request().method() === 'POST',
    );
    await page.getByTestId('objection-add-ok').click();
    expect((await reported).status()).toBe(200);
    await page.getByTestId('objection-add-ok').waitFor({ state: 'hidden' });
    await expect
      .poll(async () => await page.getByTestId('blocker-SELECTION_OBJECTION_OPEN').count(), SLOW)
      .toBe(1);
    expect(await page.getByTestId('blocker-SELECTION_OBJECTION_OPEN').textContent()).toBe(
      '任前公示期间收到的反映问题尚有 1 件未办结',
    );
    expect(await page.getByTestId('process-act-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('objection-open').textContent()).toBe('待办结');
    await screenshot(page, 'selection-objection-open');
    // the API refuses it too, with the code and its sentence
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const refused = await page.request.post(`/api/selection/processes/${processId}/act`, {
      data: { action: 'approve' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('SELECTION_OBJECTION_OPEN');

    const objection = page.locator('[data-testid^="objection-close-"]').first();
    await objection.click();
    await page.getByTestId('objection-finding').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '不属实',
      })
      .click();
    await page.getByTestId('objection-handling').fill('经核查，所反映问题不属实，已向反映人反馈');
    const closed = page.waitForResponse((r) => r.url().endsWith('/close') && r.request().method() === 'POST');
    await page.getByTestId('objection-close-ok').click();
    expect((await closed).status()).toBe(200);
    await page.getByTestId('objection-close-ok').waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await page.getByTestId('objection-closed').textContent()) ?? '', SLOW)
      .toBe(`${day} 办结`);
    expect(await page.getByTestId('blocker-SELECTION_OBJECTION_OPEN').count()).toBe(0);
    expect(await act(page, 'approve')).toBe(200);

    // 任职: the day asked, written into the registry
    await currentStep(page, 'appointment');
    expect(await page.getByTestId('process-act-approve').textContent()).toBe('确认任职');
    expect(
      await act(page, 'approve', async () => {
        await page.getByTestId('process-act-appointed-on').fill(day);
        await page.getByTestId('process-act-appointed-on').press('Enter');
      }),
    ).toBe(200);
    await expect
      .poll(async () => (await page.getByTestId('process-state').textContent()) ?? '', SLOW)
      .toBe('已任职');
    expect(await page.getByTestId('process-appointed-on').textContent()).toBe(day);
    expect(await page.getByTestId('step-appointment-done').count()).toBe(1);
    expect(await page.getByTestId('process-actions').count()).toBe(0);
    await page.getByTestId('process-timeline').waitFor(SLOW);
    await screenshot(page, 'selection-done');

    // the cadre's record: the new post from the appointment day
    await page.goto(`/cadres/${a!.id}?tab=appointments`);
    await expect
      .poll(async () => (await page.getByTestId('cadre-appointments').textContent()) ?? '', SLOW)
      .toContain('党工委副书记');
    const post = page.locator('[data-testid="cadre-appointments"] tbody tr.ant-table-row', {
      hasText: '党工委副书记',
    });
    expect(await post.first().textContent()).toContain(`${day} — 至今${street.name}党工委副书记`);
    await screenshot(page, 'selection-cadre-record');
    await page.close();
  }, 300_000);

  it('the list shows it appointed; a leader reads the process on a phone, without actions', async () => {
    const wide = await newPage(browser, WIDE);
    await loginUi(wide, 'orgdept');
    await wide.getByTestId('menu-selectionProcesses').click();
    await wide.getByTestId('process-filter-state').getByText('已任职').click();
    await wide.getByTestId(`process-open-${processId}`).waitFor(SLOW);
    await screenshot(wide, 'selection-list');
    await wide.close();

    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'leader');
    await page.goto(`/selection/processes/${processId}`);
    await page.getByTestId('process-page').waitFor(SLOW);
    expect(await page.getByTestId('process-state').textContent()).toBe('已任职');
    expect(await page.getByTestId('candidate-add').count()).toBe(0);
    expect(await page.getByTestId(`candidate-out-${chosenId}`).count()).toBe(0);
    await screenshot(page, 'selection-process-phone');
    await page.getByTestId('process-candidates').scrollIntoViewIfNeeded();
    await screenshot(page, 'selection-process-phone-candidates');
    await page.getByTestId('process-notices').scrollIntoViewIfNeeded();
    await screenshot(page, 'selection-process-phone-notice');
    await page.close();
  });
});
