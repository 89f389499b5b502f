import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../../src/platform/spool.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { newUser, signIn } from '../factories/users.ts';
import {
  adminCount,
  createTestApp,
  expectError,
  injectAs,
  multipartFile,
  type Session,
  type TestApp,
} from '../helpers.ts';

// 减负登记簿 (R-BUR-3, R-BUR-4, R-BUR-6) under Fengze's pack: inspections at most 30 a year district-wide
// and 2 a year from one organiser on one unit, beyond that 区委统筹批准; a veto item on a street needs
// 省委、省政府批准; overtime over 3 months in bands 5/10/20/40/60. The test clock reads 2026-11-02.
// Hongdong's figures from entries: meetings 200 → 153 (−47 ÷ 200 = −23.5%), minutes 12000 → 10704
// (−1296 ÷ 12000 = −10.8%), documents 95 → 68 (−27 ÷ 95 = −28.42… → −28.4%, one decimal half away from zero),
// inspections 50 → 31 (−19 ÷ 50 = −38%).
let t: TestApp;
let orgdept: Session;
let streetAdmin: Session;
let otherAdmin: Session;
let deptId: string;
let deptName: string;
let streetId: string;
let streetName: string;

type Json = Record<string, unknown>;
const as = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Json) =>
  injectAs(t, s, { method, url, ...(payload ? { payload } : {}) });

async function workbook(sheet: string, header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (s: Session, url: string, bytes: Buffer) =>
  injectAs(t, s, { method: 'POST', url, ...multipartFile('登记.xlsx', bytes, XLSX_TYPE) });

const day = (year: number, i: number) =>
  `${year}-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;

beforeAll(async () => {
  t = await createTestApp();
  const { rows } = await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL');
  const root = rows[0]!.id;
  const dept = await newOrg(t.db, { kind: 'department' });
  deptId = dept.id;
  deptName = dept.name;
  const street = await newOrg(t.db);
  streetId = street.id;
  streetName = street.name;
  const other = await newOrg(t.db);
  orgdept = await signIn(t, await newUser(t.db, { orgId: root, roles: ['orgdept'], scopeMode: 'all' }));
  streetAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: street.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
  otherAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: other.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

const MEETING_HEADER = [
  '日期*',
  '组织单位*',
  '会议类别*',
  '会议层级',
  '会议名称*',
  '时长（分钟）*',
  '参会单位',
  '视频会议',
];

describe('two years of registers from imports give Hongdong’s reduction figures', () => {
  it('imports 200 meetings of 2023 (60 minutes each = 12000) and 153 of 2024 (152 × 70 + 64 = 10704)', async () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 200; i++)
      rows.push([day(2023, i), deptName, '工作部署会议', '区级', `2023年会议${i}`, 60, streetName, '否']);
    for (let i = 0; i < 153; i++)
      rows.push([day(2024, i), deptName, '视频会议', '区级', `2024年会议${i}`, i === 0 ? 64 : 70, '', '是']);
    const res = await upload(
      orgdept,
      '/api/burden/registers/meeting/import',
      await workbook('会议登记', MEETING_HEADER, rows),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ register: 'meeting', imported: 353 });
  });

  it('imports 95 documents of 2023 and 68 of 2024', async () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 95; i++)
      rows.push([day(2023, i), deptName, '部门文件', `丰农〔2023〕${i + 1}号`, `2023年文件${i}`]);
    for (let i = 0; i < 68; i++)
      rows.push([day(2024, i), deptName, '部门文件', `丰农〔2024〕${i + 1}号`, `2024年文件${i}`]);
    const res = await upload(
      orgdept,
      '/api/burden/registers/document/import',
      await workbook('文件登记', ['日期*', '发文单位*', '文件类别*', '文号', '标题*'], rows),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ register: 'document', imported: 163 });
  });

  it('imports 50 inspection items of 2023 and 31 of 2024 (beyond the plan of 30 with the committee’s approval)', async () => {
    const header = [
      '组织单位*',
      '类别*',
      '事项名称*',
      '开始日期*',
      '结束日期',
      '对象单位*',
      '一票否决',
      '超计划批准文号',
      '超计划批准日期',
    ];
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 50; i++)
      rows.push([
        deptName,
        '检查',
        `2023年检查${i}`,
        day(2023, i),
        '',
        streetName,
        '否',
        '丰委统〔2023〕1号',
        '2023-01-05',
      ]);
    for (let i = 0; i < 31; i++)
      rows.push([
        deptName,
        '督查',
        `2024年督查${i}`,
        day(2024, i),
        '',
        streetName,
        '否',
        '丰委统〔2024〕1号',
        '2024-01-05',
      ]);
    const res = await upload(
      orgdept,
      '/api/burden/registers/inspection/import',
      await workbook('督查检查考核登记', header, rows),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ register: 'inspection', imported: 81 });
  });

  it('the summary of 2024 for the department: −23.5%, −10.8%, −28.4%, −38%', async () => {
    const res = await as(orgdept, 'GET', `/api/burden/summary?year=2024&orgId=${deptId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      year: 2024,
      meetings: 153,
      meetingMinutes: 10704,
      documents: 68,
      inspections: 31,
      changeVsLastYear: { meetings: -23.5, meetingMinutes: -10.8, documents: -28.4, inspections: -38 },
      explanation: `${deptName}2024 年登记簿：会议 153 次（2023 年 200 次，−23.5%）、会议时长 10704 分钟（2023 年 12000 分钟，−10.8%）、文件 68 件（2023 年 95 件，−28.4%）、督查检查考核 31 项（2023 年 50 项，−38.0%）。增减率 =（本年 − 上年）÷ 上年 × 100%，保留一位小数（四舍五入），负数为减少；计入组织或发文单位在本范围内、或对象单位在本范围内的登记事项`,
    });
  });

  it('the street sees what concerns it: the 2023 meetings it attended and the inspections on it, not the documents', async () => {
    const res = await as(streetAdmin, 'GET', '/api/burden/summary?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      meetings: 0,
      documents: 0,
      inspections: 31,
      changeVsLastYear: { meetings: -100, documents: null, inspections: -38 },
    });
    const list = await as(streetAdmin, 'GET', '/api/burden/registers/meeting?year=2023&pageSize=5');
    expect(list.json<{ total: number; items: Json[] }>().total).toBe(200);
    expect(list.json<{ items: Json[] }>().items[0]).toMatchObject({ editable: false, orgName: deptName });
    const other = await as(otherAdmin, 'GET', '/api/burden/summary?year=2024');
    expect(other.json()).toMatchObject({ meetings: 0, meetingMinutes: 0, documents: 0, inspections: 0 });
  });

  it('a target street may read an entry but not change or delete it', async () => {
    const list = await as(streetAdmin, 'GET', '/api/burden/registers/inspection?year=2024&pageSize=1');
    const id = list.json<{ items: { id: string }[] }>().items[0]!.id;
    expectError(await as(streetAdmin, 'DELETE', `/api/burden/registers/inspection/${id}`), 404, 'NOT_FOUND');
    expect(await adminCount(t.db, 'SELECT 1 FROM burden_register_entries WHERE id = $1', [id])).toBe(1);
  });
});

describe('inspection rules', () => {
  const item = (extra: Json = {}) => ({
    register: 'inspection',
    orgId: deptId,
    kindId: 'inspection',
    title: '安全生产检查',
    startOn: '2024-11-20',
    targetOrgIds: [streetId],
    ...extra,
  });

  it('refuses the 32nd item of 2024 without the over-plan approval, explaining the counts', async () => {
    const before = await adminCount(
      t.db,
      `SELECT 1 FROM burden_register_entries WHERE register = 'inspection'`,
    );
    const res = await as(orgdept, 'POST', '/api/burden/registers/inspection', item());
    expectError(res, 400, 'INSPECTION_OVER_PLAN');
    expect(res.json<{ message: string }>().message).toBe(
      '全区2024年度已登记 31 项，已达计划总量 30 项（丰泽区街道干部考核），超出计划的事项须经区委统筹批准并登记批准文号和日期',
    );
    expect(
      await adminCount(t.db, `SELECT 1 FROM burden_register_entries WHERE register = 'inspection'`),
    ).toBe(before);
  });

  it('accepts it with the approval on record', async () => {
    const res = await as(
      orgdept,
      'POST',
      '/api/burden/registers/inspection',
      item({ overPlanApproval: { reference: '丰委统〔2024〕9号', approvedOn: '2024-10-30' } }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      year: 2024,
      targets: [{ id: streetId, name: streetName }],
      overPlanApproval: { reference: '丰委统〔2024〕9号', approvedOn: '2024-10-30' },
    });
  });

  it('refuses a veto item on a street without the provincial approval, accepts it with one', async () => {
    const approval = { overPlanApproval: { reference: '丰委统〔2024〕10号', approvedOn: '2024-10-30' } };
    const res = await as(
      orgdept,
      'POST',
      '/api/burden/registers/inspection',
      item({ ...approval, veto: true }),
    );
    expectError(res, 400, 'INSPECTION_VETO_NOT_APPROVED');
    expect(res.json<{ message: string }>().message).toBe(
      `该事项设一票否决，对象含${streetName}；按丰泽区街道干部考核，对街道的一票否决事项须经省委、省政府批准并登记批准文号和日期，未登记批准的不予登记`,
    );
    const ok = await as(
      orgdept,
      'POST',
      '/api/burden/registers/inspection',
      item({
        ...approval,
        veto: true,
        vetoApproval: { reference: '闽委〔2024〕3号', approvedOn: '2024-09-01' },
      }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ veto: true, vetoApproval: { reference: '闽委〔2024〕3号' } });
  });

  it('refuses a third item of 2022 from one organiser on one unit (2 allowed), within the plan', async () => {
    const y = (n: number) => item({ startOn: `2022-0${n}-10`, title: `2022年检查${n}` });
    for (const n of [1, 2])
      expect((await as(orgdept, 'POST', '/api/burden/registers/inspection', y(n))).statusCode).toBe(200);
    const res = await as(orgdept, 'POST', '/api/burden/registers/inspection', y(3));
    expectError(res, 400, 'INSPECTION_TOO_FREQUENT');
    expect(res.json<{ message: string }>().message).toBe(
      `${deptName}2022年度已对${streetName}开展 2 项，已达同一单位对同一对象每年 2 项的上限（丰泽区街道干部考核），再开展须经区委统筹批准并登记批准文号和日期`,
    );
  });

  it('refuses a kind the pack does not have and a date after today', async () => {
    expectError(
      await as(orgdept, 'POST', '/api/burden/registers/meeting', {
        register: 'meeting',
        heldOn: '2026-11-03',
        orgId: deptId,
        kindId: 'work',
        title: '明天的会',
        minutes: 30,
      }),
      400,
      'BURDEN_REGISTER_DATE',
    );
    expectError(
      await as(orgdept, 'POST', '/api/burden/registers/document', {
        register: 'document',
        issuedOn: '2024-11-02',
        orgId: deptId,
        kindId: 'memo',
        title: '通知',
      }),
      400,
      'BURDEN_REGISTER_KIND_UNKNOWN',
    );
  });
});

describe('an import with an error writes nothing', () => {
  it('reports the row and column, imports nothing; the report marks the cell', async () => {
    const before = await adminCount(t.db, `SELECT 1 FROM burden_register_entries WHERE register = 'meeting'`);
    const bytes = await workbook('会议登记', MEETING_HEADER, [
      ['2026-10-08', deptName, '工作部署会议', '', '第一次会', 30, '', ''],
      ['2026-10-09', deptName, '茶话会', '', '第二次会', 'abc', '', ''],
      ['2026/10/10', '没有这个单位', '工作部署会议', '', '第三次会', 45, '', '是'],
    ]);
    const res = await upload(orgdept, '/api/burden/registers/meeting/import', bytes);
    expectError(res, 400, 'VALIDATION');
    expect(res.json<{ errors: Json[] }>().errors).toEqual([
      { sheet: '会议登记', row: 3, column: '时长（分钟）', message: '请填写 1–1440 的整数分钟数' },
      {
        sheet: '会议登记',
        row: 3,
        column: '会议类别',
        message:
          '政策包中没有会议类别“茶话会”（可选：全体会议、领导班子会议、工作部署会议、视频会议、部门召开会议）',
      },
      {
        sheet: '会议登记',
        row: 4,
        column: '组织单位',
        message: '找不到单位“没有这个单位”（或不在您的数据范围内）',
      },
    ]);
    expect(await adminCount(t.db, `SELECT 1 FROM burden_register_entries WHERE register = 'meeting'`)).toBe(
      before,
    );
    const report = await upload(orgdept, '/api/burden/registers/meeting/import/report', bytes);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('会议登记')!;
    expect(ws.getCell('I3').text).toContain('时长（分钟）：请填写 1–1440 的整数分钟数');
    expect(await adminCount(t.db, `SELECT 1 FROM burden_register_entries WHERE register = 'meeting'`)).toBe(
      before,
    );
  });

  it('the template has the register’s sheet and a 说明 sheet; the export the entries', async () => {
    const res = await as(orgdept, 'GET', '/api/burden/registers/document/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['文件登记', '说明']);
    expect(wb.getWorksheet('文件登记')!.getRow(1).values).toEqual([
      undefined,
      '日期*',
      '发文单位*',
      '文件类别*',
      '文号',
      '标题*',
    ]);
    const exp = await as(
      orgdept,
      'GET',
      `/api/burden/registers/document/export.xlsx?year=2024&orgId=${deptId}`,
    );
    expect(exp.statusCode).toBe(200);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    expect(out.getWorksheet('文件登记')!.actualRowCount).toBe(1 + 68);
  });
});

describe('overtime', () => {
  it('distributes times per cadre over the pack’s bands with mean and max (Jinan-like: 16.1, 92)', async () => {
    // 7 cadres of the street: 92 (60 + 32 in two entries), five with 3 and one with 6: 113 ÷ 7 = 16.14… → 16.1
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await newCadre(t.db, { orgId: streetId, name: `加班${i}` })).id);
    const add = async (cadreId: string, fromOn: string, times: number) => {
      const res = await as(streetAdmin, 'POST', '/api/burden/registers/overtime', {
        register: 'overtime',
        cadreId,
        fromOn,
        toOn: null,
        times,
        hours: times * 2,
        reason: '防汛值守',
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await add(ids[0]!, '2026-08-10', 60);
    await add(ids[0]!, '2026-10-10', 32);
    for (let i = 1; i <= 5; i++) await add(ids[i]!, '2026-09-01', 3);
    await add(ids[6]!, '2026-10-01', 6);
    await add(ids[6]!, '2026-07-01', 50); // before the period (2026-08-03 … 2026-11-02): not counted
    const res = await as(streetAdmin, 'GET', '/api/burden/overtime/distribution');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      from: '2026-08-03',
      until: '2026-11-02',
      months: 3,
      cadres: 7,
      totalTimes: 113,
      mean: 16.1,
      max: 92,
    });
    expect(res.json<{ bands: { count: number }[] }>().bands.map((b) => b.count)).toEqual([5, 1, 0, 0, 0, 1]);
    expect(res.json<{ explanation: string }>().explanation).toContain(
      '3个月内平均加班16.1次（113 ÷ 7，保留一位小数），最高92次',
    );
    // another street sees none of it
    const other = await as(otherAdmin, 'GET', '/api/burden/overtime/distribution');
    expect(other.json()).toMatchObject({ cadres: 0, mean: null });
  });
});
