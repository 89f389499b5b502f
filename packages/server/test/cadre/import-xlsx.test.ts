import { idCheckChar } from '@ganbu/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  adminCount,
  createTestApp,
  injectAs,
  loginAs,
  logLines,
  multipartFile,
  type Session,
  type TestApp,
} from '../helpers.ts';

// Small chunks, so a workbook of a few rows is written in several chunks (bulk-write.ts)
const CHUNK = vi.hoisted(() => 4);
vi.mock('../../src/modules/cadre/bulk-write.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/modules/cadre/bulk-write.ts')>()),
  BULK_CHUNK_ROWS: CHUNK,
}));

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let s: Session;
let template: Buffer;
let unitName: string;

beforeAll(async () => {
  t = await createTestApp();
  s = await loginAs(t, 'orgdept');
  const res = await injectAs(t, s, { method: 'GET', url: '/api/cadres/import/template.xlsx' });
  expect(res.statusCode).toBe(200);
  template = res.rawPayload;
  unitName = (
    (
      await t.db.admin.query<{ name: string }>(
        `SELECT name FROM orgs WHERE kind = 'township' ORDER BY path LIMIT 1`,
      )
    ).rows[0] as { name: string }
  ).name;
});
afterAll(async () => t.close());

/** Fill the downloaded template: people rows and appointment rows as arrays in template column order. */
async function workbook(people: unknown[][], appointments: unknown[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const p = wb.getWorksheet('人员信息');
  const a = wb.getWorksheet('任职经历');
  people.forEach((row, i) =>
    row.forEach((v, j) => ((p as ExcelJS.Worksheet).getCell(i + 2, j + 1).value = v as ExcelJS.CellValue)),
  );
  appointments.forEach((row, i) =>
    row.forEach((v, j) => ((a as ExcelJS.Worksheet).getCell(i + 2, j + 1).value = v as ExcelJS.CellValue)),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// columns: 姓名 性别 出生年月 民族 籍贯 出生地 政治面貌 入党时间 参加工作时间 健康状况 全日制学历 全日制学位 毕业院校 所学专业
//          在职学历 在职学位 身份证号 联系电话 人员类别 职级 现任职务 所在单位 标签
const person = (
  name: string,
  gender: string,
  birth: unknown,
  id: string,
  extra: Partial<Record<number, unknown>> = {},
) => {
  const row: unknown[] = [
    name,
    gender,
    birth,
    '汉族',
    '福建泉州',
    '',
    '中共党员',
    '2010.06',
    '2009.08',
    '健康',
    '大学',
    '学士',
    '华侨大学',
    '法学',
    '',
    '',
    id,
    '13900001111',
    '综合管理类',
    '一级科员',
    '科员',
    unitName,
    '年轻干部',
  ];
  for (const [k, v] of Object.entries(extra)) row[Number(k)] = v;
  return row;
};
// GB 11643 check characters: 11010519880301001 → 8 (male, odd 001); 11010519870312002 → 5 (female, even 002)
const ID_A = '110105198803010018';
const ID_B = '110105198703120025';

const upload = (bytes: Buffer, mode = 'create', path = '/api/cadres/import/xlsx', as: Session = s) =>
  injectAs(t, as, {
    method: 'POST',
    url: `${path}?mode=${mode}`,
    ...multipartFile('干部.xlsx', bytes, XLSX),
  });

/** A valid male ID number born 1988-03-01 (odd sequence number) under the given region. */
const idNumber = (k: number, region = '110106') => {
  const first17 = `${region}19880301${String(2 * k + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};

/** `n` people (rows 2 … n + 1) in `unit`; person k has k % 3 appointments (0, 1 or 2). */
function manyPeople(n: number, prefix: string, unit: string, region = '110106') {
  const people: unknown[][] = [];
  const appointments: unknown[][] = [];
  for (let k = 0; k < n; k++) {
    const id = idNumber(k, region);
    people.push(person(`${prefix}${k}`, '男', '1988.03.01', id, { 21: unit }));
    if (k % 3 >= 1) appointments.push([id, unit, '', '科员', '否', '', '', '2009.08', '2014.12']);
    if (k % 3 === 2) appointments.push([id, unit, '', '副科长', '是', '', '', '2015.01', '']);
  }
  return { people, appointments };
}

/** name → [appointment count, whether every appointment row carries its cadre's org path, seqs] */
async function appointmentsByName(prefix: string) {
  const { rows } = await t.db.admin.query<{ name: string; n: number; same_path: boolean; seqs: number[] }>(
    `SELECT c.name, count(a.id)::int AS n, bool_and(a.org_path IS NULL OR a.org_path = c.org_path) AS same_path,
            coalesce(array_agg(a.seq ORDER BY a.seq) FILTER (WHERE a.id IS NOT NULL), '{}') AS seqs
       FROM cadres c LEFT JOIN cadre_appointments a ON a.cadre_id = c.id
      WHERE c.name LIKE $1 GROUP BY c.name ORDER BY c.name`,
    [`${prefix}%`],
  );
  return rows;
}

describe('[cadre] Excel template and import (R-ORG-4)', () => {
  it('offers a template with required columns marked and drop-downs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('人员信息') as ExcelJS.Worksheet;
    expect([1, 2, 3, 22].map((c) => ws.getCell(1, c).text)).toEqual([
      '姓名*',
      '性别*',
      '出生年月*',
      '所在单位*',
    ]);
    expect(wb.getWorksheet('任职经历')?.getCell(1, 8).text).toBe('起始时间*');
  });

  it('imports every row with dates as officers type them, appointments linked by ID number', async () => {
    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    // Excel serial 32203 = 1988-03-01; '1987年3月12日' = 1987-03-12
    const bytes = await workbook(
      [person('林海', '男', 32203, ID_A), person('郑敏', '女', '1987年3月12日', ID_B, { 7: '', 6: '群众' })],
      [
        [ID_A, unitName, '乡镇', '科员', '否', '一般工作人员', '一级科员', '2009.08', '2014.12'],
        [ID_A, unitName, '乡镇', '副镇长', '是', '班子成员', '副科级', '201501', ''],
        [ID_B, '区财政局', '区直部门', '科员', '否', '', '', new Date(Date.UTC(2009, 7, 1)), ''],
      ],
    );
    const res = await upload(bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ imported: { name: string }[] }>().imported.map((i) => i.name)).toEqual([
      '林海',
      '郑敏',
    ]);
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before + 2);
    const { rows } = await t.db.admin.query<{
      name: string;
      birth_date: string;
      fact_street_or_township: boolean;
      n: number;
    }>(
      `SELECT c.name, c.birth_date, c.fact_street_or_township, (SELECT count(*)::int FROM cadre_appointments a WHERE a.cadre_id = c.id) AS n
         FROM cadres c WHERE c.name IN ('林海', '郑敏') ORDER BY c.name`,
    );
    expect(rows).toEqual([
      { name: '林海', birth_date: '1988-03-01', fact_street_or_township: true, n: 2 },
      { name: '郑敏', birth_date: '1987-03-12', fact_street_or_township: false, n: 1 },
    ]);
  });

  it('imports nothing when one row is wrong and reports row, column and a Chinese message', async () => {
    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    const bytes = await workbook([
      person('王五', '男', '1990.05', ''),
      person('赵六', '男', '90.05', ''),
      person('钱七', '男', '1991.07', '110105199107010018'), // check character should be 9
      person('孙八', '未知', '1992.01', '', { 21: '不存在的单位' }),
    ]);
    const res = await upload(bytes);
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      code: string;
      errors: { sheet: string; row: number; column: string; message: string }[];
    }>();
    expect(body.code).toBe('VALIDATION');
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '出生年月'],
      [4, '身份证号'],
      [5, '性别'],
      [5, '所在单位'],
    ]);
    for (const e of body.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(body.errors[0]?.message).toContain('年份');
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before);
    expect(await adminCount(t.db, `SELECT 1 FROM cadres WHERE name = '王五'`)).toBe(0);

    const report = await upload(bytes, 'create', '/api/cadres/import/xlsx/report');
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('人员信息') as ExcelJS.Worksheet;
    const noteCol = ws.getRow(1).cellCount;
    expect(ws.getCell(1, noteCol).text).toBe('错误说明');
    expect(ws.getCell(3, noteCol).text).toContain('出生年月');
    expect(ws.getCell(2, noteCol).text).toBe('');
    expect((ws.getCell(3, 3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  });

  it('updates by ID number in update mode, and refuses unknown ID numbers there', async () => {
    const bytes = await workbook([person('林海', '男', 32203, ID_A, { 20: '副镇长' })]);
    const res = await upload(bytes, 'update');
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.db.admin.query(`SELECT post_title FROM cadres WHERE name = '林海'`)).rows[0]).toEqual({
      post_title: '副镇长',
    });
    const again = await upload(bytes, 'create');
    expect(again.json<{ errors: { column: string }[] }>().errors.map((e) => e.column)).toEqual(['身份证号']);
    const unknown = await upload(
      await workbook([person('新人', '男', '1988.03.01', '110105198803010034')]),
      'update',
    );
    expect(unknown.statusCode).toBe(400);
  });

  it('writes a workbook of several chunks completely: every row with its appointments, then updates them all', async () => {
    const n = 2 * CHUNK + 2; // chunks of 4, 4 and 2
    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    const { people, appointments } = manyPeople(n, '分批', unitName);
    const res = await upload(await workbook(people, appointments));
    expect(res.statusCode, res.body).toBe(200);
    const imported = res.json<{ imported: { id: string; name: string }[] }>().imported;
    expect(imported.map((i) => i.name)).toEqual(people.map((p) => p[0]));
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before + n);
    const ids = (
      await t.db.admin.query<{ id: string; name: string }>(
        `SELECT id, name FROM cadres WHERE name LIKE '分批%'`,
      )
    ).rows;
    expect(new Map(ids.map((r) => [r.name, r.id]))).toEqual(new Map(imported.map((i) => [i.name, i.id])));
    const rows = await appointmentsByName('分批');
    expect(rows).toHaveLength(n);
    for (const r of rows) {
      const k = Number(r.name.slice(2));
      expect(r.n).toBe(k % 3);
      expect(r.seqs).toEqual([1, 2].slice(0, k % 3));
      expect(r.same_path).not.toBe(false);
    }

    // update mode over the same ID numbers: every cadre updated in place, its appointments replaced
    const again = manyPeople(n, '分批', unitName);
    for (const p of again.people) p[20] = '副科长';
    const update = await upload(
      await workbook(
        again.people,
        again.people.map((p) => [p[16], unitName, '', '副科长', '是', '', '', '2016.01', '']),
      ),
      'update',
    );
    expect(update.statusCode, update.body).toBe(200);
    expect(update.json<{ imported: { id: string }[] }>().imported.map((i) => i.id)).toEqual(
      imported.map((i) => i.id),
    );
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before + n);
    expect(
      await adminCount(t.db, `SELECT 1 FROM cadres WHERE name LIKE '分批%' AND post_title = '副科长'`),
    ).toBe(n);
    expect((await appointmentsByName('分批')).map((r) => [r.n, r.seqs])).toEqual(
      Array.from({ length: n }, () => [1, [1]]),
    );
  });

  it('imports nothing of a multi-chunk workbook whose last chunk has a bad row', async () => {
    const n = 2 * CHUNK + 2;
    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    const { people, appointments } = manyPeople(n, '坏批', unitName, '110107');
    (people[n - 1] as unknown[])[2] = '88.03'; // two-digit year: refused by the checks
    const res = await upload(await workbook(people, appointments));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { row: number; column: string }[] }>().errors).toEqual([
      expect.objectContaining({ row: n + 1, column: '出生年月' }),
    ]);
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before);
    expect(await adminCount(t.db, `SELECT 1 FROM cadres WHERE name LIKE '坏批%'`)).toBe(0);
  });

  it('rolls back the chunks already written when a row of the last chunk fails in the database', async () => {
    // The last person has the ID number of a cadre outside street1's scope: the plan cannot see that
    // cadre (row-level security), so the row passes the checks and the unique index refuses its insert,
    // after the first chunks were written in the same transaction.
    const street1 = await loginAs(t, 'street1');
    const own = (
      await t.db.admin.query<{ path: string }>(
        `SELECT o.path::text AS path FROM orgs o JOIN users u ON o.path <@ u.org_path
          WHERE u.username = 'street1' AND o.active ORDER BY o.path LIMIT 1`,
      )
    ).rows[0]?.path as string;
    const outside = idNumber(50, '110108');
    const foreign = await upload(await workbook([person('域外', '男', '1988.03.01', outside)]));
    expect(foreign.statusCode, foreign.body).toBe(200);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM cadres c JOIN users u ON u.username = 'street1' WHERE c.name = '域外' AND c.org_path <@ u.org_path`,
      ),
    ).toBe(0);

    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    const appointmentsBefore = await adminCount(t.db, 'SELECT 1 FROM cadre_appointments');
    const n = 2 * CHUNK + 2;
    const { people, appointments } = manyPeople(n, '回滚', own, '110109');
    const last = people[n - 1] as unknown[];
    for (const a of appointments) if (a[0] === last[16]) a[0] = outside;
    last[16] = outside;
    const logged = logLines.length;
    const res = await upload(await workbook(people, appointments), 'create', undefined, street1);
    // the unique index's refusal: 409 with a message that names no row of the other unit
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ code: string; message: string }>()).toEqual({
      code: 'CONFLICT',
      message: '该身份证号不能登记：已登记或不在您的数据范围内，请核对或联系组织部',
    });
    void logged;
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before);
    expect(await adminCount(t.db, 'SELECT 1 FROM cadre_appointments')).toBe(appointmentsBefore);
    expect(await adminCount(t.db, `SELECT 1 FROM cadres WHERE name LIKE '回滚%'`)).toBe(0);
  });

  it('exports records in the template and imports them back (update by ID number) field for field', async () => {
    // the demo cadres of one street office: full records with appointments, tags and education
    const { rows: units } = await t.db.admin.query<{ id: string }>(
      `SELECT o.id FROM orgs o WHERE o.kind = 'street' ORDER BY o.path LIMIT 1`,
    );
    const orgId = units[0]!.id;
    const { rows: ids } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM cadres WHERE org_id = $1 AND deactivated_at IS NULL AND id_number_enc IS NOT NULL ORDER BY id`,
      [orgId],
    );
    expect(ids.length).toBeGreaterThan(3);
    const read = async (id: string) => {
      const res = await injectAs(t, s, { method: 'GET', url: `/api/cadres/${id}?reveal=true` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ record: Record<string, unknown> }>().record;
    };
    const before = await Promise.all(ids.map((r) => read(r.id)));
    const exported = await injectAs(t, s, {
      method: 'GET',
      url: `/api/cadres/export/template.xlsx?orgId=${orgId}`,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    // the export is the template itself: same sheets and headers, one people row per cadre of the unit
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const people = wb.getWorksheet('人员信息')!;
    expect(people.actualRowCount - 1).toBeGreaterThanOrEqual(ids.length);
    const res = await upload(exported.rawPayload, 'update');
    expect(res.statusCode, res.body).toBe(200);
    const after = await Promise.all(ids.map((r) => read(r.id)));
    expect(after).toEqual(before);
    expect(await adminCount(t.db, `SELECT 1 FROM audit_log WHERE action = 'cadre.export.template'`)).toBe(1);
  });

  it('refuses a file that is not a workbook', async () => {
    const res = await upload(Buffer.from('not a zip'));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: unknown[] }>().errors).toHaveLength(1);
  });
});
