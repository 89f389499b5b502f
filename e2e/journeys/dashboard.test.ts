import type { Dashboard, DashboardSection } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const SLOW = { timeout: 60_000 };
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

/**
 * Open /dashboard (with a query): the page asks the quick sections, then the slow ones (training, care); wait
 * for both and every chart drawn. The dashboard as the API answers it whole (the same reader, the same query).
 */
async function openDashboard(page: Page, query = ''): Promise<Dashboard> {
  await page.goto(`/dashboard${query}`);
  await page.getByTestId('dash-heading').waitFor(SLOW);
  await page.getByTestId('dash-more').waitFor({ state: 'detached', ...SLOW });
  const charts = await page.locator('[data-has-chart]').count();
  await expect.poll(async () => page.locator('[data-rendered]').count(), SLOW).toBe(charts);
  const res = await page.request.get(`/api/dashboard${query}`);
  expect(res.status(), await res.text()).toBe(200);
  const dashboard = (await res.json()) as Dashboard;
  expect(await page.locator('[data-testid^="dash-section-"]').count()).toBe(dashboard.sections.length);
  return dashboard;
}

/** The first row (and series) of a section with a drillable figure above zero. */
function drillable(section: DashboardSection): { row: number; series: number } | null {
  for (const [ri, r] of section.rows.entries()) {
    if (!r.drill) continue;
    const si = r.values.findIndex((v) => v !== null && v > 0);
    if (si >= 0) return { row: ri, series: si };
  }
  return null;
}

/** The people sections whose rows carry the roster's filter (age, gender, category, education). */
const PEOPLE = ['age', 'gender', 'category', 'education', 'headcount'] as const;

/** Click a figure in a section's table; the drawer's total must be the figure shown. Returns the figure. */
async function drillFromTable(page: Page, section: DashboardSection): Promise<number> {
  const at = drillable(section);
  if (!at) throw new Error(`${section.id}: no figure to drill into`);
  const row = section.rows[at.row];
  const series = section.series[at.series];
  if (!row || !series) throw new Error('no row');
  const figure = row.values[at.series] ?? 0;
  await page.getByTestId(`dash-table-${section.id}`).click();
  const cell = page.getByTestId(`dash-cell-${section.id}-${row.key}-${series.id}`);
  await cell.waitFor();
  // the table writes the figure as the chart's tooltip does (people whole, with thousands separators)
  expect(Number((await cell.textContent())?.replace(/,/g, ''))).toBe(figure);
  await cell.click();
  const total = page.getByTestId('dash-drill-total');
  await total.waitFor(SLOW);
  expect(Number(await total.getAttribute('data-total'))).toBe(figure);
  return figure;
}

async function closeDrawer(page: Page) {
  await page.locator('[data-testid="dash-drill"] .ant-drawer-close').click();
  await page.getByTestId('dash-drill-total').waitFor({ state: 'detached' });
}

describe('[dashboard] 数据看板 per level, each figure drilling down to who it counts', () => {
  it('组织部: the district dashboard, a drill from a bar of a chart, the roster with the same people, exports', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const dashboard = await openDashboard(page);
    expect(dashboard.level).toBe('district');
    expect(await text(page, 'dash-heading')).toBe(`${dashboard.org.name} · ${dashboard.year}年`);
    const ids = dashboard.sections.map((s) => s.id);
    for (const id of ['headcount', 'age', 'gender', 'education']) expect(ids).toContain(id);
    // a card per section, titled in Chinese, with its explanation
    for (const s of dashboard.sections) {
      await page.getByTestId(`dash-section-${s.id}`).waitFor();
      expect(await text(page, `dash-explanation-${s.id}`)).not.toBe('');
    }
    await screenshot(page, 'dashboard-district');

    // "who are these N?" from the chart: click the tallest bar of the age distribution (standing bars)
    const age = dashboard.sections.find((s) => s.id === 'age');
    if (!age) throw new Error('no age section');
    const values = age.rows.map((r) => r.values[0] ?? 0);
    const tallest = values.indexOf(Math.max(...values));
    await page.getByTestId('dash-chart-age').scrollIntoViewIfNeeded();
    const box = await page.getByTestId('dash-chart-age').boundingBox();
    if (!box) throw new Error('no age chart');
    // the plot spans the card less the value axis' labels on the left: try across the band's slot, low on the bar
    const slot = (box.width - 56) / age.rows.length;
    const drawer = page.getByTestId('dash-drill-total');
    for (let dx = -18; dx <= 18 && !(await drawer.isVisible()); dx += 6) {
      await page.mouse.click(box.x + 48 + slot * (tallest + 0.5) + dx, box.y + box.height - 44);
      await page.waitForTimeout(300);
    }
    await drawer.waitFor(SLOW);
    expect(Number(await drawer.getAttribute('data-total'))).toBe(values[tallest]);
    const tallestRow = age.rows[tallest];
    expect(await page.locator('[data-testid="dash-drill"] .ant-drawer-title').textContent()).toContain(
      tallestRow?.label,
    );
    await screenshot(page, 'dashboard-district-drill');

    // the whole list to Excel: a title row, the header, one row per person
    const listFile = page.waitForEvent('download');
    await page.getByTestId('dash-drill-export').click();
    const list = await listFile;
    expect(list.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await list.path()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(2).getCell(2).text).toBe('姓名/事项');
    expect(sheet.actualRowCount - 2).toBe(values[tallest]);

    // 在名册中查看: the roster with the same filter shows the same number of people
    expect(tallestRow?.rosterQuery).not.toBeNull();
    await page.getByTestId('dash-drill-roster').click();
    await page.waitForURL(/\/cadres\?/);
    await page.getByTestId('roster-table').waitFor();
    await expect
      .poll(async () => page.locator('.ant-pagination-total-text').first().textContent(), SLOW)
      .toContain(`${values[tallest]}`);
    await screenshot(page, 'dashboard-district-roster');

    // back on the dashboard: the table behind a chart, a figure of it drilled, the section to Excel
    await openDashboard(page);
    const gender = dashboard.sections.find((s) => s.id === 'gender');
    if (!gender) throw new Error('no gender section');
    await drillFromTable(page, gender);
    await closeDrawer(page);
    const sectionFile = page.waitForEvent('download');
    await page.getByTestId('dash-export-gender').click();
    const exported = await sectionFile;
    expect(exported.suggestedFilename()).toBe(`${dashboard.org.name}${dashboard.year}年性别分布.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await exported.path()) as unknown as ArrayBuffer);
    const first = book.worksheets[0];
    if (!first) throw new Error('no sheet');
    // row 1 the title, row 2 the header, then one row per row of the chart
    expect(first.getRow(2).getCell(1).text).toBe('项目');
    for (const [i, r] of gender.rows.entries()) {
      expect(first.getRow(3 + i).getCell(1).text).toBe(r.label);
      expect(Number(first.getRow(3 + i).getCell(2).value)).toBe(r.values[0]);
    }
    await page.close();
  });

  it('组织部 picks a unit: the dashboard of that street, every per-unit row inside it', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const district = await openDashboard(page);
    const street = district.units.find((u) => u.name.endsWith('街道'));
    if (!street) throw new Error('no street');
    const unit = await openDashboard(page, `?level=unit&orgId=${street.id}`);
    expect(unit.level).toBe('unit');
    expect(unit.org.id).toBe(street.id);
    expect(await text(page, 'dash-heading')).toBe(`${street.name} · ${unit.year}年`);
    const headcount = unit.sections.find((s) => s.id === 'headcount');
    if (!headcount) throw new Error('no headcount');
    // the unit's figure is the district's row for it
    const districtRow = district.sections
      .find((s) => s.id === 'headcount')
      ?.rows.find((r) => r.key === street.id);
    const sum = headcount.rows.reduce((n, r) => n + (r.values[0] ?? 0), 0);
    expect(sum).toBe(districtRow?.values[0]);
    await page.close();
  });

  it('a street’s unit administrator: only their street, a figure drilled from the table', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'street1');
    const dashboard = await openDashboard(page);
    expect(dashboard.level).toBe('unit');
    // their own street, by the name the header shows for the account's unit
    expect(dashboard.org.name).toBe(await text(page, 'header-org'));
    // one level only: no switch
    expect(await page.getByTestId('dash-level-district').count()).toBe(0);
    await screenshot(page, 'dashboard-unit');
    const people = dashboard.sections.find((s) => PEOPLE.includes(s.id as never) && drillable(s));
    if (!people) throw new Error('no people section to drill into');
    await drillFromTable(page, people);
    await screenshot(page, 'dashboard-unit-drill');
    await page.close();
  });

  it('a leader: the overview of the units overseen, a figure drilled from the table', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'leader');
    const dashboard = await openDashboard(page);
    expect(dashboard.level).toBe('leader');
    await screenshot(page, 'dashboard-leader');
    const headcount = dashboard.sections.find((s) => s.id === 'headcount');
    if (!headcount) throw new Error('no headcount');
    await drillFromTable(page, headcount);
    await screenshot(page, 'dashboard-leader-drill');
    await page.close();
  });
});
