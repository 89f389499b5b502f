import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launch, loginUi, newPage, screenshot } from '../browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SLOW = { timeout: 60_000, interval: 500 };

/** The downloaded template with rows written into 工作事务清单 from row 2, columns found by header. */
async function fillTemplate(template: Buffer, rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('工作事务清单');
  if (!ws) throw new Error('template has no 工作事务清单 sheet');
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(String(cell.text).replace(/\*/g, ''), n));
  rows.forEach((r, i) => {
    for (const [header, value] of Object.entries(r)) ws.getRow(i + 2).getCell(col.get(header)!).value = value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('[burden-worklist-import] 村(社区)工作事务清单 by Excel', () => {
  it('a 属地管理 transfer refuses the whole file; fixed, the rows appear, the unfunded one flagged', async () => {
    const page = await newPage(browser);
    await loginUi(page, 'orgdept');
    const api = await apiOf(page);
    const { items } = await api.get<{ items: { name: string; kind: string; active: boolean }[] }>(
      '/api/orgs',
    );
    const community = items.find(
      (o) => o.kind === 'community' && o.active && items.filter((x) => x.name === o.name).length === 1,
    )!;
    await page.goto('/burden/worklist');
    await page.getByTestId('worklist-table').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('worklist-template').click();
    const template = readFileSync(await (await download).path());

    const year = new Date().getFullYear();
    const good: Record<string, string | number>[] = [
      {
        年度: year,
        承接单位: community.name,
        部署部门: '区民政局',
        事项名称: '导入旅程·困难群众走访',
        承接方式: '权随责走、费随事转',
        '经费（元）': 8000,
      },
      { 年度: year, 承接单位: community.name, 部署部门: '区住建局', 事项名称: '导入旅程·楼道清理' },
    ];
    const bad: Record<string, string | number>[] = [
      ...good,
      { ...good[1]!, 部署部门: '区城市管理局', 事项名称: '导入旅程·违建巡查', 属地管理: '是' },
    ];

    await page.getByTestId('worklist-import-open').click();
    const input = page.getByTestId('burden-import-upload').locator('input[type=file]');
    await input.waitFor({ state: 'attached' });
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/burden/worklist/import'));
    await input.setInputFiles({
      name: '清单-有错.xlsx',
      mimeType: XLSX,
      buffer: await fillTemplate(template, bad),
    });
    expect((await refused).status()).toBe(400);
    const errorRows = page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    await expect.poll(async () => errorRows.count(), SLOW).toBe(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['工作事务清单', '4', '属地管理']);
    expect(cells[3]).toContain('严禁以“属地管理”名义将部门承担的职能、任务转嫁给');
    await screenshot(page, 'burden-worklist-import-errors');

    const accepted = page.waitForResponse((r) => r.url().endsWith('/api/burden/worklist/import'));
    await input.setInputFiles({
      name: '清单.xlsx',
      mimeType: XLSX,
      buffer: await fillTemplate(template, good),
    });
    const ok = await accepted;
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toEqual({ imported: 2, unfunded: 1 });
    await page.getByTestId('burden-import').waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await page.getByTestId('worklist-table').textContent()) ?? '', SLOW)
      .toContain('导入旅程·楼道清理');
    expect((await page.getByTestId('worklist-table').textContent()) ?? '').not.toContain('导入旅程·违建巡查');
    await screenshot(page, 'burden-worklist-import-done');
    await page.close();
  });
});
