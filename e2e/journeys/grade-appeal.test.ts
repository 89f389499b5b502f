import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

// 考核等次申诉 as the cadre meets it on a phone: the demo cadre appealed last year's published grade and the
// appeal waits at 复核 (the workflow's demo case; the inbox journey decides it); her 我的考核结果 shows where it
// stands and opens its case.
describe('[assessment] 考核等次申诉 on 我的考核结果, as the cadre on a phone', () => {
  it('shows where the appeal stands (no second one while handled) and opens the case with her reason', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await loginUi(page, 'cadre');
    await page.goto('/assessment/mine');
    const state = page
      .locator('[data-testid^="mine-appeal-"]:not([data-testid^="mine-appeal-open-"])')
      .first();
    await state.waitFor();
    const targetId = ((await state.getAttribute('data-testid')) ?? '').replace('mine-appeal-', '');
    // the inbox journey (same server; files run in any order) may already have decided it
    const shown = (await state.textContent()) ?? '';
    if (shown.includes('申诉办理中：复核')) {
      // while it is handled, no second appeal of that result
      expect(await page.getByTestId(`mine-appeal-open-${targetId}`).count()).toBe(0);
    } else {
      expect(shown).toContain('申诉已办结');
      await page.getByTestId(`mine-appeal-open-${targetId}`).waitFor();
    }
    await state.scrollIntoViewIfNeeded();
    await screenshot(page, 'grade-appeal-mine-phone');
    await state.getByRole('link').click();
    await page.waitForURL(/\/inbox\/cases\//);
    await expect.poll(async () => (await page.textContent('body')) ?? '').toContain('民主测评得分计算有误');
    await screenshot(page, 'grade-appeal-case-phone');
    await page.close();
  });
});
