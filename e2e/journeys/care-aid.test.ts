import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);

interface MyYear {
  balance: { cadreId: string; cadreName: string; entitled: number | null; balance: number | null };
  records: { startOn: string; endOn: string }[];
}

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * A past weekday of this year, from a week ago back, not inside a recorded leave (nor a seeded period's
 * month-days), as the day of a one-day annual leave (no holiday is taken there: 清明/劳动/端午/中秋/国庆
 * weeks are skipped by checking the answer's days).
 */
function freeWeekday(taken: { startOn: string; endOn: string }[]): string {
  const d = new Date();
  const year = d.getFullYear();
  d.setDate(d.getDate() - 7);
  for (let i = 0; i < 200 && d.getFullYear() === year; i += 1, d.setDate(d.getDate() - 1)) {
    const day = iso(d);
    const weekday = d.getDay();
    if (weekday === 0 || weekday === 6) continue;
    if (taken.some((r) => r.startOn <= day && day <= r.endOn)) continue;
    return day;
  }
  throw new Error('no free weekday this year');
}

describe('[care-aid] 休假: the unit records leave, the cadre sees her balance on a phone', () => {
  let me: MyYear;
  let day = '';

  it('the cadre reads her balance (explained) on 我的关爱 · 休假 at phone width', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    await page.goto('/care/mine?tab=leave');
    await page.getByTestId('my-leave-balance').waitFor();
    const api = await apiOf(page);
    me = await api.get<MyYear>(`/api/care/leave/mine?year=${new Date().getFullYear()}`);
    expect(me.balance.entitled).not.toBeNull();
    await expect
      .poll(async () => (await page.getByTestId('my-leave-explanation').textContent()) ?? '')
      .toContain('《职工带薪年休假条例》第三条');
    day = freeWeekday(me.records);
    await page.close();
  });

  it('street1 records a one-day annual leave for her on 休假与疗休养; her balance drops by 1', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'street1');
    await page.getByTestId('menu-careLeave').click();
    await page.getByTestId('leave-table').waitFor();
    await expect.poll(async () => rows(page, 'leave-table').count()).toBeGreaterThan(0);
    await page.getByPlaceholder('按姓名搜索').fill(me.balance.cadreName);
    await page.getByPlaceholder('按姓名搜索').press('Enter');
    const cell = page.getByTestId(`leave-balance-${me.balance.cadreId}`);
    await expect.poll(async () => (await cell.textContent()) ?? '').toBe(`${me.balance.balance} 天`);
    await page.getByTestId(`leave-record-${me.balance.cadreId}`).click();
    const range = page.locator('[data-testid="leave-form-period"] input');
    await range.first().click();
    await range.first().fill(day);
    await range.first().press('Enter');
    await range.nth(1).fill(day);
    await range.nth(1).press('Enter');
    await page.getByTestId('leave-form-note').fill('事假转年休假');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/care/leave/records'));
    await page.getByTestId('leave-form-submit').click();
    const res = await saved;
    expect(res.status(), await res.text()).toBe(200);
    const rec = (await res.json()) as { days: number };
    expect(rec.days).toBe(1);
    await expect
      .poll(async () => (await cell.textContent()) ?? '')
      .toBe(`${(me.balance.balance ?? 0) - 1} 天`);
    await screenshot(page, 'care-leave');
    await page.getByTestId(`leave-records-${me.balance.cadreId}`).click();
    await page.getByTestId('leave-record-list').waitFor();
    expect(await page.getByTestId('leave-record-list').textContent()).toContain(`${day} ~ ${day}`);
    await screenshot(page, 'care-leave-records');
    await page.close();
  });

  it('the cadre sees the new balance and the record on her phone', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    await page.goto('/care/mine?tab=leave');
    await page.getByTestId('leave-record-list').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('my-leave-explanation').textContent()) ?? '')
      .toContain(`剩余${(me.balance.balance ?? 0) - 1}天`);
    expect(await page.getByTestId('leave-record-list').textContent()).toContain(`${day} ~ ${day}`);
    await screenshot(page, 'care-my-leave-phone');
    await page.close();
  });
});

describe('[care-aid] 困难帮扶与优抚: a case, its checklist and follow-up', () => {
  let page: Page;

  it('lists the street’s cases with a duty-death family overdue for its visit; family details masked', async () => {
    page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'street1');
    await page.getByTestId('menu-careAid').click();
    await page.getByTestId('aid-table').waitFor();
    await expect.poll(async () => rows(page, 'aid-table').count()).toBeGreaterThanOrEqual(3);
    const overdue = rows(page, 'aid-table').filter({ has: page.getByTestId('aid-due-overdue') });
    expect(await overdue.filter({ hasText: '因公殉职家属关爱' }).count()).toBeGreaterThan(0);
    expect(await rows(page, 'aid-table').filter({ hasText: '陈美华' }).count()).toBe(0);
    await screenshot(page, 'care-aid');
  });

  it('opens a hardship case, reveals the family, completes a checklist item and records a visit', async () => {
    await page.getByTestId('aid-create').click();
    await page.getByTestId('aid-form-cadre').click();
    await page.keyboard.type('王');
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '王' });
    await option.first().waitFor();
    await option.first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('aid-form-kind').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '困难帮扶' })
      .click();
    await page.getByTestId('aid-form-contact').fill('黄秀珍（母亲）');
    await page.getByTestId('aid-form-phone').fill('13912345678');
    await page.getByTestId('aid-form-situation').fill('母亲突发重病，住院费用较高');
    await page.getByTestId('aid-form-submit').click();
    // the new case opens: masked until revealed
    await page.getByTestId('aid-detail').waitFor();
    expect(await page.getByTestId('aid-family-contact').textContent()).toBe('黄*');
    expect(await page.getByTestId('aid-situation').textContent()).toBe('***');
    await page.getByTestId('aid-reveal').click();
    await expect
      .poll(async () => (await page.getByTestId('aid-family-contact').textContent()) ?? '')
      .toBe('黄秀珍（母亲）');
    // opened today: the first visit is due in 6 months (Fengze 困难帮扶)
    expect(await page.getByTestId('aid-explanation').textContent()).toContain('困难帮扶每6个月走访回访一次');
    await page.getByTestId('aid-item-verify').click();
    await page.getByTestId('aid-item-note').fill('入户核实，情况属实');
    await page.getByTestId('aid-item-submit').click();
    await page.getByTestId('aid-item-done-verify').waitFor();
    await page.getByTestId('aid-visit-visitors').fill('街道党工委副书记');
    await page.getByTestId('aid-visit-content').fill('走访慰问，送去慰问金');
    await page.getByTestId('aid-visit-submit').click();
    await page.getByTestId('aid-visits').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('aid-explanation').textContent()) ?? '')
      .toContain('上次走访回访');
    await screenshot(page, 'care-aid-case');
    await page.close();
  });
});
