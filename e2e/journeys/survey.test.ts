import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/**
 * Eleven answers (the demo pack's needs section: picks score 3, 2, 1; groups of at least 5 shown):
 *  rank: i 0–5 乡科级及以上 [political, growth, spirit] → political 18 of 36 = 50.0%, growth 12 = 33.3%;
 *        i 6–10 乡科级以下 [economic, life, political] → economic 15 of 30 = 50.0%, life 10 = 33.3%.
 *  education: i 0 研究生 (1: below 5, not shown); i 1–5 大学本科 (5); i 6–10 大专及以下 (5) — exactly one band
 *        suppressed, so the smaller other one (a tie: the later, 大专及以下) is suppressed too.
 */
const rankOf = (i: number) => (i < 6 ? 'section_up' : 'below_section');
const postOf = (i: number) =>
  [0, 6].includes(i) ? 'village' : [1, 2, 7, 8].includes(i) ? 'leading' : 'staff';
const educationOf = (i: number) => (i === 0 ? 'postgraduate' : i <= 5 ? 'university' : 'other');
const picksOf = (i: number) =>
  i < 6 ? ['political', 'growth', 'spirit'] : ['economic', 'life', 'political'];
const OVERTIME = [12, 20, 8, 30, 16, 10, 5, 40, 92, 14, 6];

describe('[survey] 精准激励: 组织部 runs a needs survey, cadres answer anonymously on their phones', () => {
  let title = '';
  let surveyId = '';
  let codes: string[] = [];

  it('组织部 opens a survey of a street and issues 12 codes (printable slips)', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const orgs = await api.get<{ items: { id: string; name: string; kind: string; active: boolean }[] }>(
      '/api/orgs',
    );
    const street = orgs.items.find((o) => o.kind === 'street' && o.active);
    expect(street).toBeTruthy();
    title = `干部激励需求调查${Date.now().toString(36)}`;
    await page.goto('/surveys');
    await page.getByTestId('survey-create').click();
    await page.getByTestId('survey-form-title').fill(title);
    await page.getByTestId('survey-form-org').click();
    await page.keyboard.type(street!.name);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: street!.name }).first().click();
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/surveys') && r.request().method() === 'POST',
    );
    await page.getByTestId('survey-form-submit').click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(200);
    surveyId = ((await res.json()) as { id: string }).id;
    await page.getByTestId(`survey-issue-${surveyId}`).click();
    await page.getByTestId('survey-issue-count').fill('12');
    const issued = page.waitForResponse((r) => r.url().endsWith(`/api/surveys/${surveyId}/codes`));
    await page.getByTestId('survey-issue-submit').click();
    const issuedRes = await issued;
    expect(issuedRes.status(), await issuedRes.text()).toBe(200);
    codes = ((await issuedRes.json()) as { codes: string[] }).codes;
    expect(codes).toHaveLength(12);
    await expect.poll(async () => page.getByTestId('survey-slip-code').count()).toBe(12);
    await screenshot(page, 'survey-slips');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('eleven respondents answer on a phone through /ballot#CODE; a reused code is refused', async () => {
    const page: Page = await newPage(browser, { width: 390, height: 844 });
    for (let i = 0; i < 11; i++) {
      await page.goto(`/ballot#${codes[i]}`);
      await page.getByTestId('survey-title').waitFor();
      expect(await page.getByTestId('survey-title').textContent()).toBe(title);
      await page.getByTestId(`survey-rank-${rankOf(i)}`).click();
      await page.getByTestId(`survey-post-${postOf(i)}`).click();
      await page.getByTestId(`survey-education-${educationOf(i)}`).click();
      for (const k of picksOf(i)) await page.getByTestId(`survey-kind-${k}`).click();
      await page.getByTestId('survey-overtime').fill(String(OVERTIME[i]));
      if (i === 0) await screenshot(page, 'survey-answer-phone');
      const sent = page.waitForResponse(
        (r) => r.url().includes('/survey') && r.request().method() === 'POST',
      );
      await page.getByTestId('survey-submit').click();
      expect((await sent).status()).toBe(200);
      await page.getByText('问卷已提交').waitFor();
      // the code left the address bar
      expect(page.url()).not.toContain(codes[i]!);
    }
    await screenshot(page, 'survey-answer-done-phone');
    // a used code: refused before the form shows
    await page.goto(`/ballot#${codes[0]}`);
    await page.getByText('该调查码已经使用过').waitFor();
    await screenshot(page, 'survey-answer-used-phone');
    // an assessment slip still opens the ballot as before (a 12-character code is not a survey code)
    await page.goto('/ballot#ABCD-EFGH-JKMN');
    await page.getByTestId('ballot-page').waitFor();
    expect(await page.getByTestId('survey-title').count()).toBe(0);
    await page.close();
  });

  it('组织部 closes the survey; results show the suppressed bands and the recommended mix', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await loginUi(page, 'orgdept');
    await page.goto(`/surveys/${surveyId}`);
    await expect
      .poll(async () => (await page.getByTestId('survey-answer-count').textContent()) ?? '')
      .toContain('11 份');
    await page.getByTestId('survey-close').click();
    const closed = page.waitForResponse((r) => r.url().endsWith(`/api/surveys/${surveyId}/close`));
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    expect((await closed).status()).toBe(200);
    await page.getByTestId('survey-breakdown-rank').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('survey-mix-section_up').textContent()) ?? '')
      .toContain('乡科级及以上（6人作答）：政治激励 50.0%、成长发展 33.3%，建议以政治激励为主、辅以成长发展');
    expect(await page.getByTestId('survey-mix-below_section').textContent()).toContain(
      '乡科级以下（5人作答）：经济激励 50.0%、生活关爱 33.3%，建议以经济激励为主、辅以生活关爱',
    );
    const education = page.getByTestId('survey-breakdown-education');
    expect(await education.getByTestId('survey-suppressed-postgraduate').textContent()).toBe(
      '不足5人，不显示',
    );
    expect(await education.getByTestId('survey-suppressed-other').textContent()).toBe('互补隐藏，不显示');
    expect(await education.textContent()).toContain('互补隐藏');
    await screenshot(page, 'survey-results');
    await page.getByTestId('survey-overtime').scrollIntoViewIfNeeded();
    await screenshot(page, 'survey-results-overtime');
    await page.close();
  });
});
