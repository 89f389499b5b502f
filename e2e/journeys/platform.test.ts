import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** The menu each role must see, and nothing more. */
const MENUS: Record<string, string[]> = {
  orgdept: ['home', 'orgs', 'cadres', 'account'],
  street1: ['home', 'orgs', 'cadres', 'account'],
  leader: ['home', 'orgs', 'cadres', 'account'],
  cadre: ['home', 'orgs', 'cadres', 'account'],
  sysadmin: ['home', 'orgs', 'users', 'account'],
  secadmin: ['home', 'users', 'security', 'account'],
  auditor: ['home', 'audit', 'account'],
};
const ALL_MENU_KEYS = ['home', 'orgs', 'users', 'security', 'audit', 'cadres', 'account'];

describe('[platform] log in as each role and see the right menu', () => {
  for (const [user, expected] of Object.entries(MENUS)) {
    it(`${user}`, async () => {
      const page = await newPage(browser);
      await loginUi(page, user);
      await page.getByTestId('menu-home').waitFor();
      await page.getByTestId('home-welcome').waitFor();
      const visible: string[] = [];
      for (const key of ALL_MENU_KEYS) {
        if (await page.getByTestId(`menu-${key}`).isVisible()) visible.push(key);
      }
      await screenshot(page, `home-${user}`);
      expect(visible.sort()).toEqual([...expected].sort());
      // every page the role can open renders without an error message
      for (const key of visible.filter((k) => k !== 'home')) {
        await page.getByTestId(`menu-${key}`).click();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        expect(await page.locator('.ant-result-error, .ant-alert-error').count(), `${user} ${key}`).toBe(0);
        await screenshot(page, `page-${user}-${key}`);
      }
      await page.context().close();
    });
  }
});

describe('[org] open the org tree and search it', () => {
  it('orgdept finds a street in the tree', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-orgs').click();
    const tree = page.getByTestId('org-tree');
    await tree.waitFor();
    await expect.poll(async () => (await tree.textContent()) ?? '').toContain('清源区');
    await page
      .locator('input[data-testid="org-search"], [data-testid="org-search"] input')
      .first()
      .fill('街道');
    await page.waitForTimeout(500);
    expect(await tree.textContent()).toContain('街道');
    await screenshot(page, 'org-tree-orgdept');
    await page.context().close();
  });

  it('street1 sees only its own street subtree', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'street1');
    await page.getByTestId('menu-orgs').click();
    const tree = page.getByTestId('org-tree');
    await tree.waitFor();
    await expect.poll(async () => (await tree.textContent()) ?? '').toContain('街道');
    expect(await tree.textContent()).not.toContain('清源区');
    await screenshot(page, 'org-tree-street1');
    await page.context().close();
  });
});

describe('[auth] change a password', () => {
  it('street2 changes the password and logs in with the new one', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'street2');
    await page.getByTestId('menu-account').click();
    await page.getByTestId('password-current').fill('Demo#2026');
    await page.getByTestId('password-new').fill('Qingyuan#2027x');
    await page.getByTestId('password-confirm').fill('Qingyuan#2027x');
    const changed = page.waitForResponse((r) => r.url().endsWith('/api/auth/password'));
    await page.getByTestId('password-submit').click();
    expect((await changed).status()).toBe(200);
    await page.waitForTimeout(500);
    await screenshot(page, 'account-password-changed');
    await page.getByTestId('logout').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('login-username').waitFor();
    await loginUi(page, 'street2', 'Qingyuan#2027x');
    await page.context().close();
  });
});

describe('[audit] the auditor filters the log', () => {
  it('auditor filters by actor and sees only that actor', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'auditor');
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-filter-actor').fill('street2');
    await page.getByTestId('audit-search').click();
    const table = page.getByTestId('audit-table');
    // the filtered answer: street2's rows only (the unfiltered page had everyone's)
    await expect
      .poll(
        async () => {
          const text = (await table.textContent()) ?? '';
          return text.includes('street2') && !text.includes('orgdept') && !text.includes('sysadmin');
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await screenshot(page, 'audit-filtered');
    await page.context().close();
  });
});

describe('[platform] phone width', () => {
  it('login and home page at 390×844', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await page.goto('/login');
    await page.getByTestId('login-username').waitFor();
    await screenshot(page, 'phone-login');
    await loginUi(page, 'cadre');
    await page.getByTestId('home-welcome').waitFor();
    await screenshot(page, 'phone-home-cadre');
    await page.context().close();
  });
});
