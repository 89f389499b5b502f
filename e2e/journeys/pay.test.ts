import { readFileSync } from 'node:fs';
import { formatYuan, type MyPayLineSchema, type Pack, type PayLineDto, type PayRun } from '@ganbu/core';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';
import { chooseOption } from '../select.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Pages load their chunk and texts first: a loaded 2-core machine takes seconds. */
const SLOW = { timeout: 20_000 };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** the trial pack version the what-if compares with (saved by the journey) */
const TRIAL_PACK = 'fengze-whatif-e2e';
const TRIAL_NAME = '丰泽区（测算：总量18%）';

/** ¥1,234.56: a yuan sign, thousands separators, two decimals. */
const YUAN = /^¥\d{1,3}(,\d{3})*\.\d{2}$/;

interface LineList {
  items: PayLineDto[];
  total: number;
  visibleTotalFen: number;
  unitTotals: { unitId: string; unitName: string; count: number; totalFen: number }[];
}

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

/** The cell's horizontal alignment as the browser lays it out. */
interface StyledElement {
  closest: (selector: string) => StyledElement | null;
}
const alignOf = (l: Locator) =>
  l.evaluate((el: StyledElement) => {
    const view = globalThis as unknown as { getComputedStyle: (e: StyledElement) => { textAlign: string } };
    return view.getComputedStyle(el.closest('td') ?? el).textAlign;
  });

/** The explanation drawer has slid in: its right edge at the viewport's; its width. */
async function drawerWidth(page: Page, viewport: { width: number }): Promise<number> {
  const panel = page.locator('.ant-drawer-content-wrapper').last();
  await expect
    .poll(async () => {
      const box = await panel.boundingBox();
      return box ? Math.round(box.x + box.width) : -1;
    }, SLOW)
    .toBe(viewport.width);
  return Math.round((await panel.boundingBox())?.width ?? 0);
}

/** Every line of a run the session may see (pages of 500). */
async function allLines(page: Page, runId: string): Promise<LineList> {
  const api = await apiOf(page);
  const first = await api.get<LineList>(`/api/pay/runs/${runId}/lines?pageSize=500`);
  const items = [...first.items];
  for (let p = 2; items.length < first.total; p++)
    items.push(...(await api.get<LineList>(`/api/pay/runs/${runId}/lines?pageSize=500&page=${p}`)).items);
  return { ...first, items };
}

/** Take the case's approve action on the run page's 审批 tab, with a comment. */
async function approve(page: Page, comment: string): Promise<void> {
  await page.getByTestId('pay-tab-approval').click();
  await page.getByTestId('case-action-approve').click();
  await page.getByTestId('case-comment').fill(comment);
  const done = page.waitForResponse(
    (r) => r.url().includes('/api/cases/') && r.url().endsWith('/actions') && r.request().method() === 'POST',
  );
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  expect((await done).status()).toBe(200);
}

describe('[pay] 经济激励: a street uplift created, computed, explained, approved through 待办, exported; a street and a cadre see their own', () => {
  const year = String(new Date().getFullYear() - 1);
  const name = `${year}年度街道干部经济待遇上浮（旅程）`;
  let runId = '';
  let run: PayRun;
  let lines: LineList;

  it('组织部 creates a run in the drawer, computes it and opens an explanation', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'orgdept');
    await page.getByTestId('menu-payRuns').click();
    await page.getByTestId('pay-runs-table').waitFor(SLOW);
    await page.getByTestId('pay-run-create').click();
    await page.getByTestId('pay-create-form').waitFor();
    // the defaults: 街道干部经济待遇上浮, last year, the district, the district's pack (丰泽)
    expect(await text(page.getByTestId('pay-create-kind'))).toContain('街道干部经济待遇上浮');
    expect(await text(page.getByTestId('pay-create-period'))).toContain(`${year}年度`);
    await expect.poll(async () => text(page.getByTestId('pay-create-pack')), SLOW).toContain('丰泽');
    // street uplift spreads the budget as 总量; the pack's default rule is stated
    await expect
      .poll(async () => text(page.getByTestId('pay-create-budget-help')), SLOW)
      .toContain('基数合计的 15%');
    await page.getByTestId('pay-create-name').fill(name);
    await screenshot(page, 'pay-create');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/pay/runs') && r.request().method() === 'POST',
    );
    await page.getByTestId('pay-create-submit').click();
    expect((await created).status()).toBe(200);
    await page.waitForURL((u) => /^\/pay\/runs\/[0-9a-f-]{36}$/.test(u.pathname), SLOW);
    runId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await expect.poll(async () => text(page.getByTestId('pay-run-name')), SLOW).toBe(name);
    expect(await text(page.getByTestId('pay-run-state'))).toBe('草稿');

    const computed = page.waitForResponse((r) => r.url().endsWith(`/api/pay/runs/${runId}/compute`), SLOW);
    await page.getByTestId('pay-run-compute').click();
    const answer = await computed;
    expect(answer.status(), await answer.text()).toBe(200);
    await expect.poll(async () => text(page.getByTestId('pay-run-state')), SLOW).toBe('已核算');

    const api = await apiOf(page);
    run = await api.get<PayRun>(`/api/pay/runs/${runId}`);
    lines = await allLines(page, runId);
    expect(run.state).toBe('computed');
    expect(run.lineCount).toBeGreaterThan(0);
    expect(lines.total).toBe(run.lineCount);
    // 组织部 sees the whole run: the parts add up to the run's total to the fen
    expect(lines.items.reduce((n, l) => n + l.amountFen, 0)).toBe(run.totalFen);
    expect(lines.visibleTotalFen).toBe(run.totalFen);
    expect(await text(page.getByTestId('pay-run-total'))).toBe(formatYuan(run.totalFen ?? 0));
    expect(await text(page.getByTestId('pay-run-count'))).toBe(String(run.lineCount));
    // the run-level explanation (budget, band, spreading) as a card
    expect(await page.getByTestId('pay-run-steps').locator('tr').count()).toBe(run.steps.length);

    // the lines: amounts right-aligned, ¥ with two decimals
    const table = page.getByTestId('pay-lines-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor(SLOW);
    const line = lines.items.find((l) => l.explanation.steps.length > 1) ?? lines.items[0];
    if (!line) throw new Error('no line');
    await page.getByTestId('pay-lines-search').locator('input').fill(line.name);
    await page.getByTestId('pay-lines-search').locator('input').press('Enter');
    const amount = page.getByTestId(`pay-line-amount-${line.cadreId}`);
    await amount.waitFor(SLOW);
    expect(await text(amount)).toBe(formatYuan(line.amountFen));
    expect(await text(amount)).toMatch(YUAN);
    expect(await alignOf(amount)).toBe('right');
    await page.getByTestId('pay-lines-search').locator('input').fill('');
    await page.getByTestId('pay-lines-search').locator('input').press('Enter');
    await expect.poll(async () => table.locator('tbody tr.ant-table-row').count(), SLOW).toBeGreaterThan(1);
    await screenshot(page, 'pay-run-computed');

    // its explanation: the amount, the steps with their clauses
    await page.getByTestId('pay-lines-search').locator('input').fill(line.name);
    await page.getByTestId('pay-lines-search').locator('input').press('Enter');
    await amount.click();
    const drawer = page.getByTestId('pay-explain-drawer');
    await drawer.waitFor();
    expect(await text(drawer.getByTestId('pay-explain-amount'))).toBe(formatYuan(line.amountFen));
    expect(await text(drawer.getByTestId('pay-explain-summary'))).toBe(line.explanation.summary);
    const steps = drawer.getByTestId('pay-step');
    expect(await steps.count()).toBe(line.explanation.steps.length);
    for (const [i, s] of line.explanation.steps.entries()) {
      const item = steps.nth(i);
      expect(await text(item)).toContain(s.label);
      expect(await text(item)).toContain(s.value);
      if (s.clause) expect(await text(item.getByTestId('pay-step-clause'))).toBe(s.clause);
    }
    expect(await drawerWidth(page, DESKTOP)).toBe(640);
    await screenshot(page, 'pay-explanation');
    await page.keyboard.press('Escape');

    // per unit: the units' totals add up to the run's
    await page.getByTestId('pay-tab-units').click();
    await expect
      .poll(async () => text(page.getByTestId('pay-units-sum')), SLOW)
      .toBe(formatYuan(run.totalFen ?? 0));
    expect(lines.unitTotals.reduce((n, u) => n + u.totalFen, 0)).toBe(run.totalFen);
    // settled: no loading veil over the table
    await page
      .locator('[data-testid="pay-units-table"] .ant-spin-blur')
      .waitFor({ state: 'detached', ...SLOW });
    await page.getByTestId('pay-units-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'pay-units');

    // what-if: a trial version of the pack whose default 总量 is 18% of the base total instead of 15%
    const packs = await api.get<{ items: { id: string; packId: string; effectiveFrom: string }[] }>(
      '/api/packs',
    );
    const shipped = packs.items.find((p) => p.packId === 'fengze' && p.effectiveFrom === '2018-01-01');
    if (!shipped) throw new Error('no shipped fengze 2018 pack');
    const { body } = await api.get<{ body: Pack }>(`/api/packs/${shipped.id}`);
    const uplift = body.pay?.streetUplift;
    if (!uplift) throw new Error('fengze has no street uplift');
    const trial: Pack = {
      ...body,
      id: TRIAL_PACK,
      name: TRIAL_NAME,
      version: { ...body.version, effectiveFrom: '2027-01-01' },
      pay: {
        ...body.pay,
        rounding: body.pay?.rounding ?? { unitFen: 1, mode: 'half-up' },
        streetUplift: { ...uplift, defaultBudgetPercentOfBase: 18 },
      },
      sources: {
        ...body.sources,
        '/pay/streetUplift/defaultBudgetPercentOfBase': {
          assumed: '旅程测算：总量按区直同职级基数总额的18%',
        },
      },
    };
    // saved again (an edited version) when another journey run made it already
    await api.send('POST', '/api/packs', { body: trial });
    const baseTotal = run.steps.find((st) => st.label === '基数总额')?.amountFen;
    if (baseTotal === undefined) throw new Error('the run states no 基数总额');
    // Σbase × 18%, half-up to the fen (the pack's rounding); the budget is split to the fen, so the total is it
    const after = Math.floor((baseTotal * 18 + 50) / 100);
    const before = run.totalFen ?? 0;
    expect(after).toBeGreaterThan(before);

    await page.goto(`/pay/runs/${runId}?tab=whatIf`);
    await page.getByTestId('pay-whatif-form').waitFor(SLOW);
    await chooseOption(page, page.getByTestId('pay-whatif-pack'), TRIAL_NAME);
    await chooseOption(page, page.getByTestId('pay-whatif-version'), '2027-01-01');
    const compared = page.waitForResponse((r) => r.url().endsWith(`/api/pay/runs/${runId}/what-if`), SLOW);
    await page.getByTestId('pay-whatif-run').click();
    const answer2 = await compared;
    expect(answer2.status(), await answer2.text()).toBe(200);
    await expect.poll(async () => text(page.getByTestId('pay-whatif-after')), SLOW).toBe(formatYuan(after));
    expect(await text(page.getByTestId('pay-whatif-delta'))).toBe(`+${formatYuan(after - before)}`);
    await screenshot(page, 'pay-whatif');
    await page.getByTestId('pay-whatif-units').scrollIntoViewIfNeeded();
    await screenshot(page, 'pay-whatif-units');
    await page.getByTestId('pay-whatif-lines').scrollIntoViewIfNeeded();
    await screenshot(page, 'pay-whatif-people');
    // the largest change first, and its explanation under the trial version
    await page.locator('[data-testid^="pay-whatif-explain-"]').first().click();
    await page.getByTestId('pay-explain-drawer').waitFor();
    expect(await text(page.getByTestId('pay-explain-drawer'))).toContain(TRIAL_NAME);
    await drawerWidth(page, DESKTOP);
    await screenshot(page, 'pay-whatif-explanation');
    await page.close();
  });

  it('组织部 submits it and passes 组织部审核; 领导 approves from 待办; the export is a real workbook', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'orgdept');
    await page.goto(`/pay/runs/${runId}`);
    await page.getByTestId('pay-run-submit').click(SLOW);
    await page.getByTestId('pay-submit-comment').fill('请审核');
    const submitted = page.waitForResponse((r) => r.url().endsWith(`/api/pay/runs/${runId}/submit`));
    await page.getByTestId('pay-submit-ok').click();
    expect((await submitted).status()).toBe(200);
    await expect.poll(async () => text(page.getByTestId('pay-run-state')), SLOW).toBe('审批中');
    await expect.poll(async () => text(page.getByTestId('pay-approval')), SLOW).toContain('组织部审核');
    // 审批中: no recomputing
    expect(await page.getByTestId('pay-run-compute').count()).toBe(0);
    await approve(page, '核算无误');
    await expect.poll(async () => text(page.getByTestId('pay-approval')), SLOW).toContain('分管领导审批');
    await screenshot(page, 'pay-submitted');
    await page.close();

    const leader = await newPage(browser, DESKTOP);
    await loginUi(leader, 'leader');
    await leader.goto('/inbox');
    const item = leader.getByTestId('inbox-table-pending').locator('tr', { hasText: name });
    await item.waitFor(SLOW);
    await screenshot(leader, 'pay-inbox-leader');
    await item.locator('[data-testid^="inbox-open-"]').first().click();
    await leader.waitForURL((u) => u.pathname === `/pay/runs/${runId}`, SLOW);
    // a run in approval opens on its case
    await leader.getByTestId('case-action-approve').waitFor(SLOW);
    await approve(leader, '同意');
    await expect.poll(async () => text(leader.getByTestId('pay-run-state')), SLOW).toBe('已批准');
    await expect.poll(async () => text(leader.getByTestId('pay-approval')), SLOW).toContain('已办结');
    await screenshot(leader, 'pay-approved');
    // 领导 reads, does not manage: no 标记已发放
    expect(await leader.getByTestId('pay-run-paid').count()).toBe(0);

    // the export: one row per person under a header, the amounts in yuan
    const download = leader.waitForEvent('download');
    await leader.getByTestId('pay-run-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${name}.xlsx`);
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('核算明细');
    if (!sheet) throw new Error('no 核算明细 sheet');
    // row 1 the run's title, row 2 the header, then one row per person
    const header: string[] = [];
    sheet.getRow(2).eachCell((cell, n) => {
      header[n] = cell.text;
    });
    const nameCol = header.indexOf('姓名');
    const amountCol = header.indexOf('金额（元）');
    expect(nameCol).toBeGreaterThan(0);
    expect(amountCol).toBeGreaterThan(0);
    const rows: { name: string; fen: number }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2)
        rows.push({
          name: String(row.getCell(nameCol).text),
          fen: Math.round(Number(row.getCell(amountCol).value) * 100),
        });
    });
    expect(rows.length).toBe(run.lineCount);
    const byName = (xs: { name: string; fen: number }[]) =>
      xs.map((x) => `${x.name}:${x.fen}`).sort((a, b) => a.localeCompare(b));
    expect(byName(rows)).toEqual(byName(lines.items.map((l) => ({ name: l.name, fen: l.amountFen }))));
    expect(wb.getWorksheet('分单位汇总')).toBeDefined();
    await leader.close();
  });

  it('a street administrator sees only her street’s lines and their total', async () => {
    const page = await newPage(browser, DESKTOP);
    await loginUi(page, 'street1');
    const api = await apiOf(page);
    const orgs = await api.get<{ items: { id: string }[] }>('/api/orgs');
    const mine = new Set(orgs.items.map((o) => o.id));
    const seen = await allLines(page, runId);
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((l) => mine.has(l.unitId))).toBe(true);
    expect(seen.items.length).toBe(lines.items.filter((l) => mine.has(l.unitId)).length);
    expect(seen.items.length).toBeLessThan(run.lineCount);
    const own = seen.items.reduce((n, l) => n + l.amountFen, 0);
    expect(seen.visibleTotalFen).toBe(own);

    await page.goto(`/pay/runs/${runId}?tab=lines`);
    await expect.poll(async () => text(page.getByTestId('pay-lines-total')), SLOW).toContain(formatYuan(own));
    expect(await text(page.getByTestId('pay-lines-scope'))).toBe('仅显示您所在单位的人员及其合计');
    // she reads the district's run; only the district manages it
    expect(await page.getByTestId('pay-run-compute').count()).toBe(0);
    expect(await page.getByTestId('pay-run-paid').count()).toBe(0);
    expect(await page.getByTestId('pay-tab-whatif').count()).toBe(0);
    const rows = page.getByTestId('pay-lines-table').locator('tbody tr.ant-table-row');
    await expect.poll(async () => rows.count(), SLOW).toBe(Math.min(seen.items.length, 50));
    await screenshot(page, 'pay-street1');
    await page.close();
  });

  it('the cadre sees her own line of the approved run on a phone, with its explanation', async () => {
    const page = await newPage(browser, PHONE);
    await loginUi(page, 'cadre');
    const me = await (await apiOf(page)).get<{ cadreId: string | null }>('/api/auth/me');
    const hers = lines.items.find((l) => l.cadreId === me.cadreId);
    if (!hers) throw new Error('the demo cadre (a street cadre) has no line in the street uplift');
    const { items } = await (
      await apiOf(page)
    ).get<{ items: z.infer<typeof MyPayLineSchema>[] }>('/api/pay/mine');
    // only hers
    expect(items.every((l) => l.cadreId === me.cadreId)).toBe(true);
    expect(items.find((l) => l.runId === runId)?.amountFen).toBe(hers.amountFen);

    await page.goto('/pay/mine');
    const card = page.getByTestId(`pay-mine-${runId}`);
    await card.waitFor(SLOW);
    await card.scrollIntoViewIfNeeded();
    expect(await text(page.getByTestId(`pay-mine-amount-${runId}`))).toBe(formatYuan(hers.amountFen));
    // nothing wider than the phone
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(page, 'pay-mine-phone');
    await page.getByTestId(`pay-mine-explain-${runId}`).click();
    const drawer = page.getByTestId('pay-explain-drawer');
    await drawer.waitFor();
    expect(await text(drawer.getByTestId('pay-explain-amount'))).toBe(formatYuan(hers.amountFen));
    expect(await drawer.getByTestId('pay-step').count()).toBe(hers.explanation.steps.length);
    // the whole phone's width, nothing cut
    expect(await drawerWidth(page, PHONE)).toBe(PHONE.width);
    await screenshot(page, 'pay-mine-explanation-phone');
    await page.close();
  });
});
