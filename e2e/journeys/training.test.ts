import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);
const openOptions = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

type Org = { id: string; name: string; parentId: string | null; kind: string };
type Cadre = { id: string; name: string; orgId: string; orgName: string };
type Record = { compliance: { days: number; required: number | null; shortfall: number } };

/** China's day (the server's "today"), `YYYY-MM-DD`, `offset` days away. */
function chinaDay(offset = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The text field of a control: the element with the test id when it is the input, else the input inside it. */
const inputOf = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Days as the pages write them: 10.5, 12. */
const fmt = (n: number) => String(Number(n.toFixed(2)));

/** Pick a unit in an org TreeSelect by typing its name. */
async function pickOrg(page: Page, testId: string, name: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper', {
      hasText: name,
    })
    .first()
    .click();
  await page.keyboard.press('Escape');
}

/** Pick cadres by name in the (multiple) cadre picker, the option that names their unit. */
async function pickCadres(page: Page, testId: string, cadres: Cadre[]) {
  await page.getByTestId(testId).click();
  for (const c of cadres) {
    await page.keyboard.type(c.name);
    const option = openOptions(page).filter({ hasText: c.name }).filter({ hasText: c.orgName });
    await option.first().waitFor();
    await option.first().click();
  }
  await page.keyboard.press('Escape');
}

// R-TRN-1/2 (issue 15): 组织部 runs a 点名调训 programme counted in hours (12 学时 ÷ 丰泽 8 = 1.5 天), the street
// confirms whom it sends, attendance is recorded (all present, then the absent one), and the compliance report and
// the cadre's own page show the days against the pack's 12 days for street cadres.
describe('[training] 组织部 dispatches cadres to a programme, records attendance; the shortfall shows, also on her phone', () => {
  const name = `街道干部专题业务培训班（${Date.now() % 100000}）`;
  let officer: Page;
  let me: Cadre;
  let other: Cadre;
  let street: Org;
  let district: Org;
  let daysBefore = 0;
  let programmeId = '';

  it('finds the demo cadre (a street cadre) and a colleague of her street, and her days so far', async () => {
    const cadrePage = await newPage(browser, { width: 390, height: 844 });
    await loginUi(cadrePage, 'cadre');
    const mine = await (await apiOf(cadrePage)).get<{ cadreId: string }>('/api/auth/me');
    await cadrePage.close();

    officer = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(officer, 'orgdept');
    const api = await apiOf(officer);
    const orgs = (await api.get<{ items: Org[] }>('/api/orgs')).items;
    district = orgs.find((o) => o.parentId === null) as Org;
    me = await api.get<Cadre>(`/api/cadres/${mine.cadreId}`);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    let cur = byId.get(me.orgId);
    while (cur && cur.kind !== 'street') cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    street = cur as Org;
    expect(street.kind).toBe('street');
    const colleagues = (
      await api.get<{ items: Cadre[] }>(`/api/cadres?orgId=${street.id}&pageSize=50&sort=name`)
    ).items.filter((c) => c.id !== me.id && c.name !== me.name);
    other = colleagues[0] as Cadre;
    expect(other).toBeDefined();
    const record = await api.get<Record>(`/api/training/cadres/${me.id}/record`);
    daysBefore = record.compliance.days;
    // the fengze pack: street cadres at least 12 days a year
    expect(record.compliance.required).toBe(12);
  });

  it('creates a 点名调训 programme of 12 学时: the drawer shows 12 ÷ 8 = 1.5 天 before saving', async () => {
    await officer.getByTestId('menu-trainingProgrammes').click();
    await officer.getByTestId('programme-table').waitFor();
    await screenshot(officer, 'training-programmes');
    await officer.getByTestId('programme-create').click();
    await officer.getByTestId('programme-form-name').fill(name);
    await officer.getByTestId('programme-form-kind').click();
    await openOptions(officer).filter({ hasText: '专题培训班' }).click();
    await pickOrg(officer, 'programme-form-organiser', district.name);
    const start = chinaDay(-1).slice(0, 4) === chinaDay().slice(0, 4) ? chinaDay(-1) : chinaDay();
    const range = officer.locator('.ant-drawer-open .ant-picker-range');
    await range.locator('input').first().click();
    await range.locator('input').first().fill(start);
    await range.locator('input').first().press('Enter');
    await range.locator('input').nth(1).fill(chinaDay());
    await range.locator('input').nth(1).press('Enter');
    await officer.locator('.ant-drawer-open .ant-radio-button-wrapper', { hasText: '按学时' }).click();
    await inputOf(officer, 'programme-form-amount').fill('12');
    await expect
      .poll(async () => (await officer.getByTestId('programme-form-preview').textContent()) ?? '')
      .toContain('12 学时 ÷ 政策包“丰泽区');
    expect(await officer.getByTestId('programme-form-preview').textContent()).toContain(
      '每天 8 学时 = 1.5 天',
    );
    await officer.locator('.ant-drawer-open .ant-radio-button-wrapper', { hasText: '点名调训' }).click();
    await pickOrg(officer, 'programme-form-target', street.name);
    await officer.locator('.ant-drawer-open .ant-drawer-title').click(); // close the tree
    await screenshot(officer, 'training-programme-form');
    const created = officer.waitForResponse(
      (r) => r.url().endsWith('/api/training/programmes') && r.request().method() === 'POST',
    );
    await officer.getByTestId('programme-form-submit').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(200);
    programmeId = ((await res.json()) as { id: string }).id;
    await officer.waitForURL(`**/training/programmes/${programmeId}`);
    await officer.getByTestId('programme-summary').waitFor();
    expect(await officer.getByTestId('programme-credit').textContent()).toContain('12 学时（1.5 天）');
  });

  it('names two cadres of the street; the street admin sees "须派" and confirms both', async () => {
    await officer.getByTestId('enrolment-add').click();
    await pickCadres(officer, 'enrolment-dialog-cadres', [me, other]);
    const added = officer.waitForResponse((r) => r.url().endsWith(`/programmes/${programmeId}/enrolments`));
    await officer.getByTestId('enrolment-dialog-ok').click();
    expect((await added).status()).toBe(200);
    await expect.poll(async () => rows(officer, 'enrolment-table').count()).toBe(2);
    expect(await officer.getByTestId('enrolment-table').textContent()).toContain('待单位确认');

    const admin = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(admin, 'street1');
    await admin.goto(`/training/programmes/${programmeId}`);
    const mustSend = admin.getByTestId('enrolment-must-send');
    await mustSend.waitFor();
    expect(await mustSend.textContent()).toContain(me.name);
    expect(await mustSend.textContent()).toContain(other.name);
    await screenshot(admin, 'training-must-send');
    for (const c of [me, other]) {
      const row = rows(admin, 'enrolment-table').filter({ hasText: c.name });
      const confirmed = admin.waitForResponse((r) => r.url().endsWith('/confirm'));
      await row.getByRole('button', { name: '确认派送' }).click();
      expect((await confirmed).status()).toBe(200);
    }
    await expect.poll(async () => mustSend.count()).toBe(0);
    await expect
      .poll(async () => rows(admin, 'enrolment-table').filter({ hasText: '已确认参训' }).count())
      .toBe(2);
    await admin.close();
  });

  it('records attendance: 全部出勤, then the absent colleague with a leave reason; credit 1.5 天 for her', async () => {
    await officer.reload();
    await officer.getByRole('tab', { name: '考勤' }).click();
    await officer.getByTestId('attendance-table').waitFor();
    await expect.poll(async () => rows(officer, 'attendance-table').count()).toBe(2);
    await officer.getByTestId('attendance-all').click();
    await officer.getByTestId(`attendance-present-${other.id}`).click();
    await officer.getByTestId(`attendance-reason-${other.id}`).fill('公务请假');
    expect(await officer.getByTestId('attendance-counts').textContent()).toBe(
      '参训 2 人，未登记 0 人，缺勤 1 人',
    );
    await screenshot(officer, 'training-attendance');
    const saved = officer.waitForResponse(
      (r) => r.url().endsWith(`/programmes/${programmeId}/attendance`) && r.request().method() === 'POST',
    );
    await officer.getByTestId('attendance-save').click();
    expect((await saved).status()).toBe(200);

    await officer.getByRole('tab', { name: '学时登记' }).click();
    await officer.getByTestId('credit-table').waitFor();
    await expect
      .poll(async () => (await officer.getByTestId(`credit-days-${me.id}`).textContent()) ?? '')
      .toBe('1.5');
    expect(await officer.getByTestId(`credit-days-${other.id}`).textContent()).toBe('0');
    expect(await officer.getByTestId('programme-counts').textContent()).toBe('2 / 1');
    await screenshot(officer, 'training-credits');
  });

  it('the compliance report of her street shows her days and shortfall against 12 days, with the reason', async () => {
    const days = daysBefore + 1.5;
    const shortfall = Math.max(0, 12 - days);
    expect(shortfall).toBeGreaterThan(0); // the demo has no street cadre near 12 days through this programme alone
    await officer.getByTestId('menu-trainingCompliance').click();
    await officer.getByTestId('compliance-units').waitFor();
    await pickOrg(officer, 'compliance-org', street.name);
    await inputOf(officer, 'compliance-search').fill(me.name);
    await inputOf(officer, 'compliance-search').press('Enter');
    await officer.getByTestId(`compliance-shortfall-${me.id}`).waitFor();
    expect(await officer.getByTestId(`compliance-days-${me.id}`).textContent()).toBe(fmt(days));
    expect(await officer.getByTestId(`compliance-shortfall-${me.id}`).textContent()).toBe(fmt(shortfall));
    const explain = (await officer.getByTestId(`compliance-explain-${me.id}`).textContent()) ?? '';
    expect(explain).toContain(`还差${fmt(shortfall)}天`);
    await officer.getByTestId(`compliance-req-${me.id}-street_days`).hover();
    await officer.locator('.ant-popover:not(.ant-popover-hidden)').waitFor();
    await screenshot(officer, 'training-compliance');
  });

  it('on her phone, 我的培训 shows her total against 12 days and what is still missing', async () => {
    const days = daysBefore + 1.5;
    const phone = await newPage(browser, { width: 390, height: 844 });
    await loginUi(phone, 'cadre');
    await phone.goto('/training/mine');
    await phone.getByTestId('mine-days').waitFor();
    expect(await phone.getByTestId('mine-days').textContent()).toBe(fmt(days));
    expect(await phone.getByTestId('mine-total').textContent()).toContain('要求 12 天');
    expect(await phone.getByTestId('mine-shortfall').textContent()).toBe(`还差 ${fmt(12 - days)} 天`);
    expect(await phone.getByTestId('mine-attendance').textContent()).toContain(name);
    expect(await phone.getByTestId('mine-enrolments').textContent()).toContain(name);
    // nothing wider than the phone
    const width = await phone.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(phone, 'training-mine-phone');
    await phone.getByTestId('mine-requirements').scrollIntoViewIfNeeded();
    await screenshot(phone, 'training-mine-phone-requirements');
    await phone.close();
  });
});
