import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, loginUi, newPage, screenshot, apiOf, type Api } from '../browser.ts';

const shots = resolve(import.meta.dirname, '..', 'screenshots');

let browser: Browser;
let officer: Page;
let api: Api;
beforeAll(async () => {
  browser = await launch();
  officer = await newPage(browser);
  await loginUi(officer, 'orgdept');
  api = await apiOf(officer);
});
afterAll(async () => browser.close());

// ------------------------------------------------------------------ the officer's side, through the API

interface Org {
  id: string;
  name: string;
  parentId: string | null;
  kind: string;
  path: string;
  active: boolean;
}

/** Two villages with cadres in the first township, a cadre of each, and the district's root unit. */
async function jinwanSetup(): Promise<{
  a: { cadreId: string; unitId: string; unitName: string };
  b: { cadreId: string; unitId: string; unitName: string };
  rootId: string;
}> {
  const { items: orgs } = await api.get<{ items: Org[] }>('/api/orgs');
  const root = orgs.find((o) => o.parentId === null);
  const township = orgs.filter((o) => o.kind === 'township').sort((x, y) => (x.path < y.path ? -1 : 1))[0];
  if (!root || !township) throw new Error('demo district lacks a township');
  const villages = orgs
    .filter((o) => o.kind === 'village' && o.active && o.path.startsWith(`${township.path}.`))
    .sort((x, y) => (x.path < y.path ? -1 : 1));
  const found: { cadreId: string; unitId: string; unitName: string }[] = [];
  for (const v of villages) {
    const { items } = await api.get<{ items: { id: string; orgId: string }[] }>(`/api/cadres?orgId=${v.id}`);
    const own = items.find((c) => c.orgId === v.id);
    if (own) found.push({ cadreId: own.id, unitId: v.id, unitName: v.name });
    if (found.length === 2) break;
  }
  const [a, b] = found;
  if (!a || !b) throw new Error('demo district lacks two villages with cadres in a township');
  return { a, b, rootId: root.id };
}

const ROUND_NAME = '2026年度村（社区）党小组长、民小组长考核';
const REPORT =
  '一年来，本人在镇党委和村党组织的领导下，认真履行党小组长职责。' +
  '一是抓好学习，按时组织党小组学习，全年开展集中学习12次；\n' +
  '二是联系服务群众，走访群众86户，帮助解决道路硬化、自来水改造等实际问题9件；\n' +
  '三是配合村“两委”做好人居环境整治、防汛抗旱和矛盾纠纷调处工作。\n' +
  '存在的不足：理论学习还不够深入，带领群众发展产业的办法不多。下一步，本人将进一步加强学习，改进作风。';

interface Setup {
  roundId: string;
  /** town committee slips: rate both targets */
  town: string[];
  /** village A representatives: rate village A's target only */
  reps: string[];
  villageA: string;
}
let setup: Setup;

async function issue(roundId: string, groupId: string, count: number, unitId?: string): Promise<string[]> {
  const res = await api.send<{ codes: string[] }>('POST', `/api/assessment/rounds/${roundId}/tokens`, {
    groupId,
    count,
    ...(unitId ? { unitId } : {}),
  });
  expect(res.codes).toHaveLength(count);
  return res.codes;
}

const transition = (roundId: string, action: string) =>
  api.send('POST', `/api/assessment/rounds/${roundId}/transition`, { action });

// ------------------------------------------------------------------ the rater's phone

async function phone(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    baseURL: inject('baseUrl'),
  });
  return context.newPage();
}

/** Ballot submissions this page sends, and any other API call (there should be none: no session). */
function countSubmissions(page: Page): { posts: number; otherApi: string[] } {
  const seen = { posts: 0, otherApi: [] as string[] };
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'POST' && path.startsWith('/api/ballot/')) seen.posts++;
    else if (path.startsWith('/api/') && !path.startsWith('/api/ballot/')) seen.otherApi.push(path);
  });
  return seen;
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

interface BrowserGlobals {
  localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
  sessionStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
  history: { state: unknown };
  document: { cookie: string };
  location: { href: string };
}

/** Everything the page keeps in the browser besides memory: storage, history entry, cookies, URL. */
async function whatTheBrowserKeeps(page: Page): Promise<string> {
  const kept = await page.evaluate(() => {
    const g = globalThis as unknown as BrowserGlobals;
    const dump = (s: BrowserGlobals['localStorage']) =>
      Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`).join('\n');
    return [
      dump(g.localStorage),
      dump(g.sessionStorage),
      JSON.stringify(g.history.state),
      g.document.cookie,
      g.location.href,
    ].join('\n');
  });
  const cookies = await page.context().cookies();
  return kept + JSON.stringify(cookies);
}

/** Every touch target in view at least 40 px high (antd large controls are 48). */
async function expectTouchTargets(page: Page, selector: string, min = 40) {
  const heights = await page
    .locator(selector)
    .filter({ visible: true })
    .evaluateAll((els) =>
      els.map(
        (e) =>
          (e as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height,
      ),
    );
  expect(heights.length).toBeGreaterThan(0);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(min);
}

/** Nothing wider than the phone: no sideways scrolling at 375 px. */
async function expectNoHorizontalOverflow(page: Page) {
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(width).toBeLessThanOrEqual(375);
}

// ------------------------------------------------------------------ the slip sheet

interface Batch {
  roundName: string;
  groupName: string;
  unitName?: string;
  codes: string[];
}

interface Box {
  getBoundingClientRect(): { top: number; bottom: number; left: number; right: number };
}

/** Put a batch where the round page leaves it, open the print route, check every slip. */
async function showSheet(batch: Batch): Promise<void> {
  const baseUrl = inject('baseUrl');
  await officer.goto('/');
  await officer.evaluate(
    (json) =>
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('ganbu.tokenSheet', json),
    JSON.stringify({ ...batch, ballotBaseUrl: `${baseUrl}/ballot` }),
  );
  await officer.goto('/assessment/tokens/print');
  await officer.getByTestId('token-sheet').waitFor();
  const qr = officer.getByTestId('token-slip-qr');
  expect(await qr.count()).toBe(batch.codes.length);
  await expect
    .poll(() =>
      qr.evaluateAll((imgs) =>
        imgs.every((i) => {
          const img = i as unknown as { complete: boolean; naturalWidth: number };
          return img.complete && img.naturalWidth > 0;
        }),
      ),
    )
    .toBe(true);
  expect(await qr.first().getAttribute('alt')).toContain(batch.codes[0]);
  expect(await officer.getByTestId('token-slip-code').allTextContents()).toEqual(batch.codes);
  expect(await officer.getByTestId('token-slip-code').first().isVisible()).toBe(true);
  expect(await text(officer.getByTestId('token-slip').first())).toContain(`${baseUrl}/ballot`);
  expect(await officer.getByTestId('token-sheet-page').count()).toBe(Math.ceil(batch.codes.length / 12));
  // the batch left sessionStorage as soon as it was shown
  expect(
    await officer.evaluate(() =>
      (
        globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
      ).sessionStorage.getItem('ganbu.tokenSheet'),
    ),
  ).toBeNull();
}

/** Every slip's content inside its slip (nothing cut off), and the QR codes at least 22 mm (83 px) wide. */
async function expectSlipsFit(): Promise<void> {
  const slips = await officer.getByTestId('token-slip').evaluateAll((els) =>
    els.map((el) => {
      const box = (el as unknown as Box).getBoundingClientRect();
      const kids = Array.from((el as unknown as { children: ArrayLike<Box> }).children).map((k) =>
        k.getBoundingClientRect(),
      );
      const qr = (el as unknown as { querySelector(s: string): Box })
        .querySelector('img')
        .getBoundingClientRect();
      return {
        inside: kids.every(
          (k) =>
            k.top >= box.top - 0.5 &&
            k.bottom <= box.bottom + 0.5 &&
            k.left >= box.left - 0.5 &&
            k.right <= box.right + 0.5,
        ),
        qr: qr.right - qr.left,
      };
    }),
  );
  for (const slip of slips) {
    expect(slip.inside).toBe(true);
    expect(slip.qr).toBeGreaterThanOrEqual(83);
  }
}

/** Print media: no toolbar, slips intact, the PDF has the expected number of A4 pages. */
async function printSheet(name: string, pageCount: number): Promise<void> {
  await expectSlipsFit();
  await officer.emulateMedia({ media: 'print' });
  expect(await officer.getByTestId('token-sheet-print').isVisible()).toBe(false);
  await expectSlipsFit();
  await screenshot(officer, name);
  const pdf = await officer.pdf({ format: 'A4', preferCSSPageSize: true });
  writeFileSync(join(shots, `${name}.pdf`), pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBe(pageCount);
  await officer.emulateMedia({ media: 'screen' });
}

describe('[assessment] the anonymous ballot on a phone, and the printed slips', () => {
  it('sets up a Jinwan round with slips; a slip before the round opens says 评议尚未开始', async () => {
    const { a, b, rootId } = await jinwanSetup();
    const round = await api.send<{ id: string; targetCount: number }>('POST', '/api/assessment/rounds', {
      name: ROUND_NAME,
      packId: 'jinwan',
      schemeId: 'group-leader',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      orgId: rootId,
      population: { cadreIds: [a.cadreId, b.cadreId] },
    });
    expect(round.targetCount).toBe(2);
    const { items: targets } = await api.get<{ items: { id: string; cadreId: string }[] }>(
      `/api/assessment/rounds/${round.id}/targets`,
    );
    const ta = targets.find((x) => x.cadreId === a.cadreId);
    if (!ta) throw new Error('target A missing');
    await api.send('PUT', `/api/assessment/rounds/${round.id}/targets/${ta.id}/report`, { report: REPORT });
    const { csrfToken } = (await (await officer.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const uploaded = await officer.request.put(
      `/api/assessment/rounds/${round.id}/targets/${ta.id}/report-file?name=${encodeURIComponent('述职报告.pdf')}`,
      {
        data: Buffer.from('%PDF-1.4\n% 述职\n%%EOF\n', 'utf8'),
        headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
      },
    );
    expect(uploaded.status(), await uploaded.text()).toBe(200);
    setup = {
      roundId: round.id,
      town: await issue(round.id, 'town-committee', 13),
      reps: await issue(round.id, 'members-representatives', 2, a.unitId),
      villageA: a.unitName,
    };
    for (const code of [...setup.town, ...setup.reps])
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const page = await phone();
    await page.goto(`/ballot#${setup.town[12]}`);
    await page.getByTestId('ballot-not-started').waitFor();
    expect(await text(page.getByTestId('ballot-not-started'))).toContain('评议尚未开始');
    await screenshot(page, 'ballot-not-started');
    await page.context().close();

    await transition(round.id, 'open');
  });

  it('a scanned slip: score, field errors send nothing, confirm, submit once, thanks; again → 已投', async () => {
    const page = await phone();
    const sent = countSubmissions(page);
    const code = setup.town[0] as string;
    await page.goto(`/ballot#${code}`);
    await page.getByTestId('ballot-round-name').waitFor();

    // the code left the address bar at once and is kept nowhere in the browser
    expect(new URL(page.url()).pathname).toBe('/ballot');
    expect(page.url()).not.toContain('#');
    const kept = await whatTheBrowserKeeps(page);
    expect(kept).not.toContain(code);
    expect(kept.replace(/-/g, '')).not.toContain(code.replace(/-/g, ''));

    expect(await text(page.getByTestId('ballot-round-name'))).toBe(ROUND_NAME);
    expect(await text(page.getByTestId('ballot-group-name'))).toBe('镇党委班子');
    const cards = page.getByTestId('ballot-target');
    expect(await cards.count()).toBe(2);
    expect(await text(page.getByTestId('ballot-progress'))).toBe('已评 0 / 2 人');

    // the report: a few lines with 展开, and its file to download with the slip's code
    const report = page.getByTestId('ballot-report');
    expect(await report.count()).toBe(1);
    const fileLink = page.getByTestId('ballot-report-file');
    expect(await text(fileLink)).toBe('述职报告文件：述职报告.pdf');
    const download = page.waitForEvent('download');
    await fileLink.tap();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('述职报告.pdf');
    expect(
      readFileSync(await saved.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    // saved from memory: the address with the code is not what the browser records
    expect(saved.url()).toMatch(/^blob:/);
    const collapsed = (await report.boundingBox())?.height ?? 0;
    const toggle = page.getByTestId('ballot-report-toggle');
    expect(await text(toggle)).toBe('展开');
    await expectNoHorizontalOverflow(page);
    await expectTouchTargets(page, '.ballot-score-input, [data-testid=ballot-submit]', 44);
    await expectTouchTargets(page, '[data-testid^=ballot-fill-max-], [data-testid^=ballot-clear-]', 44);
    await screenshot(page, 'ballot-phone');
    await toggle.tap();
    expect(await text(toggle)).toBe('收起');
    expect((await report.boundingBox())?.height ?? 0).toBeGreaterThan(collapsed + 20);
    await toggle.tap();

    // invalid values: errors next to the fields, and nothing is sent
    const score = (t: number, c: number) => page.getByTestId(`ballot-score-${t}-${c}`);
    const error = (t: number, c: number) => page.getByTestId(`ballot-score-error-${t}-${c}`);
    await score(0, 0).fill('41');
    await score(0, 0).blur();
    expect(await text(error(0, 0))).toBe('不能超过满分 40 分');
    await score(0, 1).fill('27.123');
    await score(0, 1).blur();
    expect(await text(error(0, 1))).toBe('最多保留两位小数');
    await score(0, 2).fill('好');
    await score(0, 2).blur();
    expect(await text(error(0, 2))).toBe('请输入数字');
    await page.getByTestId('ballot-submit').tap();
    await page.getByTestId('ballot-errors').waitFor();
    expect(await text(page.getByTestId('ballot-errors'))).toContain('还有 6 处');
    expect(await text(error(1, 0))).toBe('请打分');
    expect(await page.getByTestId('ballot-confirm').count()).toBe(0);
    await screenshot(page, 'ballot-phone-errors');
    await expectNoHorizontalOverflow(page);
    expect(sent.posts).toBe(0);

    // valid scores; the running totals follow
    await score(0, 0).fill('36');
    await score(0, 1).fill('27');
    await score(0, 2).fill('27');
    expect(await text(page.getByTestId('ballot-total-0'))).toContain('90 / 100 分');
    await page.getByTestId('ballot-fill-max-1').tap();
    expect(await text(page.getByTestId('ballot-total-1'))).toContain('100 / 100 分');
    await score(1, 2).fill('２５.５'); // full-width digits from a Chinese keyboard
    expect(await text(page.getByTestId('ballot-total-1'))).toContain('95.5 / 100 分');
    expect(await page.getByTestId('ballot-errors').count()).toBe(0);
    expect(await text(page.getByTestId('ballot-progress'))).toBe('已评 2 / 2 人');
    // the whole ballot: the last card clears the sticky footer
    await page.screenshot({ path: join(shots, 'ballot-phone-full.png'), fullPage: true });

    // confirmation: every total, 提交后不能修改
    await page.getByTestId('ballot-submit').tap();
    await page.getByTestId('ballot-confirm').waitFor();
    expect(await text(page.getByTestId('ballot-confirm'))).toContain('提交后不能修改');
    expect(await text(page.getByTestId('ballot-confirm-total-0'))).toBe('90 / 100');
    expect(await text(page.getByTestId('ballot-confirm-total-1'))).toBe('95.5 / 100');
    await expectTouchTargets(
      page,
      '[data-testid=ballot-confirm-back], [data-testid=ballot-confirm-submit]',
      44,
    );
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'ballot-confirm');

    // back and forth keeps the scores
    await page.getByTestId('ballot-confirm-back').tap();
    expect(await score(1, 2).inputValue()).toBe('25.5'); // shown as sent once the box was left
    await page.getByTestId('ballot-submit').tap();
    await page.getByTestId('ballot-confirm').waitFor();

    // submit exactly once, even on a double tap
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/ballot/') && r.request().method() === 'POST',
    );
    await page.getByTestId('ballot-confirm-submit').dblclick();
    const res = await answer;
    expect(res.status()).toBe(200);
    expect(res.request().postDataJSON()).toMatchObject({
      scores: [{ points: [36, 27, 27] }, { points: [40, 30, 25.5] }],
    });
    await page.getByTestId('ballot-done').waitFor();
    expect(await text(page.getByTestId('ballot-done'))).toContain('感谢参与，您的评议已匿名提交');
    expect(sent.posts).toBe(1);
    await screenshot(page, 'ballot-success');
    expect(await whatTheBrowserKeeps(page)).not.toContain(code);

    // the same slip again (a second scan on the same phone) → 已投
    await page.goto(`/ballot#${code}`);
    await page.getByTestId('ballot-used').waitFor();
    expect(await text(page.getByTestId('ballot-used'))).toContain('该评议票已经投过');
    expect(page.url()).not.toContain('#');
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'ballot-used');
    expect(sent.posts).toBe(1);
    expect(sent.otherApi).toEqual([]);

    // a fresh load of the same slip too
    await page.goto('/');
    await page.goto(`/ballot#${code.toLowerCase()}`);
    await page.getByTestId('ballot-used').waitFor();
    await page.context().close();
  });

  it('a code typed by hand (lower case, no dashes) opens the ballot; a wrong code is refused', async () => {
    const page = await phone();
    const sent = countSubmissions(page);
    await page.goto('/ballot');
    await page.getByTestId('ballot-code-input').waitFor();
    await expectTouchTargets(page, '[data-testid=ballot-code-input], [data-testid=ballot-code-submit]', 44);

    // not a code at all: refused in the browser
    await page.getByTestId('ballot-code-input').fill('abc12');
    await page.getByTestId('ballot-code-submit').tap();
    expect(await text(page.getByTestId('ballot-code-error'))).toContain('12 位');
    await screenshot(page, 'ballot-code-entry');

    // a well-formed code that was never issued → 票码无效
    await page.getByTestId('ballot-code-input').fill('abcd efgh jkmn');
    await page.getByTestId('ballot-code-submit').tap();
    await page.getByTestId('ballot-invalid').waitFor();
    expect(await text(page.getByTestId('ballot-invalid'))).toContain('票码无效或已作废');
    await screenshot(page, 'ballot-invalid');
    await page.getByTestId('ballot-other-code').tap();

    const code = setup.reps[0] as string;
    await page.getByTestId('ballot-code-input').fill(code.replace(/-/g, '').toLowerCase());
    await page.getByTestId('ballot-code-submit').tap();
    await page.getByTestId('ballot-round-name').waitFor();
    expect(await text(page.getByTestId('ballot-group-name'))).toBe('本村（社区）组党员和村（社区）民代表');
    expect(await page.getByTestId('ballot-target').count()).toBe(1);
    await page.getByTestId('ballot-fill-max-0').tap();
    await page.getByTestId('ballot-score-0-0').fill('38.5');
    expect(await text(page.getByTestId('ballot-total-0'))).toContain('98.5 / 100 分');
    await page.getByTestId('ballot-submit').tap();
    await page.getByTestId('ballot-confirm').waitFor();
    expect(await text(page.getByTestId('ballot-confirm-total-0'))).toBe('98.5 / 100');
    await page.getByTestId('ballot-confirm-submit').tap();
    await page.getByTestId('ballot-done').waitFor();
    expect(sent.posts).toBe(1);
    expect(await whatTheBrowserKeeps(page)).not.toContain(code);
    await page.context().close();

    // the same page on a desktop: one centred column
    const desk = await newPage(browser);
    await desk.goto(`/ballot#${setup.reps[1]}`);
    await desk.getByTestId('ballot-round-name').waitFor();
    const card = await desk.getByTestId('ballot-target').boundingBox();
    expect(card?.width).toBeLessThanOrEqual(640);
    await screenshot(desk, 'ballot-desktop');
    await desk.context().close();
  });

  it('network failures and a refused ballot keep the scores; a lost answer then reads as 已投出', async () => {
    const page = await phone();
    const code = setup.town[1] as string;
    const isBallot = (method: string) => (r: { url(): string; request(): { method(): string } }) =>
      r.url().includes('/api/ballot/') && r.request().method() === method;

    // the slip cannot be read: a network screen with 重试 (the code is still in memory)
    await page.route('**/api/ballot/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`/ballot#${code}`);
    await page.getByTestId('ballot-network').waitFor();
    expect(await text(page.getByTestId('ballot-network'))).toContain('网络连接失败');
    await screenshot(page, 'ballot-network');
    await page.unroute('**/api/ballot/**');
    await page.getByTestId('ballot-retry').tap();
    await page.getByTestId('ballot-round-name').waitFor();
    await page.getByTestId('ballot-fill-max-0').tap();
    await page.getByTestId('ballot-fill-max-1').tap();
    await page.getByTestId('ballot-submit').tap();
    await page.getByTestId('ballot-confirm').waitFor();

    // the server refuses what arrives (here: tampered on the way) → its reasons, in Chinese
    await page.route('**/api/ballot/**', (route) => {
      const body = route.request().postDataJSON() as { scores: { targetId: string; points: number[] }[] };
      body.scores[0]!.points[0] = 41;
      return route.continue({ postData: JSON.stringify(body) });
    });
    const refused = page.waitForResponse(isBallot('POST'));
    await page.getByTestId('ballot-confirm-submit').tap();
    expect((await refused).status()).toBe(400);
    await page.getByTestId('ballot-submit-error').waitFor();
    expect(await text(page.getByTestId('ballot-submit-error'))).toContain('不能超过 40 分');
    await page.unroute('**/api/ballot/**');

    // the ballot reaches the server but the answer is lost: 提交失败, the button is usable again
    await page.route('**/api/ballot/**', async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.getByTestId('ballot-confirm-submit').tap();
    await expect.poll(async () => text(page.getByTestId('ballot-submit-error'))).toContain('提交失败');
    expect(await page.getByTestId('ballot-confirm-submit').isEnabled()).toBe(true);
    await screenshot(page, 'ballot-send-failed');
    await page.unroute('**/api/ballot/**');

    // trying again finds the slip used: most likely by this very ballot
    await page.getByTestId('ballot-confirm-submit').tap();
    await page.getByTestId('ballot-used').waitFor();
    expect(await text(page.getByTestId('ballot-used'))).toContain('可能已经提交成功');
    await page.context().close();
  });

  it('prints a batch: 13 slips with QR codes on two A4 pages; the batch is gone afterwards', async () => {
    const codes = setup.town;
    await showSheet({ roundName: ROUND_NAME, groupName: '镇党委班子', codes });
    expect(await officer.title()).toBe(`评议票-${ROUND_NAME}-镇党委班子`);
    await screenshot(officer, 'token-sheet');

    // the same slips as a Word file, built in the browser: every code with its QR image, two A4 pages
    const download = officer.waitForEvent('download');
    await officer.getByTestId('token-sheet-docx').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`评议票-${ROUND_NAME}-镇党委班子.docx`);
    const zip = unzipSync(readFileSync(await file.path()));
    const xml = strFromU8(zip['word/document.xml']!);
    for (const code of codes) expect(xml).toContain(`>${code}<`);
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(Object.keys(zip).filter((k) => k.startsWith('word/media/') && k.endsWith('.png'))).toHaveLength(
      codes.length,
    );

    await printSheet('token-sheet-print', 2);

    // a reload finds nothing: codes are shown once
    await officer.reload();
    await officer.getByTestId('token-sheet-empty').waitFor();
    expect(await text(officer.getByTestId('token-sheet-empty'))).toContain('只在发放后显示一次');
    await screenshot(officer, 'token-sheet-empty');

    // a village's batch names the unit on every slip; one page
    await showSheet({
      roundName: ROUND_NAME,
      groupName: '本村（社区）组党员和村（社区）民代表',
      unitName: setup.villageA,
      codes: setup.reps,
    });
    expect(await text(officer.getByTestId('token-slip').first())).toContain(`单位：${setup.villageA}`);
    await printSheet('token-sheet-unit-print', 1);
  });

  it('after the round closes a slip says 评议已经结束', async () => {
    await transition(setup.roundId, 'close');
    const page = await phone();
    await page.goto(`/ballot#${setup.town[5]}`);
    await page.getByTestId('ballot-ended').waitFor();
    expect(await text(page.getByTestId('ballot-ended'))).toContain('评议已经结束');
    await screenshot(page, 'ballot-ended');
    await page.context().close();
  });
});
