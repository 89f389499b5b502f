import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import {
  adminCount,
  createTestApp,
  injectAs,
  multipartFile,
  type Session,
  type TestApp,
} from '../helpers.ts';
import { XLSX } from '../samples.ts';

// 村(社区)工作事务清单 (R-BUR-5) by Excel under the Fengze pack, as the registers: the template, an import
// judged row by row with the add drawer's rules — an unfunded item flagged (imported), a 属地管理 transfer
// refused with the rule's sentence and then nothing imported — the annotated workbook, and the export.
const PACK = '丰泽区街道干部考核';
let t: TestApp;
let admin: Session;
let template: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db, { name: '测试导入清单街道' });
  await newOrg(t.db, { parentId: street.id, kind: 'community', name: '测试导入清单社区' });
  admin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  const res = await injectAs(t, admin, { method: 'GET', url: '/api/burden/worklist/template.xlsx' });
  expect(res.statusCode, res.body).toBe(200);
  template = res.rawPayload;
});
afterAll(async () => t.close());

// 年度 承接单位 部署部门 事项名称 依据 承接方式 经费（元） 合同 属地管理
const FUNDED = [
  2026,
  '测试导入清单社区',
  '区民政局',
  '困难群众走访核查',
  '区民政局2026年工作要点',
  '权随责走、费随事转',
  12500,
  '',
  '否',
];
const UNFUNDED = [2026, '测试导入清单社区', '区住建局', '楼道杂物清理', '', '', '', '', '否'];
const TRANSFER = [2026, '测试导入清单社区', '区城市管理局', '违法建设巡查执法', '', '', '', '', '是'];

async function filled(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('工作事务清单')!;
  rows.forEach((row, i) => row.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v as ExcelJS.CellValue)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (bytes: Buffer, path = '/api/burden/worklist/import') =>
  injectAs(t, admin, { method: 'POST', url: path, ...multipartFile('清单.xlsx', bytes, XLSX) });

const count = () => adminCount(t.db, `SELECT 1 FROM burden_worklist_items WHERE org_path::text LIKE '%'`);

describe('[burden] work list by Excel', () => {
  it('offers a template: the columns with * on the required ones, the pack’s modes, a 说明 sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('工作事务清单')!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual([
      '年度*',
      '承接单位*',
      '部署部门*',
      '事项名称*',
      '依据',
      '承接方式',
      '经费（元）',
      '合同',
      '属地管理',
    ]);
    const help = wb.getWorksheet('说明')!;
    expect(help.getCell(1, 1).text).toBe(`村(社区)工作事务清单导入模板（${PACK}）`);
    const texts: string[] = [];
    help.eachRow((r) => texts.push(r.getCell(3).text));
    expect(texts).toContain('权随责走、费随事转、政府购买服务');
  });

  it('a 属地管理 transfer is refused with the rule’s sentence and nothing is imported', async () => {
    const before = await count();
    const res = await upload(await filled([FUNDED, UNFUNDED, TRANSFER]));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      {
        sheet: '工作事务清单',
        row: 4,
        column: '属地管理',
        message: `不予列入：${PACK}严禁以“属地管理”名义将部门承担的职能、任务转嫁给街道、村、社区；“违法建设巡查执法”（区城市管理局交由测试导入清单社区）属区城市管理局本部门职责`,
      },
    ]);
    expect(await count()).toBe(before);
    // the annotated workbook: the wrong cell marked, an 错误说明 column
    const report = await upload(
      await filled([FUNDED, UNFUNDED, TRANSFER]),
      '/api/burden/worklist/import/report',
    );
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('工作事务清单')!;
    expect(ws.getCell(1, 10).text).toBe('错误说明');
    expect(ws.getCell(4, 10).text).toContain('属地管理：不予列入');
    expect(ws.getCell(4, 9).note).toBeDefined();
    expect(await count()).toBe(before);
  });

  it('bad cells are each reported by row and column', async () => {
    const res = await upload(
      await filled([['二〇二六', '不存在的社区', '', '事项', '', '代办', 'abc', '', '也许']]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { column: string; message: string }[] }>().errors).toEqual([
      { sheet: '工作事务清单', row: 2, column: '年度', message: '请填写年度，如 2026' },
      {
        sheet: '工作事务清单',
        row: 2,
        column: '承接单位',
        message: '找不到单位“不存在的社区”（或不在您的数据范围内）',
      },
      {
        sheet: '工作事务清单',
        row: 2,
        column: '承接方式',
        message: '政策包中没有承接方式“代办”（可选：权随责走、费随事转、政府购买服务）',
      },
      { sheet: '工作事务清单', row: 2, column: '经费（元）', message: '请填写金额（元），可带两位小数' },
      { sheet: '工作事务清单', row: 2, column: '属地管理', message: '请填写“是”或“否”' },
      { sheet: '工作事务清单', row: 2, column: '部署部门', message: '请填写部署部门' },
    ]);
  });

  it('fixed (the transfer left out): both rows imported, the unfunded one flagged; the export reads back', async () => {
    const before = await count();
    const res = await upload(await filled([FUNDED, UNFUNDED]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2, unfunded: 1 });
    expect(await count()).toBe(before + 2);
    const list = (await injectAs(t, admin, { method: 'GET', url: '/api/burden/worklist?year=2026' })).json<{
      items: { name: string; unfunded: boolean; amountText: string | null; modeName: string | null }[];
    }>();
    expect(list.items.map((i) => [i.name, i.unfunded, i.amountText, i.modeName])).toEqual([
      ['楼道杂物清理', true, null, null],
      ['困难群众走访核查', false, '¥12,500.00', '权随责走、费随事转'],
    ]);
    expect(await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'burden.worklist.import'`)).toBe(1);
    const exported = await injectAs(t, admin, {
      method: 'GET',
      url: '/api/burden/worklist/export.xlsx?year=2026',
    });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('工作事务清单')!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      2026,
      '测试导入清单社区',
      '区民政局',
      '困难群众走访核查',
      '区民政局2026年工作要点',
      '权随责走、费随事转',
      12500,
      undefined, // 合同: empty
      '否',
      '已保障',
      `“困难群众走访核查”（区民政局交由测试导入清单社区）按“权随责走、费随事转”承接，经费¥12,500.00，符合${PACK}权随责走、费随事转或政府购买服务的要求`,
    ]);
  });
});
