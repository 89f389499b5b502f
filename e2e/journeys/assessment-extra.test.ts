import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot, apiOf } from '../browser.ts';
import { chooseOption as choose } from '../select.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

/** A screenshot once the toasts are gone and drawers and dialogs have finished moving. */
async function shot(page: Page, name: string) {
  await page.mouse.move(1360, 600);
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  await page.waitForTimeout(500);
  await screenshot(page, name);
}

/** Scroll the window so that `target` starts just below the top of the viewport. */
async function scrollToTop(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) return;
  await page.mouse.move(700, 400);
  await page.mouse.wheel(0, box.y - 80);
  await page.waitForTimeout(400);
}

interface RoundJson {
  id: string;
  name: string;
  state: string;
  targetKind: string;
}
interface ResultTarget {
  id: string;
  name: string;
  rank: { population: number } | null;
  total: { value: string } | null;
}
interface PackJson {
  id: string;
  packId: string;
  effectiveFrom: string;
  selected: boolean;
  origin: string;
}
interface Org {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
}

/** The results' targets in the board's order: by rank (ties in the results' order), unranked last. */
function ranked(targets: ResultTarget[]): ResultTarget[] {
  return targets
    .map((t, i) => ({ t, i }))
    .sort(
      (a, b) =>
        (a.t.rank?.population ?? Number.MAX_SAFE_INTEGER) -
          (b.t.rank?.population ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    )
    .map((x) => x.t);
}

describe('[assessment-extra] leaderboard of unit ratings', () => {
  it('shows the published 万人双评议 ranked as its results give; every assessment role has the entry', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const rounds = (await api.get<{ items: RoundJson[] }>('/api/assessment/rounds')).items;
    const round = rounds.find((r) => r.name.includes('万人双评议') && r.state === 'published');
    if (!round) throw new Error('the demo district lacks its published 万人双评议 round');
    expect(round.targetKind).toBe('unit');
    const results = await api.get<{ targets: ResultTarget[] }>(`/api/assessment/rounds/${round.id}/results`);
    const expected = ranked(results.targets).slice(0, 3);
    expect(expected).toHaveLength(3);

    await page.getByTestId('menu-assessmentLeaderboard').click();
    await page.waitForURL((u) => u.pathname === '/assessment/leaderboard');
    const table = page.getByTestId('leaderboard-table');
    await table.waitFor();
    expect(await text(page.getByTestId('leaderboard-round'))).toContain('万人双评议');
    const rows = table.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(results.targets.length);
    for (const [i, target] of expected.entries()) {
      const row = rows.nth(i);
      expect(await text(row.locator('[data-testid^="leaderboard-name-"]'))).toBe(target.name);
      expect(await text(row.locator('[data-testid^="leaderboard-rank-"]'))).toBe(
        String(target.rank?.population ?? '—'),
      );
      expect(await text(row.locator('[data-testid^="leaderboard-total-"]'))).toBe(target.total?.value ?? '');
    }
    // per-group averages: a figure, or 不足N票 where the group had too few ballots
    const cell = await text(rows.first().locator('[data-testid^="leaderboard-group-"]').first());
    expect(cell).toMatch(/^\d+\.\d{2}$|^不足\d+票$/);
    await page.waitForLoadState('networkidle');
    await shot(page, 'assessment-extra-leaderboard');
    await page.context().close();

    for (const user of ['leader', 'cadre', 'street1']) {
      const other = await newPage(browser);
      await loginUi(other, user);
      await other.getByTestId('menu-assessmentLeaderboard').click();
      await other.getByTestId('leaderboard-table').or(other.getByTestId('leaderboard-empty')).waitFor();
      await other.getByTestId('menu-assessmentBallots').waitFor();
      if (user === 'cadre') {
        await other.waitForLoadState('networkidle');
        await shot(other, 'assessment-extra-leaderboard-cadre');
        await other.getByTestId('menu-assessmentBallots').click();
        await other.getByTestId('my-ballots-empty').waitFor();
        await shot(other, 'assessment-extra-my-ballots-empty');
      }
      await other.context().close();
    }
  });
});

describe('[assessment-extra] a district version of the Jinwan pack', () => {
  it('clones, validates live in Chinese, saves with sources, diffs against Jinwan, selects and restores', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    await page.getByTestId('menu-assessmentPacks').click();
    await page.getByTestId('packs-table').waitFor();
    await page.getByTestId('pack-view-jinwan-2017-10-01').click();
    await expect.poll(() => text(page.getByTestId('pack-view-name'))).toBe('金湾区村（社区）基层干部考核');

    // ── 复制为本地版本: a new id and date
    await page.getByTestId('pack-clone').click();
    await page.getByTestId('clone-form').waitFor();
    await page.getByTestId('clone-id').fill('jinwan-e2e');
    await page.getByTestId('clone-name').fill('金湾区村（社区）干部考核（本区试行）');
    await page.getByTestId('clone-date').fill('2026-01-01');
    await page.getByTestId('clone-note').fill('浏览器测试：调整党小组长考核的评议权重');
    await shot(page, 'assessment-extra-clone');
    await page.getByTestId('clone-ok').click();
    await page.waitForURL((u) => u.pathname.startsWith('/assessment/packs/edit/'));
    await page.getByTestId('pack-editor').waitFor();
    expect(await text(page.getByTestId('pe-problem-count'))).toBe('没有发现问题');
    expect(await page.getByTestId('pe-field-id').inputValue()).toBe('jinwan-e2e');
    await shot(page, 'assessment-extra-pack-editor');

    // ── a weight of 50: the groups sum to 110, and the changed number asks for its source
    const g0 = 'assessment-schemes-0-raterGroups-0-weight';
    const g1 = 'assessment-schemes-0-raterGroups-1-weight';
    await page.getByTestId(`pe-field-${g0}`).fill('50');
    const sumError = page.getByTestId('pe-error-assessment-schemes-0-raterGroups');
    await expect.poll(() => text(sumError)).toContain('各评议组权重合计为 110%，应为 100%');
    expect(await text(page.getByTestId('pe-sum-weight-0'))).toContain('权重合计 110%');
    expect(await text(page.getByTestId(`pe-error-note-${g0}`))).toContain('已修改的数值须注明依据');
    await scrollToTop(page, page.getByTestId('pe-group-0-0'));
    await shot(page, 'assessment-extra-pack-edit-error');
    // saving is refused in the browser while problems remain
    await page.getByTestId('pe-save').click();
    await expect.poll(() => text(page.locator('.ant-message-notice').first())).toContain('处问题');
    expect(await text(page.getByTestId('pe-problem-count'))).toMatch(/^\d+ 处问题$/);

    // ── fixed: 50 / 20 / 30, each changed weight with its source (an assumption)
    await page.getByTestId(`pe-field-${g1}`).fill('20');
    await expect.poll(() => sumError.count()).toBe(0);
    for (const [id, reason] of [
      [g0, '本区试行：党员和群众代表评议权重提高到50%，突出群众评价'],
      [g1, '本区试行：村（社区）“两委”班子评议权重相应降为20%'],
    ] as const) {
      await page.getByTestId(`pe-note-kind-${id}`).getByText('假设').click();
      await page.getByTestId(`pe-note-assumed-${id}`).fill(reason);
    }
    await expect.poll(() => text(page.getByTestId('pe-problem-count'))).toBe('没有发现问题');
    await scrollToTop(page, page.getByTestId('pe-group-0-0'));
    await shot(page, 'assessment-extra-pack-edit-fixed');
    const saving = page.waitForResponse(
      (r) => r.url().endsWith('/api/packs') && r.request().method() === 'POST',
    );
    await page.getByTestId('pe-save').click();
    const saved = await saving;
    expect(saved.status(), await saved.text()).toBe(200);
    const savedId = ((await saved.json()) as { id: string }).id;
    await page.waitForURL((u) => u.pathname === '/assessment/packs' && u.searchParams.get('id') === savedId);
    await expect
      .poll(() => text(page.getByTestId('pack-view-name')))
      .toBe('金湾区村（社区）干部考核（本区试行）');
    const table = page.getByTestId('packs-table');
    await expect.poll(() => text(table)).toContain('金湾区村（社区）干部考核（本区试行）');
    expect(await text(table)).toContain('本区修订');
    expect(await text(page.getByTestId('pack-scheme-groups-group-leader'))).toContain(
      '假设：本区试行：党员和群众代表评议权重提高到50%',
    );
    await scrollToTop(page, page.getByTestId('pack-scheme-group-leader'));
    await shot(page, 'assessment-extra-pack-saved');

    // ── 版本对比 against Jinwan: the two changed weights
    await page.getByTestId('pack-diff-open').click();
    await choose(page, page.getByTestId('pack-diff-from'), 'jinwan · 2017-10-01');
    const diff = page.getByTestId('pack-diff-table');
    await diff.waitFor();
    const row = (item: string) =>
      diff.locator('tbody tr.ant-table-row').filter({ has: page.getByText(item, { exact: true }) });
    const g0Row = row(
      '考核方案「村（社区）党小组长、民小组长年度考核」 › 评议组「本村（社区）组党员和村（社区）民代表」 › 权重',
    );
    expect(await text(g0Row.getByTestId('pack-diff-before'))).toBe('40');
    expect(await text(g0Row.getByTestId('pack-diff-after'))).toBe('50');
    const g1Row = row(
      '考核方案「村（社区）党小组长、民小组长年度考核」 › 评议组「村（社区）“两委”班子」 › 权重',
    );
    expect(await text(g1Row.getByTestId('pack-diff-before'))).toBe('30');
    expect(await text(g1Row.getByTestId('pack-diff-after'))).toBe('20');
    await shot(page, 'assessment-extra-pack-diff');
    // (antd 6 closes a drawer on Escape only while focus is inside it: the close button, as a user clicks)
    await page.getByTestId('pack-diff').locator('.ant-drawer-close').click();
    await page.getByTestId('pack-diff').waitFor({ state: 'hidden' });

    // ── 选用 the new version, then Fengze again (the demo as found)
    const selectViewed = async (packId: string) => {
      await page.getByTestId('pack-select').click();
      await page.getByTestId('pack-select-confirm').waitFor();
      await page.waitForTimeout(300);
      if (packId !== 'fengze') await shot(page, 'assessment-extra-pack-select');
      const answer = page.waitForResponse(
        (r) => r.url().endsWith('/api/packs/selected') && r.request().method() === 'PUT',
      );
      await page.getByTestId('pack-select-confirm').click();
      expect((await answer).status()).toBe(200);
      // every version row of a selected pack carries the tag (another journey may have added a version)
      await page.getByTestId(`pack-selected-${packId}`).first().waitFor();
    };
    await selectViewed('jinwan-e2e');
    // the table tag and the viewed pack's button come from two queries: wait for both
    await expect.poll(() => text(page.getByTestId('pack-select'))).toBe('本区已选用');
    await page.getByTestId('pack-view-fengze-2018-01-01').click();
    await expect.poll(() => text(page.getByTestId('pack-select'))).toBe('选用');
    await selectViewed('fengze');
    const packs = (await api.get<{ items: PackJson[] }>('/api/packs')).items;
    // one pack selected (every version of it says so: another journey may have added a Fengze version)
    expect([...new Set(packs.filter((p) => p.selected).map((p) => p.packId))]).toEqual(['fengze']);
    expect(packs.find((p) => p.packId === 'jinwan-e2e')).toMatchObject({
      effectiveFrom: '2026-01-01',
      origin: 'edited',
    });
    await page.context().close();
  });
});

describe('[assessment-extra] 我的评议: a named rater opens the slip through the account', () => {
  it('leader sees the station round slip and lands on the ballot with both stations', async () => {
    const rater = await newPage(browser);
    await loginUi(rater, 'leader');
    const leaderId = ((await (await rater.request.get('/api/auth/me')).json()) as { id: string }).id;

    const officer = await newPage(browser);
    await loginUi(officer, 'orgdept');
    const api = await apiOf(officer);
    const orgs = (await api.get<{ items: Org[] }>('/api/orgs')).items;
    const root = orgs.find((o) => o.parentId === null);
    const stations = orgs
      .filter((o) => o.kind === 'station')
      .sort((a, b) => a.path.localeCompare(b.path))
      .slice(0, 2);
    if (!root || stations.length < 2) throw new Error('the demo district lacks two stations');
    const round = await api.send<{ id: string; targetKind: string }>('POST', '/api/assessment/rounds', {
      name: '2026年度党员远程教育站点目标管理考评（浏览器）',
      packId: 'jinwan',
      schemeId: 'station-target',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      orgId: root.id,
      population: { unitIds: stations.map((s) => s.id) },
    });
    expect(round.targetKind).toBe('unit');
    await api.send('POST', `/api/assessment/rounds/${round.id}/raters`, {
      groupId: 'town-committee',
      userIds: [leaderId],
    });
    // before the round opens the slip is listed, not yet usable
    await rater.getByTestId('menu-assessmentBallots').click();
    const status = rater.getByTestId(`my-ballot-status-${round.id}-town-committee`);
    await expect.poll(() => text(status)).toBe('评议未开始');
    await api.send('POST', `/api/assessment/rounds/${round.id}/transition`, { action: 'open' });
    await officer.context().close();

    await rater.reload();
    await rater.getByTestId('my-ballots-table').waitFor();
    await expect.poll(() => text(status)).toBe('待评议');
    expect(await text(rater.getByTestId(`my-ballot-round-${round.id}-town-committee`))).toBe(
      '2026年度党员远程教育站点目标管理考评（浏览器）',
    );
    expect(await text(rater.getByTestId('my-ballots-table'))).toContain('镇党委考评');
    await shot(rater, 'assessment-extra-my-ballots');
    await rater.getByTestId(`my-ballot-open-${round.id}-town-committee`).click();
    await rater.waitForURL((u) => u.pathname === '/ballot');
    await rater.getByTestId('ballot-target').first().waitFor();
    expect(await text(rater.getByTestId('ballot-group-name'))).toBe('镇党委考评');
    const names = await rater.getByTestId('ballot-target-name').allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(stations.map((s) => s.name).sort());
    // the code left the address bar
    expect(new URL(rater.url()).hash).toBe('');
    await shot(rater, 'assessment-extra-ballot');
    await rater.context().close();
  });
});
