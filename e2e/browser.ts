import { join, resolve } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'Demo#2026';
const shots = resolve(import.meta.dirname, 'screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export async function newPage(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', baseURL: inject('baseUrl') });
  return context.newPage();
}

const ADMINS = ['sysadmin', 'secadmin', 'auditor'];

/** A demo administrator's current code, from the secret the server printed at its first start. */
export function demoTotp(username: string, at = Date.now()): string {
  const printed = inject('adminSecrets')[username];
  if (!printed) throw new Error(`no printed TOTP secret for ${username}`);
  const secret = Secret.fromBase32(printed.totpSecret);
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });
}

/** The demo password of a user: the printed random one for administrators, the README's for the others. */
function demoPasswordOf(username: string): string {
  return ADMINS.includes(username) ? (inject('adminSecrets')[username]?.password ?? '') : DEMO_PASSWORD;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

const lastTotpStep = new Map<string, number>();

/** Log in through the login page (with the TOTP step for admin roles). */
export async function loginUi(
  page: Page,
  username: string,
  password = demoPasswordOf(username),
): Promise<void> {
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const first = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByTestId('login-submit').click();
  await first;
  if (ADMINS.includes(username)) {
    const totp = page.getByTestId('login-totp');
    await totp.waitFor();
    // a code is accepted once: wait for a fresh 30-second step when this user just logged in
    let step = Math.floor(Date.now() / 30_000);
    if (lastTotpStep.get(username) === step) {
      await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 200);
      step = Math.floor(Date.now() / 30_000);
    }
    lastTotpStep.set(username, step);
    await totp.fill(demoTotp(username));
    const second = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByTestId('login-submit').click();
    if ((await second).status() !== 200) throw new Error(`TOTP login of ${username} refused`);
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  await page.getByTestId('logout').waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT', path: string, body: object): Promise<T>;
}

/** API calls with a page's session (its cookies) and CSRF token; every answer must be 200. */
export async function apiOf(page: Page): Promise<Api> {
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return {
    async get<T>(path: string) {
      const res = await page.request.get(path);
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as T;
    },
    async send<T>(method: 'POST' | 'PUT', path: string, body: object) {
      const res = await page.request.fetch(path, {
        method,
        data: body,
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as T;
    },
  };
}
