import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYuan } from '../../src/modules/pay/tables/workbook.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import {
  createTestApp,
  expectError,
  injectAs,
  multipartFile,
  type Session,
  type TestApp,
} from '../helpers.ts';

// The demo seed ran at 2026-11-01 (Asia/Shanghai): its "current year" is 2026, the last two 2025 and 2024.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let orgdept: Session;
let streetAdmin: Session;
let leader: Session;
let self: Session;

interface Row {
  kind: string;
  key: string;
  label: string;
  amountFen: number;
}
interface View {
  year: number;
  rows: Row[];
  keys: { kind: string; key: string; label: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  const street = await newOrg(t.db);
  // a rank no demo cadre carries: the registry is where the rank table's keys come from
  const cadre = await newCadre(t.db, { orgId: street.id, rank: '一级调研员' });
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['orgdept'], scopeMode: 'subtree' }),
  );
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  leader = await signIn(t, await newUser(t.db, { orgId: street.id, roles: ['leader'], scopeMode: 'unit' }));
  self = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['cadre'], scopeMode: 'self', cadreId: cadre.id }),
  );
});
afterAll(async () => t.close());

const get = (s: Session, url: string) => injectAs(t, s, { method: 'GET', url });
const put = (s: Session, url: string, payload: unknown) =>
  injectAs(t, s, { method: 'PUT', url, payload: payload as Record<string, unknown> });
const table = async (year: number, s: Session = orgdept) => {
  const res = await get(s, `/api/pay/tables?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<View>();
};
const amounts = (v: View, kind: string) =>
  Object.fromEntries(v.rows.filter((r) => r.kind === kind).map((r) => [r.key, r.amountFen]));
const lastAudit = async (action: string) =>
  (
    await t.db.admin.query<{ object_id: string; before: unknown; after: unknown; actor_username: string }>(
      'SELECT object_id, before, after, actor_username FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1',
      [action],
    )
  ).rows[0];
const upload = (s: Session, url: string, bytes: Buffer) =>
  injectAs(t, s, { method: 'POST', url, ...multipartFile('基数表.xlsx', bytes, XLSX) });

async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const RANK_HEAD = ['职级*', '区直机关同职级年度基数（元）*'];
const BONUS_HEAD = ['等次编码*', '等次名称', '区直机关同等次绩效奖（元）*'];
const VILLAGE_HEAD = ['岗位编码*', '岗位名称', '提高前年度补贴（元）*'];

describe('[pay] yuan as written → fen, exactly', () => {
  it('joins the digits (no float × 100)', () => {
    expect(parseYuan('12345.67')).toEqual({ fen: 1234567 });
    expect(parseYuan('0.29')).toEqual({ fen: 29 }); // 0.29 × 100 = 28.999999999999996 as floats
    expect(parseYuan('1,234.5')).toEqual({ fen: 123450 });
    expect(parseYuan('¥800')).toEqual({ fen: 80000 });
    expect(parseYuan('007.1')).toEqual({ fen: 710 });
    expect(parseYuan('12.345')).toEqual({ problem: '金额“12.345”超过两位小数（单位：元，精确到分）' });
    expect(parseYuan('-5')).toEqual({ problem: '金额不能为负数' });
    expect(parseYuan('五千')).toEqual({ problem: '金额“五千”不是数字（单位：元）' });
    expect(parseYuan('1e5')).toEqual({ problem: '金额“1e5”不是数字（单位：元）' });
    expect(parseYuan('123456789012')).toEqual({ problem: '金额“123456789012”过大' });
  });
});

describe('[pay] the demo district’s tables and statistics', () => {
  it('holds the current year and the two before, 3 points less each year back', async () => {
    const y2026 = await table(2026);
    expect(amounts(y2026, 'rank-base')).toEqual({
      正科级: 12_000_000,
      副科级: 10_000_000,
      一级主任科员: 11_000_000,
      二级主任科员: 10_000_000,
      三级主任科员: 9_200_000,
      四级主任科员: 8_600_000,
      一级科员: 7_200_000,
    });
    expect(amounts(y2026, 'bonus-base')).toEqual({
      excellent: 3_000_000,
      good: 2_600_000,
      competent: 2_400_000,
      fair: 2_000_000,
      basic: 1_600_000,
      poor: 0,
      incompetent: 0,
    });
    expect(amounts(y2026, 'village-base')).toEqual({
      principal: 2_400_000,
      member: 1_800_000,
      reserve: 960_000,
      'station-manager': 600_000,
      'party-group-leader': 360_000,
      'villager-group-leader': 360_000,
    });
    // 2025: 97%, 2024: 94%
    expect(amounts(await table(2025), 'rank-base')['正科级']).toBe(11_640_000);
    expect(amounts(await table(2024), 'village-base')).toMatchObject({
      principal: 2_256_000,
      reserve: 902_400,
    });
    expect((await table(2023)).rows).toEqual([]);
    // rows come in kind order, largest amount first
    expect(y2026.rows.slice(0, 2).map((r) => r.key)).toEqual(['正科级', '一级主任科员']);
    expect(y2026.rows.find((r) => r.key === 'principal')?.label).toBe('村（社区）“两委”主干');
  });

  it('keeps the rural per-capita income per year with its source (2017: 11,178 yuan, from Hongdong’s 22,356)', async () => {
    const res = await get(leader, '/api/pay/statistics');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { key: string; year: number; valueFen: number; source: string }[] }>()
      .items;
    expect(items.map((s) => [s.key, s.year, s.valueFen])).toEqual([
      ['rural-income-per-capita', 2025, 2_445_600],
      ['rural-income-per-capita', 2024, 2_311_900],
      ['rural-income-per-capita', 2023, 2_169_100],
      ['rural-income-per-capita', 2017, 1_117_800],
    ]);
    expect(items[3]?.source).toBe('按洪洞县2018年村“两委”主干报酬22356元为两倍标准反推（假设）');
    expect(items[0]?.source).toMatch(/^演示数据（示意/);
  });

  it('lists the keys to fill: the registry’s ranks, every pack’s grade codes and village roles', async () => {
    const { keys } = await table(2030);
    const of = (kind: string) => keys.filter((k) => k.kind === kind).map((k) => k.key);
    expect(of('rank-base')).toContain('一级调研员'); // carried by a cadre of the registry, no amount yet
    expect(of('rank-base')).toContain('正科级'); // in the demo tables
    expect(of('bonus-base').sort()).toEqual(
      ['basic', 'competent', 'excellent', 'fair', 'good', 'incompetent', 'poor'].sort(),
    );
    expect(keys.find((k) => k.kind === 'bonus-base' && k.key === 'excellent')?.label).toBe('优秀');
    expect(of('village-base').sort()).toEqual(
      [
        'member',
        'party-group-leader',
        'principal',
        'reserve',
        'station-manager',
        'villager-group-leader',
      ].sort(),
    );
  });
});

describe('[pay] saving a table (PUT /api/pay/tables)', () => {
  it('replaces one kind of one year, fills blank names, and audits before and after', async () => {
    const res = await put(orgdept, '/api/pay/tables', {
      year: 2026,
      kind: 'bonus-base',
      rows: [
        { key: 'excellent', label: '', amountFen: 3_123_456 },
        { key: 'competent', label: '称职', amountFen: 2_500_001 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<View>();
    expect(
      view.rows.filter((r) => r.kind === 'bonus-base').map((r) => [r.key, r.label, r.amountFen]),
    ).toEqual([
      ['excellent', '优秀', 3_123_456],
      ['competent', '称职', 2_500_001],
    ]);
    // the other kinds and years are untouched
    expect(amounts(view, 'village-base')['principal']).toBe(2_400_000);
    expect(amounts(await table(2025), 'bonus-base')['excellent']).toBe(2_910_000);
    const audit = await lastAudit('pay.tables.save');
    expect(audit?.object_id).toBe('2026/bonus-base');
    expect((audit?.before as { rows: unknown[] }).rows).toHaveLength(7);
    expect((audit?.before as { rows: Row[] }).rows[0]).toEqual({
      key: 'excellent',
      label: '优秀',
      amountFen: 3_000_000,
    });
    expect(audit?.after).toEqual({
      rows: [
        { key: 'excellent', label: '优秀', amountFen: 3_123_456 },
        { key: 'competent', label: '称职', amountFen: 2_500_001 },
      ],
    });
  });

  it('refuses an unknown key, a key twice, a negative or fractional amount — and changes nothing', async () => {
    const before = await table(2026);
    const send = (rows: unknown[], kind = 'rank-base') =>
      put(orgdept, '/api/pay/tables', { year: 2026, kind, rows });
    let res = await send([{ key: '处长', label: '', amountFen: 100 }]);
    expectError(res, 400, 'VALIDATION');
    expect(res.json<{ message: string }>().message).toBe(
      '职级“处长”不在干部信息库中（请按干部信息中的职级填写）',
    );
    res = await send([{ key: 'chief', label: '', amountFen: 100 }], 'village-base');
    expect(res.json<{ message: string }>().message).toBe('岗位编码“chief”不在政策包的村干部岗位中');
    res = await send([
      { key: '正科级', label: '', amountFen: 100 },
      { key: '正科级', label: '', amountFen: 200 },
    ]);
    expect(res.json<{ message: string }>().message).toBe('职级基数中“正科级”重复');
    expectError(await send([{ key: '正科级', label: '', amountFen: -1 }]), 400, 'VALIDATION');
    expectError(await send([{ key: '正科级', label: '', amountFen: 12.5 }]), 400, 'VALIDATION');
    expectError(
      await put(orgdept, '/api/pay/tables', { year: 2026, kind: 'salary', rows: [] }),
      400,
      'VALIDATION',
    );
    expect((await table(2026)).rows).toEqual(before.rows);
  });

  it('is 组织部’s: a unit administrator and a leader may read, not save; a cadre may not read', async () => {
    const body = { year: 2026, kind: 'rank-base', rows: [] };
    expectError(await put(streetAdmin, '/api/pay/tables', body), 403, 'FORBIDDEN');
    expectError(await put(leader, '/api/pay/tables', body), 403, 'FORBIDDEN');
    expect((await table(2026, streetAdmin)).rows.length).toBeGreaterThan(0);
    expectError(await get(self, '/api/pay/tables?year=2026'), 403, 'FORBIDDEN');
    expectError(await get(self, '/api/pay/statistics'), 403, 'FORBIDDEN');
  });
});

describe('[pay] the Excel template and import', () => {
  it('offers one sheet per kind with the keys, names, the year’s amounts and a decimal validation', async () => {
    const res = await get(orgdept, '/api/pay/tables/template.xlsx?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['职级基数', '绩效奖基数', '村干部岗位补贴基数']);
    const ranks = wb.getWorksheet('职级基数') as ExcelJS.Worksheet;
    expect(ranks.getRow(1).values).toEqual([undefined, '职级*', '区直机关同职级年度基数（元）*']);
    const rows = new Map<string, unknown>();
    ranks.eachRow((r, n) => {
      if (n > 1) rows.set(r.getCell(1).text, r.getCell(2).value);
    });
    expect(rows.get('正科级')).toBe(112800); // 94% of 120,000 in 2024
    expect(rows.has('一级调研员')).toBe(true);
    expect(rows.get('一级调研员')).toBe(null);
    expect(ranks.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ranks.getCell('B2').dataValidation).toMatchObject({ type: 'decimal', operator: 'between' });
    const bonus = wb.getWorksheet('绩效奖基数') as ExcelJS.Worksheet;
    expect(bonus.getRow(1).values).toEqual([
      undefined,
      '等次编码*',
      '等次名称',
      '区直机关同等次绩效奖（元）*',
    ]);
    expect(bonus.getRow(2).values).toEqual([undefined, 'excellent', '优秀', 28200]);
    // without a year: the keys only
    const blank = await get(orgdept, '/api/pay/tables/template.xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(blank.rawPayload as unknown as ArrayBuffer);
    const v = wb2.getWorksheet('村干部岗位补贴基数') as ExcelJS.Worksheet;
    expect(v.getRow(2).values).toEqual([undefined, 'principal', '村（社区）“两委”主干']);
    expectError(await get(streetAdmin, '/api/pay/tables/template.xlsx'), 403, 'FORBIDDEN');
  });

  it('imports yuan to fen exactly, replaces the filled kinds only, and audits', async () => {
    const bytes = await workbook({
      职级基数: [
        RANK_HEAD,
        ['正科级', 12345.67],
        ['副科级', '98,765.4'],
        ['一级调研员', '150000'],
        ['二级科员', null],
      ],
      村干部岗位补贴基数: [VILLAGE_HEAD, ['principal', '', 0.29], ['reserve', '后备干部（村）', 9600]],
    });
    const res = await upload(orgdept, '/api/pay/tables/import?year=2027', bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      year: 2027,
      replaced: [
        { kind: 'rank-base', count: 3 },
        { kind: 'village-base', count: 2 },
      ],
    });
    const v = await table(2027);
    expect(v.rows.map((r) => [r.kind, r.key, r.label, r.amountFen])).toEqual([
      ['rank-base', '一级调研员', '一级调研员', 15_000_000],
      ['rank-base', '副科级', '副科级', 9_876_540],
      ['rank-base', '正科级', '正科级', 1_234_567],
      ['village-base', 'reserve', '后备干部（村）', 960_000],
      ['village-base', 'principal', '村（社区）“两委”主干', 29],
    ]);
    const audit = await lastAudit('pay.tables.import');
    expect(audit?.object_id).toBe('2027');
    expect(audit?.before).toEqual({ 'rank-base': [], 'village-base': [] });
    expect((audit?.after as Record<string, unknown[]>)['rank-base']).toHaveLength(3);
    // importing again with only the village sheet leaves the ranks as they are
    const again = await workbook({ 村干部岗位补贴基数: [VILLAGE_HEAD, ['member', '', 18000]] });
    expect((await upload(orgdept, '/api/pay/tables/import?year=2027', again)).statusCode).toBe(200);
    const after = await table(2027);
    expect(amounts(after, 'rank-base')).toEqual({
      一级调研员: 15_000_000,
      正科级: 1_234_567,
      副科级: 9_876_540,
    });
    expect(amounts(after, 'village-base')).toEqual({ member: 1_800_000 });
    const audit2 = await lastAudit('pay.tables.import');
    expect(audit2?.before).toEqual({
      'village-base': [
        { key: 'reserve', label: '后备干部（村）', amountFen: 960_000 },
        { key: 'principal', label: '村（社区）“两委”主干', amountFen: 29 },
      ],
    });
  });

  it('reports every wrong row and stores nothing (all or nothing)', async () => {
    const before = await table(2026);
    const bytes = await workbook({
      职级基数: [RANK_HEAD, ['正科级', 130000], ['处长', 1], ['副科级', -5], ['正科级', 1]],
      绩效奖基数: [BONUS_HEAD, ['excellent', '优秀', '三万'], ['good', '良好', 12.345], ['', '', 100]],
      工资表: [['随便']],
    });
    const res = await upload(orgdept, '/api/pay/tables/import?year=2026', bytes);
    expectError(res, 400, 'VALIDATION');
    const body = res.json<{ message: string; errors: unknown[] }>();
    expect(body.message).toBe('共有 7 处错误，未导入任何数据');
    expect(body.errors).toEqual([
      {
        sheet: '职级基数',
        row: 3,
        column: '职级',
        message: '职级“处长”不在干部信息库中（请按干部信息中的职级填写）',
      },
      { sheet: '职级基数', row: 4, column: '区直机关同职级年度基数（元）', message: '金额不能为负数' },
      { sheet: '职级基数', row: 5, column: '职级', message: '与第 2 行的职级重复' },
      {
        sheet: '绩效奖基数',
        row: 2,
        column: '区直机关同等次绩效奖（元）',
        message: '金额“三万”不是数字（单位：元）',
      },
      {
        sheet: '绩效奖基数',
        row: 3,
        column: '区直机关同等次绩效奖（元）',
        message: '金额“12.345”超过两位小数（单位：元，精确到分）',
      },
      { sheet: '绩效奖基数', row: 4, column: '等次编码', message: '缺少等次编码' },
      {
        sheet: '工资表',
        row: 0,
        column: '',
        message: '不认识的工作表“工资表”（基数表只有：职级基数、绩效奖基数、村干部岗位补贴基数）',
      },
    ]);
    expect((await table(2026)).rows).toEqual(before.rows);
    // the check report: the same file with the wrong cells marked and an 错误说明 column
    const report = await upload(orgdept, '/api/pay/tables/import/report', bytes);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('职级基数') as ExcelJS.Worksheet;
    expect(ws.getCell('C1').value).toBe('错误说明');
    expect(ws.getCell('C4').value).toBe('区直机关同职级年度基数（元）：金额不能为负数');
    expect(ws.getCell('B4').note).toBe('金额不能为负数');
  });

  it('refuses a file that is not a workbook, and an empty one', async () => {
    expectError(
      await upload(orgdept, '/api/pay/tables/import?year=2026', Buffer.from('not a zip')),
      400,
      'VALIDATION',
    );
    const empty = await workbook({ 职级基数: [RANK_HEAD, ['正科级', null]] });
    const res = await upload(orgdept, '/api/pay/tables/import?year=2026', empty);
    expectError(res, 400, 'VALIDATION');
    expect(res.json<{ errors: { message: string }[] }>().errors[0]?.message).toBe('工作簿中没有填写任何金额');
    expectError(await upload(streetAdmin, '/api/pay/tables/import?year=2026', empty), 403, 'FORBIDDEN');
  });
});

describe('[pay] statistics (PUT /api/pay/statistics)', () => {
  it('inserts or replaces one year, audited before and after', async () => {
    const body = {
      key: 'rural-income-per-capita',
      year: 2025,
      valueFen: 2_500_012,
      source: '区统计局2025年统计公报',
    };
    const res = await put(orgdept, '/api/pay/statistics', body);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { year: number; valueFen: number; source: string }[] }>().items;
    expect(items.find((s) => s.year === 2025)).toEqual(body);
    expect(items).toHaveLength(4);
    const audit = await lastAudit('pay.statistics.save');
    expect(audit?.object_id).toBe('rural-income-per-capita/2025');
    expect(audit?.before).toMatchObject({ valueFen: 2_445_600 });
    expect(audit?.after).toEqual(body);
    expectError(await put(orgdept, '/api/pay/statistics', { ...body, source: '' }), 400, 'VALIDATION');
    expectError(await put(orgdept, '/api/pay/statistics', { ...body, valueFen: -1 }), 400, 'VALIDATION');
    expectError(await put(orgdept, '/api/pay/statistics', { ...body, extra: 1 }), 400, 'UNKNOWN_FIELD');
    expectError(await put(streetAdmin, '/api/pay/statistics', body), 403, 'FORBIDDEN');
  });
});
