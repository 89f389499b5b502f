import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot, type Api } from '../browser.ts';
import { chooseOption } from '../select.ts';

/**
 * Issue 10 §1: the grade ballot (一票一档). A round of the Fengze pack's example grade scheme over three
 * cadres of one street, seeded by API; six raters tap one grade per person on a phone (390 × 844); the
 * organiser computes; the shares (优秀票率 …), totals and grades are the ones worked out by hand below.
 */

let browser: Browser;
let api: Api;
/** the organiser's page: its session uploads the 述职 file */
let organiser: Page;
beforeAll(async () => {
  browser = await launch();
  organiser = await newPage(browser);
  await loginUi(organiser, 'orgdept');
  api = await apiOf(organiser);
});
afterAll(async () => browser.close());

interface Org {
  id: string;
  parentId: string | null;
  kind: string;
  path: string;
  active: boolean;
}

const REPORT = '2026年主抓城市更新和背街小巷整治，牵头完成老旧小区改造3个。';
const REPORT_FILE = '述职报告.pdf';

/** 述职 text and file for one target (the file as the organiser's page uploads it). */
async function giveReport(roundId: string, targetId: string): Promise<void> {
  await api.send('PUT', `/api/assessment/rounds/${roundId}/targets/${targetId}/report`, { report: REPORT });
  const { csrfToken } = (await (await organiser.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const uploaded = await organiser.request.put(
    `/api/assessment/rounds/${roundId}/targets/${targetId}/report-file?name=${encodeURIComponent(REPORT_FILE)}`,
    {
      data: Buffer.from('%PDF-1.4\n% 述职\n%%EOF\n', 'utf8'),
      headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
    },
  );
  expect(uploaded.status(), await uploaded.text()).toBe(200);
}

/**
 * A street with three cadres of its own, and the round over them with 3 + 3 slips; the first target has
 * a 述职 text and file.
 */
async function seedRound(schemeId = 'example-grade-ballot'): Promise<{
  roundId: string;
  leaders: string[];
  staff: string[];
  reportTargetId: string;
}> {
  const { items: orgs } = await api.get<{ items: Org[] }>('/api/orgs');
  const streets = orgs
    .filter((o) => o.kind === 'street' && o.active)
    .sort((x, y) => (x.path < y.path ? -1 : 1));
  for (const street of streets) {
    const { items } = await api.get<{ items: { id: string; orgId: string }[] }>(
      `/api/cadres?orgId=${street.id}&sort=name&pageSize=20`,
    );
    const own = items.filter((c) => c.orgId === street.id).slice(0, 3);
    if (own.length < 3) continue;
    const round = await api.send<{ id: string; targetCount: number }>('POST', '/api/assessment/rounds', {
      name: `2026年度街道干部民主测评（${schemeId === 'example-grade-ballot' ? '一票一档' : '按票率定等次'}）`,
      packId: 'fengze',
      schemeId,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      orgId: street.parentId,
      population: { cadreIds: own.map((c) => c.id) },
    });
    expect(round.targetCount).toBe(3);
    const issue = async (groupId: string) =>
      (
        await api.send<{ codes: string[] }>('POST', `/api/assessment/rounds/${round.id}/tokens`, {
          groupId,
          count: 3,
          unitId: street.id,
        })
      ).codes;
    const leaders = await issue('leadership');
    const staff = await issue('colleagues');
    const { items: targets } = await api.get<{ items: { id: string }[] }>(
      `/api/assessment/rounds/${round.id}/targets`,
    );
    const reportTargetId = targets[0]!.id;
    await giveReport(round.id, reportTargetId);
    await api.send('POST', `/api/assessment/rounds/${round.id}/transition`, { action: 'open' });
    return { roundId: round.id, leaders, staff, reportTargetId };
  }
  throw new Error('demo district lacks a street with three cadres of its own');
}

async function phone(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    baseURL: inject('baseUrl'),
  });
  return context.newPage();
}

const GRADES = ['优秀', '称职', '基本称职', '不称职'];

/**
 * One rater: open the slip, tap a grade per person (by its position in GRADES), submit and confirm. With
 * `reportOf`, first checks that person's 述职 on the card: the text, and the file downloaded with the code.
 */
async function vote(code: string, picks: number[], shot?: string, reportOf?: string): Promise<string[]> {
  const page = await phone();
  await page.goto(`/ballot#${code}`);
  await page.getByTestId('ballot-grade-0').waitFor();
  const ids: string[] = await page
    .getByTestId('ballot-target')
    .evaluateAll((els) =>
      els.map(
        (e) =>
          (e as unknown as { getAttribute(n: string): string | null }).getAttribute('data-target-id') ?? '',
      ),
    );
  expect(await page.getByTestId('ballot-grade-0').getByRole('radio').allTextContents()).toEqual(GRADES);
  if (reportOf) {
    const card = page.locator(`[data-testid="ballot-target"][data-target-id="${reportOf}"]`);
    expect(await card.getByTestId('ballot-report').textContent()).toBe(REPORT);
    const fileLink = card.getByTestId('ballot-report-file');
    expect(await fileLink.textContent()).toBe(`述职报告文件：${REPORT_FILE}`);
    const download = page.waitForEvent('download');
    await fileLink.tap();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(REPORT_FILE);
    expect(
      readFileSync(await saved.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    // the others have none: the card says so
    expect(await page.getByTestId('ballot-report-file').count()).toBe(1);
  }
  // submitting with a person left shows what is missing
  await page.getByTestId('ballot-grade-0-0').tap();
  await page.getByTestId('ballot-submit').tap();
  await expect
    .poll(() => page.getByTestId('ballot-errors').textContent())
    .toBe('还有 2 人未选择等次，请检查标红的项目');
  for (const [i, k] of picks.entries()) await page.getByTestId(`ballot-grade-${i}-${k}`).tap();
  expect(await page.getByTestId('ballot-progress').textContent()).toBe('已评 3 / 3 人');
  expect(await page.getByTestId(`ballot-grade-0-${picks[0]}`).getAttribute('aria-checked')).toBe('true');
  if (shot) {
    await screenshot(page, shot);
    // the same slip on an office screen (raters also vote at a desk)
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('ballot-target').first().scrollIntoViewIfNeeded();
    await screenshot(page, `${shot}-desktop`);
    await page.setViewportSize({ width: 390, height: 844 });
  }
  await page.getByTestId('ballot-submit').tap();
  await page.getByTestId('ballot-confirm').waitFor();
  for (const [i, k] of picks.entries())
    expect(await page.getByTestId(`ballot-confirm-grade-${i}`).textContent()).toBe(GRADES[k]);
  await page.getByTestId('ballot-confirm-submit').tap();
  await page.getByText('感谢参与，您的评议已匿名提交').waitFor();
  await page.context().close();
  return ids;
}

interface GradeShare {
  name: string;
  count: number;
  shareHundredths: number;
}
interface ResultTarget {
  id: string;
  total: { fraction: string; value: string } | null;
  proposedGrade: string | null;
  proposedGradeName: string | null;
  explanation: {
    gradeVotes?: { overall: { total: number; grades: GradeShare[]; explanation: string[] } | null };
  } | null;
}

describe('[assessment] the grade ballot (一票一档) on a phone', () => {
  it('six raters tap one grade per person; the organiser computes exact shares, totals and grades', async () => {
    const { roundId, leaders, staff, reportTargetId } = await seedRound();
    // per rater, the grade of target 0, 1, 2 (0 优秀, 1 称职, 2 基本称职, 3 不称职)
    const leaderVotes = [
      [0, 1, 2],
      [0, 1, 1],
      [1, 1, 3],
    ];
    const staffVotes = [
      [0, 0, 1],
      [0, 1, 2],
      [0, 2, 2],
    ];
    let ids: string[] = [];
    for (const [i, code] of leaders.entries())
      ids = await vote(
        code,
        leaderVotes[i]!,
        i === 0 ? 'grade-ballot-phone' : undefined,
        i === 0 ? reportTargetId : undefined,
      );
    for (const [i, code] of staff.entries()) await vote(code, staffVotes[i]!);

    await api.send('POST', `/api/assessment/rounds/${roundId}/transition`, { action: 'close' });
    await api.send('POST', `/api/assessment/rounds/${roundId}/transition`, { action: 'compute' });
    const { targets } = await api.get<{ targets: ResultTarget[] }>(
      `/api/assessment/rounds/${roundId}/results`,
    );
    const of = (i: number) => targets.find((x) => x.id === ids[i])!;
    const shares = (i: number) =>
      of(i).explanation!.gradeVotes!.overall!.grades.map((g) => [g.name, g.count, g.shareHundredths]);

    // target 0: leadership (100 + 100 + 80) / 3 = 280/3, staff 100; 40 % × 280/3 + 60 % × 100 = 292/3
    expect(of(0).total).toEqual({ fraction: '292/3', value: '97.33' });
    expect(shares(0)).toEqual([
      ['优秀', 5, 8333],
      ['称职', 1, 1667],
      ['基本称职', 0, 0],
      ['不称职', 0, 0],
    ]);
    // target 1: leadership 80, staff (100 + 80 + 60) / 3 = 80; total 80
    expect(of(1).total).toEqual({ fraction: '80', value: '80.00' });
    // target 2: leadership (60 + 80 + 0) / 3 = 140/3, staff (80 + 60 + 60) / 3 = 200/3; 56/3 + 40 = 176/3
    expect(of(2).total).toEqual({ fraction: '176/3', value: '58.67' });
    expect(shares(2)).toEqual([
      ['优秀', 0, 0],
      ['称职', 2, 3333],
      ['基本称职', 3, 5000],
      ['不称职', 1, 1667],
    ]);
    expect(of(2).explanation!.gradeVotes!.overall!.explanation[0]).toBe(
      '有效票 6 张：优秀 0 票（0.00%），称职 2 票（33.33%），基本称职 3 票（50.00%），不称职 1 票（16.67%）',
    );
    // 97.33 reaches 优秀 (90) but 20 % of the street's three places rounds down to none: 称职; 58.67 < 60
    expect([0, 1, 2].map((i) => of(i).proposedGradeName)).toEqual(['称职', '称职', '不称职']);

    // the organiser's 计算说明 shows the votes and shares per group and together
    const officer = await newPage(browser);
    await loginUi(officer, 'orgdept');
    await officer.goto(`/assessment/rounds/${roundId}`);
    await officer.getByTestId('round-tab-results').click();
    await officer.getByTestId(`result-explain-${ids[2]}`).click();
    const votes = officer.getByTestId('explain-grade-votes');
    await votes.waitFor();
    const rows = await votes.locator('tbody tr').allTextContents();
    expect(rows.at(-1)).toBe('合计（单列的评议组）60 票（0.00%）2 票（33.33%）3 票（50.00%）1 票（16.67%）');
    // each group's rule step is its mean: leadership (80 + 60 + 0) / 3, staff (80 + 2 × 60) / 3
    expect(await officer.getByTestId('explain-grade-rule-leadership').textContent()).toBe(
      '街道党工委、办事处领导班子：得分 = (0×100.00 + 1×80.00 + 1×60.00 + 1×0.00) ÷ 3 = 46.67 分（两位小数，四舍五入）',
    );
    expect(await officer.getByTestId('explain-grade-rule-colleagues').textContent()).toBe(
      '街道机关干部：得分 = (0×100.00 + 1×80.00 + 2×60.00 + 0×0.00) ÷ 3 = 66.67 分（两位小数，四舍五入）',
    );
    // the drawer's slide-in finished (a picture taken during it shows the drawer cut off), the votes in view
    await votes.scrollIntoViewIfNeeded();
    await officer.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }
      ).document;
      return Promise.all(doc.getAnimations().map((a) => a.finished));
    });
    await screenshot(officer, 'grade-ballot-explanation');
    await officer.context().close();
  });

  it('a vote-share rule (按票率定等次): the drawer gives the grade from the shares, not the score line', async () => {
    const { roundId, leaders, staff } = await seedRound('example-grade-shares');
    const { items } = await api.get<{ items: { id: string }[] }>(`/api/assessment/rounds/${roundId}/targets`);
    const ids = items.map((x) => x.id);
    const codes = ['excellent', 'competent', 'basic', 'incompetent'];
    // the votes of the round above, cast by API (the slips were driven there): per rater, targets 0, 1, 2
    const cast = async (code: string, picks: number[]) =>
      api.send('POST', `/api/ballot/${code}`, {
        grades: picks.map((k, i) => ({ targetId: ids[i]!, grade: codes[k]! })),
      });
    for (const [i, code] of leaders.entries())
      await cast(
        code,
        [
          [0, 1, 2],
          [0, 1, 1],
          [1, 1, 3],
        ][i]!,
      );
    for (const [i, code] of staff.entries())
      await cast(
        code,
        [
          [0, 0, 1],
          [0, 1, 2],
          [0, 2, 2],
        ][i]!,
      );
    await api.send('POST', `/api/assessment/rounds/${roundId}/transition`, { action: 'close' });
    await api.send('POST', `/api/assessment/rounds/${roundId}/transition`, { action: 'compute' });
    const { targets } = await api.get<{ targets: ResultTarget[] }>(
      `/api/assessment/rounds/${roundId}/results`,
    );
    const of = (i: number) => targets.find((x) => x.id === ids[i])!;
    // target 0: 5 of 6 优秀 (83.33 %) → 优秀, but the street's 20 % of three rounds down to no place: 称职;
    // target 1: 1 of 6 优秀, 1 基本称职 → 称职; target 2: 4 of 6 基本称职 + 不称职 (66.67 %) → 基本称职,
    // where its score 176/3 = 58.67 is under the scale's 基本称职 line (60) and proposed 不称职 above
    expect([0, 1, 2].map((i) => [of(i).total?.value, of(i).proposedGradeName])).toEqual([
      ['97.33', '称职'],
      ['80.00', '称职'],
      ['58.67', '基本称职'],
    ]);

    const officer = await newPage(browser);
    await loginUi(officer, 'orgdept');
    await officer.goto(`/assessment/rounds/${roundId}`);
    await officer.getByTestId('round-tab-results').click();
    await officer.getByTestId(`result-explain-${ids[2]}`).click();
    await officer.getByTestId('explain-grade-votes').waitFor();
    expect(await officer.getByTestId('explain-proposal').textContent()).toMatch(
      /^按得票率条件拟定为「基本称职」（各等次得票见下方“等次票”）。 名额组：/,
    );
    // the rule is applied once, to both groups' votes; no group carries a rule step of its own
    expect(await officer.getByTestId('explain-grade-rule-all').textContent()).toBe(
      '合计（单列的评议组）：优秀：优秀票率 0.00%（0/6）> 50.00%：不成立；' +
        '不称职：不称职票率 16.67%（1/6）> 50.00%：不成立；' +
        '基本称职：基本称职+不称职票率 66.67%（4/6）> 50.00%：成立；结果：基本称职',
    );
    expect(await officer.getByTestId('explain-grade-rule-leadership').count()).toBe(0);
    await officer.getByTestId('explain-grade-rule-all').scrollIntoViewIfNeeded();
    await officer.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }
      ).document;
      return Promise.all(doc.getAnimations().map((a) => a.finished));
    });
    await screenshot(officer, 'grade-shares-explanation');
    // target 0 reached 优秀 by its shares and lost it to the quota: the reason says both
    await officer.keyboard.press('Escape');
    await officer.getByTestId(`result-explain-${ids[0]}`).click();
    await expect
      .poll(() => officer.getByTestId('explain-proposal').textContent())
      .toMatch(/^按得票率条件达到「优秀」，综合得分 97\.33，但名额已满，拟定为「称职」。 名额组：/);
    // 名额校准: the one target whose shares reached 优秀 is the street's candidate, with no place to give
    await officer.keyboard.press('Escape');
    await officer.getByTestId('round-tab-calibration').click();
    const allocations = officer.getByTestId('calibration-allocations');
    await allocations.waitFor();
    expect(await allocations.locator('thead').textContent()).toContain('达到等次条件的对象（按得分）');
    await allocations.scrollIntoViewIfNeeded();
    await screenshot(officer, 'grade-shares-calibration');
    await officer.context().close();

    // a district leader (read only) on a phone: the same reason and rule line
    const leader = await newPage(browser, { width: 390, height: 844 });
    await loginUi(leader, 'leader');
    await leader.goto(`/assessment/rounds/${roundId}`);
    await leader.getByTestId('round-tab-results').click();
    // computed, not published: the organiser reviews it alone
    expect(await leader.getByTestId('results-not-ready').textContent()).toBe(
      '结果已计算，正在审定；公布后才能查看',
    );
    await api.send('POST', `/api/assessment/rounds/${roundId}/transition`, { action: 'publish' });
    await leader.reload();
    await leader.getByTestId('round-tab-results').click();
    await leader.getByTestId(`result-explain-${ids[2]}`).click();
    await leader.getByTestId('explain-grade-rule-all').waitFor();
    expect(await leader.getByTestId('explain-proposal').textContent()).toMatch(
      /^按得票率条件拟定为「基本称职」（各等次得票见下方“等次票”）。/,
    );
    await leader.getByTestId('explain-grade-rule-all').scrollIntoViewIfNeeded();
    await leader.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }
      ).document;
      return Promise.all(doc.getAnimations().map((a) => a.finished));
    });
    await screenshot(leader, 'grade-shares-explanation-leader-phone');
    await leader.context().close();
  });

  it('the pack page shows both grade schemes’ slips and rules, the vote-share conditions in order', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const { items } = await api.get<{ items: { id: string; packId: string; origin: string }[] }>(
      '/api/packs',
    );
    const fengze = items.find((p) => p.packId === 'fengze' && p.origin === 'shipped')!;
    await page.goto(`/assessment/packs?id=${fengze.id}`);
    const rule = page.getByTestId('scheme-grade-vote-rule-example-grade-shares');
    await rule.waitFor();
    expect(await rule.locator('span').allTextContents()).toEqual([
      '按得票率定等次（各评议组计入的票合并计算，依次判断，先满足者为准）：',
      '1. 优秀票率 > 50% → 优秀',
      '2. 不称职票率 > 50% → 不称职',
      '3. 基本称职+不称职票率 > 50% → 基本称职',
      '4. 其余 → 称职',
    ]);
    expect(await page.getByTestId('scheme-grade-vote-example-grade-ballot').textContent()).toContain(
      '按票折分：得分 = Σ（各档票数 × 每票分值）÷ 有效票数，按综合得分定等次',
    );
    const card = page.getByTestId('pack-scheme-example-grade-shares');
    expect(await card.textContent()).toContain('优秀 每票 100 分');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'grade-shares-pack');
    await page.setViewportSize({ width: 390, height: 844 });
    await rule.scrollIntoViewIfNeeded();
    await screenshot(page, 'grade-shares-pack-phone');
    await page.setViewportSize({ width: 1366, height: 768 });

    // the same summary where a round is created from the scheme
    await page.goto('/assessment/rounds');
    await page.getByTestId('round-create').click();
    await page.getByTestId('round-form').waitFor();
    await chooseOption(page, page.getByTestId('round-form-pack'), '丰泽区街道干部考核');
    await chooseOption(
      page,
      page.getByTestId('round-form-scheme'),
      '街道干部民主测评（一票一档，按票率定等次，示例）',
    );
    const summary = page.getByTestId('round-form-scheme-summary');
    await expect.poll(() => summary.textContent()).toContain('3. 基本称职+不称职票率 > 50% → 基本称职');
    expect(await summary.textContent()).toContain(
      '等次由得票率条件确定，分数线不适用；综合得分用于排序和优秀名额',
    );
    await page.getByTestId('scheme-grade-vote-example-grade-shares').scrollIntoViewIfNeeded();
    await screenshot(page, 'grade-shares-create-drawer');
    await page.close();
  });
});
