import type {
  IndicatorBreakdown,
  IndicatorList,
  IndicatorPeople,
  PackDetail,
  PackSummary,
} from '@ganbu/core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Pages load their chunk and texts first: a loaded 2-core machine takes seconds. */
const SLOW = { timeout: 20_000 };
const DESKTOP = { width: 1440, height: 900 };

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

/** `37.5%（3/8）` as the server writes it: tenths of a percent, half up, in integers. */
function shareText(numerator: number, population: number): string {
  const tenths = Math.floor((2000 * numerator + population) / (2 * population));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%（${numerator}/${population}）`;
}

/** The roster's 共 N 条 under its table. */
async function rosterTotal(page: Page): Promise<number> {
  const total = page.locator('.ant-pagination-total-text');
  await total.waitFor(SLOW);
  return Number(/共 (\d+) 条/.exec(await text(total))?.[1] ?? -1);
}

// 结构指标 (R-SEL-1) as 组织部 meets them: the Fengze pack's indicators over the district, drilled down to a unit
// and to the people behind the number, who are exactly the roster opened from there; then a new indicator
// defined in the editor, previewed with its exact value and saved into a new version of the district's pack.
describe('[indicators] 结构指标: dashboard, drill-down to people and roster, the editor', () => {
  it('组织部 sees the Fengze indicators, drills district → unit → people → roster with the same count', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const list = await api.get<IndicatorList>('/api/indicators');
    expect(list.packId).toBe('fengze');
    expect(list.items.map((i) => i.id)).toEqual(
      expect.arrayContaining(['reserve-street-leadership', 'department-leaders-street-experience']),
    );

    await page.getByTestId('menu-indicators').click();
    await page.waitForURL((u) => u.pathname === '/selection/indicators');
    for (const item of list.items) {
      const card = page.getByTestId(`indicator-card-${item.id}`);
      await card.waitFor(SLOW);
      expect(await text(page.getByTestId(`indicator-name-${item.id}`))).toBe(item.name);
      expect(await text(page.getByTestId(`indicator-value-${item.id}`))).toBe(item.valueText);
      expect(await text(page.getByTestId(`indicator-target-${item.id}`))).toBe(`目标 ${item.targetText}`);
      expect(await text(page.getByTestId(`indicator-met-${item.id}`))).toBe(
        item.met === null ? '未评判' : item.met ? '达标' : '未达标',
      );
      // the share is the counts' own: numerator / population, one decimal, half up
      if (item.target.measure === 'share' && item.population > 0)
        expect(item.valueText).toBe(shareText(item.numerator, item.population));
    }
    expect(await text(page.getByTestId('indicator-pack'))).toBe(
      `${list.packName}（${list.effectiveFrom} 起施行）`,
    );
    // no 暂无数据 under a spinner: the page is the cards
    expect(await page.locator('.ant-empty').count()).toBe(0);
    await screenshot(page, 'indicators-dashboard');

    // ── the explanation, one click away
    const id = 'department-leaders-street-experience';
    const item = list.items.find((i) => i.id === id)!;
    expect(item.population).toBeGreaterThan(0);
    await page.getByTestId(`indicator-explain-${id}`).click();
    const drawer = page.getByTestId('indicator-explain-drawer');
    await expect.poll(() => text(drawer.getByTestId('indicator-explanation')), SLOW).toBe(item.explanation);
    expect(await text(drawer.getByTestId('indicator-source'))).toBe(item.sourceText);
    expect(item.sourceText.length).toBeGreaterThan(4);
    await page.waitForTimeout(400);
    await screenshot(page, 'indicators-explain');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // ── district → the unit with the most people meeting it
    await page.getByTestId(`indicator-open-${id}`).click();
    await page.waitForURL((u) => u.pathname === `/selection/indicators/${id}`);
    await page.getByTestId('breakdown-table').waitFor(SLOW);
    const district = await api.get<IndicatorBreakdown>(`/api/indicators/${id}/breakdown`);
    expect(district.orgId).toBe(list.orgId);
    // the rows and the unit's own people add up to the district's figures
    expect(district.rows.reduce((n, r) => n + r.population, 0) + district.own.population).toBe(
      item.population,
    );
    expect(district.rows.reduce((n, r) => n + r.numerator, 0) + district.own.numerator).toBe(item.numerator);
    expect(await text(page.getByTestId('indicator-summary-value'))).toBe(item.valueText);
    const unit = [...district.rows].sort((a, b) => b.numerator - a.numerator)[0]!;
    expect(unit.numerator).toBeGreaterThan(0);
    await screenshot(page, 'indicators-breakdown-district');

    await page.getByTestId(`breakdown-open-${unit.orgId}`).click();
    await page.waitForURL((u) => u.searchParams.get('orgId') === unit.orgId);
    await expect.poll(() => text(page.getByTestId('indicator-summary-value')), SLOW).toBe(unit.valueText);
    expect(await text(page.getByTestId('indicator-breadcrumb'))).toBe(`${list.orgName}/${unit.orgName}`);
    const people = page.getByTestId('indicator-people');
    await people.scrollIntoViewIfNeeded();
    expect(await text(page.getByTestId('indicator-part-numerator'))).toBe(
      `分子（符合条件）${unit.numerator} 人`,
    );
    expect(await text(page.getByTestId('indicator-part-population'))).toBe(`总体 ${unit.population} 人`);
    const api1 = await api.get<IndicatorPeople>(
      `/api/indicators/${id}/people?orgId=${unit.orgId}&part=numerator&pageSize=200`,
    );
    expect(api1.total).toBe(unit.numerator);
    const rows = page.getByTestId('indicator-people-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), SLOW).toBe(Math.min(20, unit.numerator));
    await screenshot(page, 'indicators-people');

    // ── the roster opened filtered to exactly them
    await page.getByTestId('indicator-roster').click();
    await page.waitForURL((u) => u.pathname === '/cadres' && u.searchParams.get('indicator') === id);
    const banner = page.getByTestId('roster-indicator-banner');
    await expect
      .poll(() => text(banner.locator('.ant-alert-title')), SLOW)
      .toBe(`按结构指标筛选：${item.name}（分子）`);
    await screenshot(page, 'indicators-roster');
    // the roster's own answer, and the page's count
    const roster = await api.get<{ total: number }>(
      `/api/cadres?indicator=${id}&indicatorPart=numerator&indicatorAsOf=${district.asOf}&orgId=${unit.orgId}`,
    );
    expect(roster.total).toBe(unit.numerator);
    expect(await rosterTotal(page)).toBe(unit.numerator);
    // the same people (the first page of 20, by name)
    const names = await page
      .getByTestId('roster-table')
      .locator('tbody tr.ant-table-row td:first-child')
      .allTextContents();
    expect(names.length).toBe(Math.min(20, unit.numerator));
    const behind = new Set(api1.items.map((p) => p.name));
    expect(names.filter((n) => !behind.has(n.trim()))).toEqual([]);
    await screenshot(page, 'indicators-roster');
    await page.getByTestId('roster-indicator-dismiss').click();
    await banner.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('组织部 defines a new indicator, previews its exact value and saves it into a new pack version', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    // expected by hand from the roster's own filters: 正科级 cadres, the women among them
    const total = async (q: string) =>
      (await api.get<{ total: number }>(`/api/cadres?${q}&pageSize=1`)).total;
    const population = await total(`rank=${encodeURIComponent('正科级')}`);
    const numerator = await total(`rank=${encodeURIComponent('正科级')}&gender=female`);
    expect(population).toBeGreaterThan(0);
    const expected = shareText(numerator, population);

    await page.goto('/selection/indicators');
    await page.getByTestId('indicator-define').click();
    await page.getByTestId('indicator-editor').waitFor(SLOW);
    const listBefore = await api.get<IndicatorList>('/api/indicators');
    const newId = (await page.getByTestId('indicator-field-id').inputValue()).trim();
    expect(newId).toMatch(/^local-\d+$/);
    await page.getByTestId('indicator-field-name').fill('正科级干部中女干部比例');
    await page.getByTestId('indicator-field-description').fill('本区试行：正科级干部中女干部所占比例');
    // population: 职级 正科级 (a tags select: type and press Enter)
    await page.getByTestId('indicator-population-ranks').click();
    await page.keyboard.type('正科级');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    // numerator: 女
    await page.getByTestId('indicator-numerator-gender').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: /^女$/ })
      .click();
    expect(await text(page.getByTestId('indicator-population-text'))).toBe('即：职级为正科级');
    expect(await text(page.getByTestId('indicator-numerator-text'))).toBe('即：女性');
    await page.getByTestId('indicator-field-amount').fill('30');
    await expect.poll(() => text(page.getByTestId('indicator-preview-value')), SLOW).toBe(expected);
    // the target still needs its 依据: one problem, then none
    expect(await text(page.getByTestId('indicator-problem-count'))).toBe('1 处问题');
    await page.getByTestId('indicator-field-source-kind').getByText('本区假设').click();
    await page
      .getByTestId('indicator-field-assumed')
      .fill('本区试行：正科级干部中女干部比例不低于30%，用于年度干部队伍结构分析');
    await expect.poll(() => text(page.getByTestId('indicator-problem-count'))).toBe('没有发现问题');
    await page.getByTestId('indicator-preview-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'indicators-editor');

    const saving = page.waitForResponse(
      (r) => r.url().endsWith('/api/packs') && r.request().method() === 'POST',
    );
    await page.getByTestId('indicator-save').click();
    const saved = await saving;
    expect(saved.status(), await saved.text()).toBe(200);
    const detail = (await saved.json()) as PackDetail;
    expect(detail.packId).toBe('fengze');
    expect(detail.effectiveFrom).toBe(listBefore.asOf);
    expect(detail.origin).toBe('edited');
    const n = listBefore.items.length;
    expect(detail.body.selection?.indicators[n]).toMatchObject({
      id: newId,
      population: { ranks: ['正科级'] },
      numerator: { gender: 'female' },
      target: { measure: 'share', op: 'gte', percent: 30 },
      judgedPer: null,
    });
    expect(detail.body.sources[`/selection/indicators/${n}`]).toEqual({
      assumed: '本区试行：正科级干部中女干部比例不低于30%，用于年度干部队伍结构分析',
    });
    // the other sections are the version's as they were
    const packs = (await api.get<{ items: PackSummary[] }>('/api/packs')).items;
    expect(packs.find((p) => p.id === detail.id)).toMatchObject({ packId: 'fengze', selected: true });

    // ── on the dashboard: the new card with the previewed value
    const card = page.getByTestId(`indicator-card-${newId}`);
    await card.waitFor(SLOW);
    expect(await text(page.getByTestId(`indicator-value-${newId}`))).toBe(expected);
    expect(await text(page.getByTestId(`indicator-target-${newId}`))).toBe('目标 ≥ 30%');
    const after = await api.get<IndicatorList>('/api/indicators');
    expect(after.packVersionId).toBe(detail.id);
    expect(after.items.map((i) => i.id)).toEqual([...listBefore.items.map((i) => i.id), newId]);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'indicators-dashboard-new');

    // ── the pack page shows the version's selection section, the new indicator with its 依据
    await page.goto(`/assessment/packs?id=${detail.id}`);
    const section = page.getByTestId('pack-selection-indicators');
    await section.waitFor(SLOW);
    const row = section.locator('tbody tr').filter({ hasText: '正科级干部中女干部比例' });
    expect(await text(row)).toBe(
      '正科级干部中女干部比例本区试行：正科级干部中女干部所占比例职级为正科级女性≥ 30%' +
        '假设：本区试行：正科级干部中女干部比例不低于30%，用于年度干部队伍结构分析',
    );
    expect(await text(page.getByTestId('pack-selection-process-plain'))).toContain('不少于 5 个工作日');
    await page.getByTestId('pack-selection').scrollIntoViewIfNeeded();
    await screenshot(page, 'indicators-pack-view');
    await page.context().close();
  });

  it('a street’s unit administrator sees only her street’s figures', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'street1');
    const api = await apiOf(page);
    const me = (await (await page.request.get('/api/auth/me')).json()) as { orgId: string };
    const mine = await api.get<IndicatorList>('/api/indicators');
    expect(mine.orgId).toBe(me.orgId);

    // 组织部's district breakdown of the same indicators: her street's row is her whole view
    const org = await newPage(browser, DESKTOP);
    await loginUi(org, 'orgdept');
    const orgApi = await apiOf(org);
    for (const item of mine.items) {
      const district = await orgApi.get<IndicatorBreakdown>(
        `/api/indicators/${item.id}/breakdown?asOf=${mine.asOf}`,
      );
      const row = district.rows.find((r) => r.orgId === me.orgId);
      expect(row, item.id).toBeDefined();
      expect([item.id, item.population, item.numerator, item.valueText]).toEqual([
        item.id,
        row!.population,
        row!.numerator,
        row!.valueText,
      ]);
    }
    await org.context().close();

    await page.goto('/selection/indicators');
    for (const item of mine.items)
      await expect
        .poll(() => text(page.getByTestId(`indicator-value-${item.id}`)), SLOW)
        .toBe(item.valueText);
    expect(await page.getByTestId('indicator-define').count()).toBe(0);
    await screenshot(page, 'indicators-street');
    // on a phone: one card a row, the pickers wrapped, nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
                .documentElement.scrollWidth,
          ),
        SLOW,
      )
      .toBeLessThanOrEqual(390);
    await screenshot(page, 'indicators-street-phone');
    await page.context().close();
  });
});
