import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const SLOW = { timeout: 30_000 };
const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}"] tbody tr.ant-table-row`);

/** The OK button of the open modal. */
const modalOk = (page: Page) => page.locator('.ant-modal-footer .ant-btn-primary').filter({ visible: true });

/** Type a day into an antd DatePicker. */
async function typeDate(page: Page, testId: string, day: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** China's calendar day `days` days from now, `YYYY-MM-DD` (the server judges dates by China's day). */
function chinaDayPlus(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An element's box (the e2e project has no DOM types). */
interface Box {
  getBoundingClientRect(): { width: number };
}

interface Detail {
  id: string;
  state: string;
  noticeStart: string | null;
  noticeEnd: string | null;
  quotas: { unitId: string; unitName: string; activeCadres: number; quota: number | null; used: number }[];
  nominations: { cadreId: string; cadreName: string; state: string; unitName: string }[];
}

/** Request helpers with a page's session and CSRF token; the answers are returned whatever their status. */
async function session(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return {
    get: async <T>(path: string): Promise<T> => {
      const res = await page.request.get(path);
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as T;
    },
    post: (path: string, data: object) =>
      page.request.post(path, { data, headers: { 'x-csrf-token': me.csrfToken } }),
  };
}

// a name no other journey uses, so the run tolerates earlier runs' and other journeys' batches
const BATCH = `E2E 通报表扬 ${Date.now().toString(36)}`;
const DOC_NO = `丰组〔2026〕E${Date.now().toString(36).slice(-4)}号`;

describe('[honours] a commendation batch: nominations within quota, 公示, decision, Word notice, the hero board', () => {
  let officer: Page;
  let unit: Page;
  let batchId = '';
  let streetId = '';
  let streetName = '';
  const nominated: string[] = [];

  it('组织部 creates a 通报表扬 batch of the year and opens the nominations', async () => {
    officer = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(officer, 'orgdept');
    await officer.getByTestId('menu-honourBatches').click();
    await officer.getByTestId('batches-table').waitFor();
    await screenshot(officer, 'honours-batches');

    await officer.getByTestId('batch-create').click();
    await officer.getByTestId('batch-form-name').fill(BATCH);
    await officer.getByTestId('batch-form-kind').click();
    await officer.locator('.ant-select-item-option').filter({ hasText: '通报表扬' }).click();
    await officer.getByTestId('batch-form-submit').click();
    await officer.waitForURL(/\/honours\/batches\/[0-9a-f-]{36}$/);
    batchId = officer.url().split('/').pop() ?? '';
    await expect.poll(async () => officer.getByTestId('batch-title').textContent(), SLOW).toBe(BATCH);
    await officer.getByTestId('batch-state-draft').waitFor();

    await officer.getByTestId('batch-open').click();
    await officer.getByTestId('batch-state-nominating').waitFor(SLOW);
    // the quota per unit, each explained: Fengze's streets 15 %, departments 10 % (丰泽政策包)
    await expect.poll(async () => rows(officer, 'quota-table').count(), SLOW).toBeGreaterThan(5);
    const quotaText = (await officer.getByTestId('quota-table').textContent()) ?? '';
    expect(quotaText).toContain('15%');
    expect(quotaText).toContain('10%');
    await screenshot(officer, 'honours-batch-nominating');
  });

  it('a street nominates within its quota; the nomination beyond it is refused with the Chinese message', async () => {
    unit = await newPage(browser, { width: 1440, height: 900 });
    await loginUi(unit, 'street1');
    const s = await session(unit);
    const detail = await s.get<Detail>(`/api/honours/batches/${batchId}`);
    // the street admin sees its own street's quota line
    const line = detail.quotas.find((q) => q.quota !== null && q.activeCadres > 0);
    if (!line || line.quota === null) throw new Error('no quota line for street1');
    streetId = line.unitId;
    streetName = line.unitName;
    // floor(active × 15 %), at least 1 (丰泽政策包: streets 15 %)
    expect(line.quota).toBe(Math.max(1, Math.floor((line.activeCadres * 15) / 100)));

    // fill the quota but one place through the API (cadres the engine refuses are skipped)
    const cadres = await s.get<{ items: { id: string; name: string }[] }>(
      '/api/cadres?pageSize=200&sort=name',
    );
    const candidates = cadres.items;
    let next = 0;
    while (nominated.length < line.quota - 1 && next < candidates.length) {
      const c = candidates[next++]!;
      const res = await s.post(`/api/honours/batches/${batchId}/nominations`, {
        cadreId: c.id,
        deeds: `${c.name}同志在防汛救灾中连续奋战，组织转移群众 120 余人。`,
        usePhoto: true,
      });
      if (res.status() === 200) nominated.push(c.name);
      else expect(((await res.json()) as { code: string }).code).toBe('HONOUR_INELIGIBLE');
    }

    // the last place through the page
    await unit.goto(`/honours/batches/${batchId}`);
    await unit.getByTestId('batch-state-nominating').waitFor(SLOW);
    for (;;) {
      const c = candidates[next++];
      if (!c) throw new Error('no eligible cadre left in street1');
      await unit.getByTestId('nomination-add').click();
      await unit.getByTestId('nominate-form-cadre').click();
      await unit.keyboard.type(c.name);
      const option = unit
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: c.name });
      await option.first().click();
      await unit.keyboard.press('Escape');
      await unit.getByTestId('nominate-form-deeds').fill(`${c.name}同志扎根社区十年，化解矛盾纠纷 86 件。`);
      const answer = unit.waitForResponse(
        (r) => r.url().endsWith('/nominations') && r.request().method() === 'POST',
      );
      await unit.getByTestId('nominate-form-submit').click();
      if ((await answer).status() === 200) {
        nominated.push(c.name);
        break;
      }
      // an ineligible cadre: the engine's reasons are shown in the drawer; close it and try the next one
      await unit.getByTestId('nominate-refused-reasons').waitFor();
      await unit.keyboard.press('Escape');
    }
    await expect
      .poll(async () => (await unit.getByTestId(`quota-used-${streetId}`).textContent()) ?? '', SLOW)
      .toBe(String(line.quota));
    await expect.poll(async () => rows(unit, 'nomination-table').count(), SLOW).toBe(line.quota);

    // one more: 名额已满
    const extra = candidates[next]!;
    await unit.getByTestId('nomination-add').click();
    await unit.getByTestId('nominate-form-cadre').click();
    await unit.keyboard.type(extra.name);
    await unit
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: extra.name })
      .first()
      .click();
    await unit.keyboard.press('Escape');
    await unit.getByTestId('nominate-form-deeds').fill('超出名额的推荐');
    await unit.getByTestId('nominate-form-submit').click();
    await unit.getByTestId('nominate-refused').waitFor(SLOW);
    expect(await unit.getByTestId('nominate-refused-message').textContent()).toBe(
      '该单位本批次的表彰名额已满',
    );
    expect(await unit.getByTestId('nominate-refused-detail').textContent()).toContain(
      `${streetName}本批次名额 ${line.quota} 名，已推荐 ${line.quota} 名`,
    );
    await screenshot(unit, 'honours-quota-full');
    await unit.keyboard.press('Escape');
    // nothing was added
    const after = await s.get<Detail>(`/api/honours/batches/${batchId}`);
    expect(
      after.nominations
        .filter((n) => n.state === 'nominated')
        .map((n) => n.cadreName)
        .sort(),
    ).toEqual([...nominated].sort());
  });

  it('组织部 runs the 公示 on the working-day calendar, records and dismisses an objection, and decides', async () => {
    await officer.reload();
    await officer.getByTestId('batch-state-nominating').waitFor(SLOW);
    await officer.getByTestId('notice-start').click();
    // a 公示 that started three weeks ago has ended by now (5 working days, 丰泽政策包)
    const start = chinaDayPlus(-21);
    await typeDate(officer, 'notice-form-start', start);
    await expect
      .poll(async () => (await officer.getByTestId('notice-form-preview').textContent()) ?? '', SLOW)
      .toContain(`公示 5 个工作日：${start} 至 `);
    const preview = (await officer.getByTestId('notice-form-preview').textContent()) ?? '';
    const end = /至 (\d{4}-\d{2}-\d{2})/.exec(preview)?.[1] ?? '';
    await screenshot(officer, 'honours-notice-preview');
    // Enter in the date field may already have submitted the dialog (antd forms submit on Enter): confirm only
    // while it is still open
    await modalOk(officer)
      .click({ timeout: 3_000 })
      .catch(() => undefined);
    await officer.getByTestId('batch-state-notice').waitFor(SLOW);
    // the server's end day is the one the calendar showed before confirming
    const s = await session(officer);
    const detail = await s.get<Detail>(`/api/honours/batches/${batchId}`);
    expect(detail.noticeStart).toBe(start);
    expect(detail.noticeEnd).toBe(end);

    // an objection received on the first day of the 公示, found untrue
    await officer.getByTestId('objection-add').click();
    await officer.getByTestId('objection-form-nominee').click();
    await officer.locator('.ant-select-item-option').filter({ hasText: nominated[0]! }).first().click();
    await typeDate(officer, 'objection-form-received', start);
    await officer.getByTestId('objection-form-content').fill('反映其事迹材料夸大。');
    await modalOk(officer).click();
    await officer.getByTestId('objection-state-open').waitFor(SLOW);
    // deciding with an open objection is refused
    await officer.getByTestId('batch-decide').click();
    await officer.getByTestId('decide-form-number').fill(DOC_NO);
    await modalOk(officer).click();
    await officer.getByTestId('decide-refused').waitFor(SLOW);
    expect(await officer.getByTestId('decide-refused-message').textContent()).toBe(
      '公示期间的异议尚未处理完毕',
    );
    await officer.keyboard.press('Escape');

    await officer.locator('[data-testid^="objection-resolve-"]').first().click();
    await officer.getByTestId('resolve-form-dismissed').click();
    await officer.getByTestId('resolve-form-resolution').fill('经核实，事迹属实，异议不成立。');
    await modalOk(officer).click();
    await officer.getByTestId('objection-state-dismissed').waitFor(SLOW);
    await screenshot(officer, 'honours-notice');

    await officer.getByTestId('batch-decide').click();
    await officer.getByTestId('decide-form-number').fill(DOC_NO);
    await modalOk(officer).click();
    await officer.getByTestId('batch-state-decided').waitFor(SLOW);
    expect(await officer.getByTestId('batch-decided').textContent()).toContain(DOC_NO);
    await expect
      .poll(
        async () =>
          officer
            .locator('[data-testid="nomination-table"] [data-testid="nomination-state-honoured"]')
            .count(),
        SLOW,
      )
      .toBe(nominated.length);
    await screenshot(officer, 'honours-batch-decided');
  });

  it('downloads the 表彰通报: a .docx naming the honoured cadres and the 文号', async () => {
    const download = officer.waitForEvent('download');
    await officer.getByTestId('batch-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${BATCH}.docx`);
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain(DOC_NO);
    for (const name of nominated) expect(plain).toContain(name);
    expect(plain).toContain(streetName);
  });

  it('a cadre sees the honoured on the hero board on a phone (390 wide), highest honour first, printable', async () => {
    const phone = await newPage(browser, { width: 390, height: 844 });
    await loginUi(phone, 'cadre');
    await phone.goto('/honours/board');
    await phone.getByTestId('hero-board').waitFor(SLOW);
    const names = await phone.getByTestId('hero-card-name').allTextContents();
    for (const name of nominated) expect(names).toContain(name);
    // one column on a phone: every card as wide as the board
    const widths = await phone
      .locator('.hero-card')
      .evaluateAll((els) => els.map((e) => Math.round((e as unknown as Box).getBoundingClientRect().width)));
    expect(new Set(widths).size).toBe(1);
    expect(widths[0]).toBeLessThanOrEqual(390);
    // the deeds stand on the card
    const card = phone.locator('.hero-card').filter({ hasText: nominated[nominated.length - 1]! });
    expect(await card.getByTestId('hero-card-deeds').textContent()).toContain('化解矛盾纠纷 86 件');
    await screenshot(phone, 'honours-board-phone');

    // print: no app frame, no year picker
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.getByTestId('hero-board-print').isVisible()).toBe(false);
    for (const chrome of ['.ant-layout-sider', '.ant-layout-header', '[data-testid=logout]'])
      expect(await phone.locator(chrome).filter({ visible: true }).count()).toBe(0);
    await phone.close();
  });

  it('the board at 1440 for the organisation department', async () => {
    await officer.goto('/honours/board');
    await officer.getByTestId('hero-board').waitFor(SLOW);
    await screenshot(officer, 'honours-board');
    await officer.close();
    await unit.close();
  });
});
