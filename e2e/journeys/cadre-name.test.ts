import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

// 姓名 on the new-cadre form (issue 10 §5): markup is refused with a message; 51 characters stay in the field
// and are refused with a message (never silently cut to 50); nothing is saved.
describe('[registry] 姓名 is checked, not cut', () => {
  it('refuses markup and an over-long name with a message, keeping what was typed', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(page, 'orgdept');
    await page.goto('/cadres');
    await page.getByTestId('roster-create').click();
    const name = page.getByTestId('cadre-form-name');
    await name.fill('<script>alert(1)</script>');
    await name.blur();
    const form = page.getByTestId('cadre-form');
    await expect
      .poll(async () => (await form.textContent()) ?? '')
      .toContain('姓名不能包含 < > & " / \\ { } [ ] 等符号或控制字符');
    await page.locator('.ant-form-item-explain-error', { hasText: '姓名不能包含' }).waitFor();
    await screenshot(page, 'cadre-name-markup');
    const long = '张'.repeat(51);
    await name.fill(long);
    await name.blur();
    expect(await name.inputValue()).toBe(long);
    await expect.poll(async () => (await form.textContent()) ?? '').toContain('最多 50 个字符');
    await page.getByTestId('cadre-form-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '最多 50 个字符' }).waitFor();
    // still open, nothing saved
    expect(await form.isVisible()).toBe(true);
    expect(await name.inputValue()).toBe(long);
    await screenshot(page, 'cadre-name-too-long');
    await page.close();
  });
});
