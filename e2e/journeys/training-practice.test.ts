import type { IndicatorValue, PracticeList, StationList } from '@ganbu/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const SLOW = { timeout: 15_000 };
const rows = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] tbody tr.ant-table-row`);

/** China's day (the server's "today"). */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

// 实战历练 (R-TRN-4) as 组织部 meets it under the demo's Fengze pack (巡察 lasts 6 months by default): the
// register with the demo's postings, a new 巡察 posting, the cadre's record showing it, and a structure
// indicator's preview counting it; then the station register, which says Fengze keeps no stations.
describe('[practice] 实战历练: post a cadre, see it on the record, count it in an indicator', () => {
  const post = `区委第四巡察组组员（旅程 ${Date.now() % 100000}）`;
  let cadreId = '';
  let cadreName = '';

  it('组织部 posts a cadre to 巡察 with the end from the pack, and it shows on the register', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    await page.goto('/training/practice');
    await page.getByTestId('practice-table').waitFor();
    // the demo's four postings at least (other journeys may add theirs)
    await expect.poll(async () => rows(page, 'practice-table').count(), SLOW).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('practice-intro').textContent()).toContain('丰泽区');
    await screenshot(page, 'practice-list');

    // a department cadre not yet posted: the third of the roster's 区直部门 people found by '局'
    const api = await apiOf(page);
    const roster = await api.get<{ items: { id: string; name: string; orgName: string }[] }>(
      '/api/cadres?q=' + encodeURIComponent('张') + '&pageSize=20',
    );
    const posted = await api.get<PracticeList>('/api/training/practice?pageSize=200');
    const free = roster.items.find((c) => !posted.items.some((p) => p.cadreId === c.id));
    expect(free).toBeDefined();
    cadreId = free!.id;
    cadreName = free!.name;

    await page.getByTestId('practice-create').click();
    await page.getByTestId('practice-form-cadre').click();
    await page.keyboard.type(cadreName);
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: free!.orgName });
    await option.first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('practice-form-kind').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '巡察' })
      .first()
      .click();
    await page.getByTestId('practice-form-post').fill(post);
    // the hint gives the default end: 6 months from today, less a day
    await expect
      .poll(async () => (await page.getByTestId('practice-form').textContent()) ?? '')
      .toContain('不填则按“巡察”默认 6 个月');
    await screenshot(page, 'practice-form');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/training/practice') && r.request().method() === 'POST',
    );
    await page.getByTestId('practice-form-submit').click();
    const res = await created;
    expect(res.status()).toBe(200);
    const posting = (await res.json()) as { startedOn: string; endsOn: string; status: string };
    expect(posting.startedOn).toBe(chinaToday());
    const [y, m, d] = posting.startedOn.split('-').map(Number) as [number, number, number];
    const expectedEnd = new Date(Date.UTC(y, m - 1 + 6, d) - 86400_000).toISOString().slice(0, 10);
    expect(posting.endsOn).toBe(expectedEnd);
    const row = page.locator('[data-testid="practice-table"] tbody tr', { hasText: post });
    await expect.poll(async () => (await row.textContent()) ?? '', SLOW).toContain('历练中');
    expect(await row.textContent()).toContain(`${chinaToday()} – ${expectedEnd}`);
    await page.close();
  });

  it("shows on the cadre's record page under 实战历练", async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    await page.goto(`/cadres/${cadreId}?tab=practice`);
    const tab = page.getByTestId('cadre-practice');
    await expect.poll(async () => (await tab.textContent()) ?? '', SLOW).toContain(post);
    expect(await tab.textContent()).toContain('巡察');
    expect(await tab.textContent()).toContain('未登记');
    await screenshot(page, 'practice-record');
    await page.close();
  });

  it("is counted by a structure indicator's preview with the practice clause", async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const today = chinaToday();
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const all = await api.get<PracticeList>('/api/training/practice?kind=inspection_tour&pageSize=200');
    // cadres with a 巡察 started on or before today and on or after the same day a year ago
    const expected = new Set(
      all.items.filter((p) => p.startedOn <= today && p.startedOn >= yearAgo).map((p) => p.cadreId),
    );
    expect(expected.has(cadreId)).toBe(true);
    const value = await api.send<IndicatorValue>('POST', '/api/indicators/preview', {
      asOf: today,
      indicator: {
        id: 'practice-inspection',
        name: '近一年参加巡察干部数',
        population: {},
        numerator: { practice: { kinds: ['inspection_tour'], withinYears: 1 } },
        target: { measure: 'count', op: 'gte', count: 1 },
      },
    });
    expect(value.numerator).toBe(expected.size);
    expect(value.numeratorText).toBe('近 1 年内有实战历练经历（巡察）');
    await page.close();
  });

  it('the station register says the Fengze pack keeps no stations', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const list = await api.get<StationList>('/api/training/stations');
    await page.goto('/training/stations');
    await page.getByTestId('station-table').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('station-explanation').textContent()) ?? '', SLOW)
      .toContain('未规定党员远程教育站点');
    expect(await page.getByTestId('station-round').count()).toBe(0);
    await expect
      .poll(async () => rows(page, 'station-table').count(), SLOW)
      .toBe(Math.min(list.items.length, 50));
    await screenshot(page, 'stations-list');
    await page.close();
  });
});
