import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Org {
  id: string;
  name: string;
  kind: string;
  active: boolean;
}

interface Summary {
  meetings: number;
  meetingMinutes: number;
}

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The first active department whose name is unique (the Excel 组织单位 column names it). */
async function aDepartment(page: Page): Promise<Org> {
  const res = await page.request.get('/api/orgs');
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: Org[] };
  const dept = items.find(
    (o) => o.kind === 'department' && o.active && items.filter((x) => x.name === o.name).length === 1,
  );
  if (!dept) throw new Error('no department in the demo district');
  return dept;
}

/** The downloaded template with meeting rows written into 会议登记 from row 2, columns found by header. */
async function fillTemplate(template: Buffer, rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('会议登记');
  if (!ws) throw new Error('template has no 会议登记 sheet');
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(String(cell.text).replace(/\*/g, ''), n));
  rows.forEach((r, i) => {
    for (const [header, value] of Object.entries(r)) {
      const n = col.get(header);
      if (n === undefined) throw new Error(`template has no column ${header}`);
      ws.getRow(i + 2).getCell(n).value = value;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('[burden] 减负登记簿: a meeting register import and the summary', () => {
  it('an officer downloads the template, an import with an error is refused whole; fixed, the rows arrive and the summary changes', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const year = new Date().getFullYear();
    const before = await api.get<Summary>(`/api/burden/summary?year=${year}`);

    await page.goto('/burden/summary');
    await page.getByTestId('burden-summary-meetings').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('burden-summary-explanation').textContent()) ?? '')
      .toContain(`会议 ${before.meetings} 次`);
    await screenshot(page, 'burden-summary');

    // drill from the meetings figure to the meeting register of the year
    await page.getByTestId('burden-summary-meetings-drill').click();
    await page.waitForURL((u) => u.pathname === '/burden/registers' && u.search.includes('tab=meeting'));
    await page.getByTestId('burden-register-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'burden-registers-meetings');

    // the template through the page's own button
    const download = page.waitForEvent('download');
    await page.getByTestId('burden-template').click();
    const template = readFileSync(await (await download).path());
    expect(template.subarray(0, 2).toString()).toBe('PK');

    const dept = await aDepartment(page);
    const d = new Date();
    d.setDate(d.getDate() - 3);
    const day = iso(d);
    const good: Record<string, string | number>[] = [
      {
        日期: day,
        组织单位: dept.name,
        会议类别: '工作部署会议',
        会议名称: '导入旅程·部署会',
        '时长（分钟）': 45,
      },
      {
        日期: day,
        组织单位: dept.name,
        会议类别: '视频会议',
        会议名称: '导入旅程·视频会',
        '时长（分钟）': 30,
        视频会议: '是',
      },
    ];
    const bad = [good[0]!, { ...good[1]!, 会议类别: '茶话会' }];

    await page.getByTestId('burden-import-open').click();
    const input = page.getByTestId('burden-import-upload').locator('input[type=file]');
    await input.waitFor({ state: 'attached' });
    const refused = page.waitForResponse((r) => r.url().includes('/api/burden/registers/meeting/import'));
    await input.setInputFiles({
      name: '会议-有错.xlsx',
      mimeType: XLSX,
      buffer: await fillTemplate(template, bad),
    });
    expect((await refused).status()).toBe(400);
    const errorRows = page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    await expect.poll(async () => errorRows.count()).toBe(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['会议登记', '3', '会议类别']);
    expect(cells[3]).toContain('政策包中没有会议类别“茶话会”');
    await expect
      .poll(async () => page.getByTestId('import-errors-alert').textContent())
      .toContain('共有 1 处错误，未导入任何数据');
    await screenshot(page, 'burden-import-errors');
    // all or nothing: not even the good row went in
    expect((await api.get<Summary>(`/api/burden/summary?year=${year}`)).meetings).toBe(before.meetings);

    const accepted = page.waitForResponse((r) => r.url().includes('/api/burden/registers/meeting/import'));
    await input.setInputFiles({
      name: '会议-已改正.xlsx',
      mimeType: XLSX,
      buffer: await fillTemplate(template, good),
    });
    const ok = await accepted;
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toEqual({ register: 'meeting', imported: 2 });
    await page.getByTestId('burden-import').waitFor({ state: 'hidden' });

    // the rows appear in the register
    await page.getByTestId('burden-filter-year').waitFor();
    await page.locator('input[placeholder="搜索名称、文号或姓名"]').fill('导入旅程');
    await page.locator('input[placeholder="搜索名称、文号或姓名"]').press('Enter');
    const rows = page.getByTestId('burden-register-table').locator('tbody tr.ant-table-row');
    await expect.poll(async () => rows.count()).toBe(2);
    expect((await page.getByTestId('burden-register-table').textContent()) ?? '').toContain(
      '导入旅程·视频会',
    );
    await screenshot(page, 'burden-import-done');

    // the summary counts them: two more meetings, 75 more minutes
    const after = await api.get<Summary>(`/api/burden/summary?year=${year}`);
    expect(after.meetings).toBe(before.meetings + 2);
    expect(after.meetingMinutes).toBe(before.meetingMinutes + 75);
    await page.goto('/burden/summary');
    await expect
      .poll(async () => (await page.getByTestId('burden-summary-explanation').textContent()) ?? '')
      .toContain(`会议 ${after.meetings} 次`);
    await screenshot(page, 'burden-summary-after');
    await page.context().close();
  });
});
