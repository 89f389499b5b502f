import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

describe('[org] maintain the tree through the page', () => {
  it('orgdept adds a community under a street and sees it in the tree', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-orgs').click();
    await page
      .locator('input[data-testid="org-search"], [data-testid="org-search"] input')
      .first()
      .fill('街道');
    await page.getByTestId('org-node-S01').click();
    await page.getByTestId('org-add-child').click();
    await page.getByTestId('org-form-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '社区' }).first().click();
    await page.getByTestId('org-form-code').fill('C98');
    await page.getByTestId('org-form-name').fill('望江社区');
    await page.getByTestId('org-form-difficulty').fill('1.10');
    await screenshot(page, 'org-create-form');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/orgs') && r.request().method() === 'POST',
    );
    await page.getByTestId('org-form-submit').click();
    expect((await created).status()).toBe(200);
    await page
      .locator('input[data-testid="org-search"], [data-testid="org-search"] input')
      .first()
      .fill('望江');
    await expect
      .poll(async () => (await page.getByTestId('org-tree').textContent()) ?? '')
      .toContain('望江社区');
    await screenshot(page, 'org-created');
    await page.context().close();
  });

  it('a bad code is refused in the form with a Chinese message, nothing is sent', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-orgs').click();
    await page
      .locator('input[data-testid="org-search"], [data-testid="org-search"] input')
      .first()
      .fill('街道');
    await page.getByTestId('org-node-S01').click();
    await page.getByTestId('org-add-child').click();
    await page.getByTestId('org-form-code').fill('9-bad');
    await page.getByTestId('org-form-name').fill('错误编码社区');
    let posted = false;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/orgs') && r.method() === 'POST') posted = true;
    });
    await page.getByTestId('org-form-submit').click();
    await expect.poll(async () => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-form-item-explain-error').first().textContent()).toMatch(
      /[\u4e00-\u9fa5]/,
    );
    expect(posted).toBe(false);
    await screenshot(page, 'org-create-invalid');
    await page.context().close();
  });
});

describe('[platform] English and API docs', () => {
  it('switches the interface to English', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.getByTestId('lang-switch').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: 'English' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('menu-orgs').click();
    await page.getByTestId('org-tree').waitFor();
    await page.getByTestId('org-node-QY').click();
    await expect
      .poll(async () => (await page.getByTestId('menu-orgs').textContent()) ?? '')
      .toMatch(/[A-Za-z]/);
    await screenshot(page, 'org-tree-english');
    await page.context().close();
  });

  it('serves the OpenAPI UI at /api/docs to a signed-in user only', async () => {
    const page = await newPage(browser);
    const anonymous = await page.goto('/api/docs');
    expect(anonymous?.status()).toBe(401);
    await loginUi(page, 'orgdept');
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .info').waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => (await page.locator('#swagger-ui').textContent()) ?? '')
      .toContain('/api/orgs');
    await screenshot(page, 'api-docs');
    await page.context().close();
  });
});
