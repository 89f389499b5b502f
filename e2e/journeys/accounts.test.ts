import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

async function searchUsers(page: Page, q: string) {
  const box = page.locator('input[data-testid="user-search"], [data-testid="user-search"] input').first();
  await box.fill(q);
  await box.press('Enter');
}

describe('[users] moving an account to another unit is the security administrator’s grant', () => {
  it('sysadmin edits plain fields only; secadmin moves the account in the grant drawer', async () => {
    const sys = await newPage(browser);
    await loginUi(sys, 'sysadmin');
    const api = await apiOf(sys);
    const { items: orgs } = await api.get<{ items: { id: string; name: string; kind: string }[] }>(
      '/api/orgs',
    );
    const [from, to] = orgs.filter((o) => o.kind === 'street');
    await api.send('POST', '/api/users', {
      username: 'mover',
      displayName: '调动测试',
      orgId: from!.id,
      scopeMode: 'unit',
      initialPassword: 'Init#2026m',
    });
    await sys.getByTestId('menu-users').click();
    await searchUsers(sys, 'mover');
    await sys.getByTestId('user-edit-mover').click();
    // the edit drawer shows the unit, but offers no way to change it
    await expect.poll(async () => sys.getByTestId('user-form-org-name').textContent()).toBe(from!.name);
    expect(await sys.getByTestId('user-form-org').count()).toBe(0);
    await screenshot(sys, 'users-edit-sysadmin');
    await sys.context().close();

    const sec = await newPage(browser);
    await loginUi(sec, 'secadmin');
    await sec.getByTestId('menu-users').click();
    await searchUsers(sec, 'mover');
    await sec.getByTestId('user-grant-mover').click();
    await sec.getByTestId('role-leader').click();
    const orgSelect = sec.getByTestId('user-roles-org');
    await orgSelect.click();
    await sec.keyboard.type(to!.name);
    await sec.locator('.ant-select-tree-node-content-wrapper', { hasText: to!.name }).first().click();
    await screenshot(sec, 'users-grant-move-secadmin');
    const saved = sec.waitForResponse((r) => r.url().endsWith('/roles') && r.request().method() === 'POST');
    await sec.getByTestId('user-roles-submit').click();
    const res = await saved;
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { orgId: string; roles: string[] }).orgId).toBe(to!.id);
    await sec.context().close();
  });
});

describe('[audit] the auditor reads the log in Chinese, newest first', () => {
  it('actions are named, the newest entry is the auditor’s own login', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'auditor');
    await page.getByTestId('menu-audit').click();
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const labels = await table.getByTestId('audit-action-label').allTextContents();
    expect(labels[0]).toBe('登录');
    // no bare codes as the names: every entry of the page is named in Chinese
    for (const l of labels) expect(l, l).toMatch(/[\u4e00-\u9fff]/);
    expect(labels).toContain('授予角色与数据范围');
    const times = await table.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
    const sorted = [...times].sort().reverse();
    expect(times).toEqual(sorted);
    await screenshot(page, 'audit-list-auditor');
    await page.context().close();
  });
});
