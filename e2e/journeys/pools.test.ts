import type { CadreListItem, PoolOverview } from '@ganbu/core';
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
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Pick the cadre the picker finds for `name` in unit `org`. */
async function pick(page: Page, testId: string, name: string, org: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: name })
    .filter({ hasText: org })
    .first();
  await option.waitFor(SLOW);
  await option.click();
  await page.keyboard.press('Escape');
}

/** The district's 副处级 reserve as the API counts it (other journeys may add members: compare, not pin). */
async function reserveTotal(page: Page): Promise<number> {
  const o = await (await apiOf(page)).get<PoolOverview>('/api/pools?kind=reserve');
  return o.levels[0]?.total ?? -1;
}

describe('[pools] 人才库: 组织部 nominates a 正科级 cadre as 副处级 reserve, a cadre of another rank is refused with the reason, a member leaves; a street reads its own on a phone', () => {
  let nominee: CadreListItem;
  let refused: CadreListItem;

  it('组织部 opens the reserve pool: the level with its conditions, review schedule and members', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    // a 正科级 cadre not yet in the reserve, and a cadre of another rank (the level asks 正科级)
    const chiefs = await api.get<{ items: CadreListItem[] }>('/api/cadres?rank=正科级&pageSize=200');
    nominee = chiefs.items.find((c) => !c.tags.includes('reserve'))!;
    const others = await api.get<{ items: CadreListItem[] }>('/api/cadres?pageSize=50');
    refused = others.items.find((c) => c.rank !== '正科级')!;
    expect(nominee).toBeDefined();
    expect(refused).toBeDefined();

    await page.getByTestId('menu-pools').click();
    const level = page.getByTestId('pool-level-reserve');
    await level.waitFor(SLOW);
    await expect.poll(async () => level.textContent(), SLOW).toContain('后备干部（副处级）');
    const text = (await level.textContent()) ?? '';
    expect(text).toContain('职级为正科级');
    expect(text).toContain('入库后每 12 个月年度考核');
    expect(text).toContain('承担重点任务、一线历练');
    expect(text).toContain('不设名额');
    // the demo's twelve (or more, if another journey added some)
    expect(await reserveTotal(page)).toBeGreaterThanOrEqual(12);
    await expect.poll(async () => page.getByTestId('pool-member-name').count(), SLOW).toBeGreaterThan(0);
    await screenshot(page, 'pools-reserve');
    await page.close();
  });

  it('a cadre of another rank is refused: the drawer names the unmet condition before and after saving; nothing stored', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'orgdept');
    await page.goto('/selection/pools');
    await page.getByTestId('pool-nominate').click(SLOW);
    await page.getByTestId('pool-nominate-form').waitFor(SLOW);
    await pick(page, 'pool-nominate-cadre', refused.name, refused.orgName);
    // the only reserve level is chosen already; the server's check shows the clause in Chinese
    await expect
      .poll(async () => page.getByTestId('pool-nominate-check').textContent(), SLOW)
      .toContain('不符合入库条件');
    expect(await page.getByTestId('pool-nominate-unmet').textContent()).toContain('职级为正科级');
    await page.getByTestId('pool-nominate-reason').fill('单位推荐');
    const before = await reserveTotal(page);
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/api/pools/members') && r.request().method() === 'POST',
    );
    await page.getByTestId('pool-nominate-submit').click();
    const res = await answer;
    expect(res.status()).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe('POOL_CONDITION_UNMET');
    await expect
      .poll(async () => page.getByTestId('pool-nominate-error').textContent(), SLOW)
      .toContain('职级为正科级');
    await screenshot(page, 'pools-refused');
    expect(await reserveTotal(page)).toBe(before);
    await page.close();
  });

  it('a 正科级 cadre enters: the count rises by one, the yearly review is scheduled; then leaves with a reason', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'orgdept');
    await page.goto('/selection/pools');
    const before = await reserveTotal(page);
    await page.getByTestId('pool-nominate').click(SLOW);
    await pick(page, 'pool-nominate-cadre', nominee.name, nominee.orgName);
    await expect
      .poll(async () => page.getByTestId('pool-nominate-check').textContent(), SLOW)
      .toContain('符合入库条件');
    await page.getByTestId('pool-nominate-reason').fill('民主推荐、组织考察（旅程）');
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/api/pools/members') && r.request().method() === 'POST',
    );
    await page.getByTestId('pool-nominate-submit').click();
    const res = await answer;
    expect(res.status()).toBe(200);
    const member = (await res.json()) as { id: string; reviews: { name: string; dueText: string }[] };
    expect(member.reviews.map((r) => [r.name, r.dueText])).toEqual([['年度考核', '入库后第 12 个月']]);
    await expect.poll(async () => reserveTotal(page), SLOW).toBe(before + 1);
    await expect
      .poll(async () => page.getByTestId('pool-level-summary').first().textContent(), SLOW)
      .toContain(`共 ${before + 1} 人`);

    // a 副处级 reserve member is counted in the district, not a village: no 两委 candidate flag for her; then
    // leave with a reason: the count is back
    await page.getByTestId(`pool-leave-${member.id}`).scrollIntoViewIfNeeded();
    expect(await page.getByTestId(`pool-flag-${member.id}`).count()).toBe(0);
    await screenshot(page, 'pools-entered');
    await page.getByTestId(`pool-leave-${member.id}`).click();
    await page.getByTestId('pool-leave-reason').fill('调任区直部门，不再列为后备（旅程）');
    const left = page.waitForResponse((r) => r.url().endsWith(`/api/pools/members/${member.id}/leave`));
    await page.getByTestId('pool-leave-submit').click();
    expect((await left).status()).toBe(200);
    await expect.poll(async () => reserveTotal(page), SLOW).toBe(before);
    await expect
      .poll(async () => page.getByTestId('pool-level-summary').first().textContent(), SLOW)
      .toContain(`共 ${before} 人`);
    const history = await (
      await apiOf(page)
    ).get<{ items: { leftOn: string | null; exitReason: string }[] }>(`/api/pools/cadres/${nominee.id}`);
    expect(history.items[0]?.exitReason).toBe('调任区直部门，不再列为后备（旅程）');
    await page.close();
  });

  it('a street administrator reads her street’s members on a phone, both tabs', async () => {
    const page = await newPage(browser, PHONE);
    await loginUi(page, 'street1');
    await page.goto('/selection/pools');
    await page.getByTestId('pool-level-reserve').waitFor(SLOW);
    await screenshot(page, 'pools-street-phone');
    await page.getByTestId('pool-tab-young').click();
    await page.getByTestId('pool-level-young').waitFor(SLOW);
    await screenshot(page, 'pools-street-phone-young');
    await page.close();
  });
});
