import { idCheckChar } from '@ganbu/core';
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
import { sampleRecord } from '../samples.ts';

// 编制所在单位 (R-BUR-2) on the cadre record: a department's administrator records that her cadre 林志强
// occupies the street's establishment. The street is outside her scope; she still may name it (it grants
// nothing), and the 专编专用 report of 组织部 then lists him as working elsewhere on the street's establishment.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GONE = '00000000-0000-4000-8000-0000000000ee';
let t: TestApp;
let orgdept: Session;
let deptAdmin: Session;
let street: { id: string; name: string; path: string };
let dept: { id: string; name: string; path: string };
let cadreId: string;

beforeAll(async () => {
  t = await createTestApp();
  street = await newOrg(t.db, { name: '测试编制所在街道' });
  dept = await newOrg(t.db, { kind: 'department', name: '区测试编制所在局' });
  const district = await t.db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL');
  orgdept = await signIn(
    t,
    await newUser(t.db, { orgId: district.rows[0]!.id, roles: ['orgdept'], scopeMode: 'all' }),
  );
  deptAdmin = await signIn(
    t,
    await newUser(t.db, { orgId: dept.id, roles: ['unit_admin'], scopeMode: 'subtree' }),
  );
});
afterAll(async () => t.close());

const read = async (as: Session, id: string) => {
  const res = await injectAs(t, as, { method: 'GET', url: `/api/cadres/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    establishmentOrgId: string | null;
    establishmentOrgName: string | null;
    orgName: string;
  }>();
};

describe('[cadre] 编制所在单位 on the record', () => {
  it('a department admin records a street’s establishment outside her scope; read back by name, audited', async () => {
    const res = await injectAs(t, deptAdmin, {
      method: 'POST',
      url: '/api/cadres',
      payload: { ...sampleRecord(dept.id), establishmentOrgId: street.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    cadreId = res.json<{ id: string }>().id;
    const detail = await read(deptAdmin, cadreId);
    expect([detail.orgName, detail.establishmentOrgId, detail.establishmentOrgName]).toEqual([
      '区测试编制所在局',
      street.id,
      '测试编制所在街道',
    ]);
    const { rows } = await t.db.admin.query<{ est: string }>(
      `SELECT after->>'establishmentOrgId' AS est FROM audit_log WHERE action = 'cadre.create' AND object_id = $1`,
      [cadreId],
    );
    expect(rows).toEqual([{ est: street.id }]);
    // it grants nothing: the street sees no more than before, the record stays the department's
    const { rows: stored } = await t.db.admin.query<{ org_path: string }>(
      'SELECT org_path::text FROM cadres WHERE id = $1',
      [cadreId],
    );
    expect(stored[0]?.org_path).toBe(dept.path);
  });

  it('the 专编专用 report picks up the value set through the API', async () => {
    const res = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/burden/establishment?orgId=${street.id}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const unit = res.json<{ units: { onEstablishment: number; workingElsewhere: unknown[] }[] }>().units[0];
    expect(unit?.onEstablishment).toBe(1);
    expect(unit?.workingElsewhere).toEqual([
      { cadreId, name: '林志强', orgId: dept.id, orgName: '区测试编制所在局' },
    ]);
  });

  it('refuses an unknown unit with a stable code and a Chinese message; nothing changes', async () => {
    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    const res = await injectAs(t, deptAdmin, {
      method: 'PUT',
      url: `/api/cadres/${cadreId}`,
      payload: { ...sampleRecord(dept.id), establishmentOrgId: GONE },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string; message: string }>()).toMatchObject({
      code: 'ESTABLISHMENT_UNIT_UNKNOWN',
      message: '编制所在单位不是本区的现有单位，请从单位列表中选择',
    });
    expect((await read(deptAdmin, cadreId)).establishmentOrgId).toBe(street.id);
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before);
  });

  it('cleared (null) means the working unit’s establishment', async () => {
    const res = await injectAs(t, deptAdmin, {
      method: 'PUT',
      url: `/api/cadres/${cadreId}`,
      payload: { ...sampleRecord(dept.id), establishmentOrgId: null },
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = await read(deptAdmin, cadreId);
    expect([d.establishmentOrgId, d.establishmentOrgName]).toEqual([null, null]);
    // and set again for the exports below
    await injectAs(t, deptAdmin, {
      method: 'PUT',
      url: `/api/cadres/${cadreId}`,
      payload: { ...sampleRecord(dept.id), establishmentOrgId: street.id },
    });
  });
});

/** The template with rows: 姓名 性别 出生年月 … 所在单位 (22) … 编制所在单位 (24), by header. */
async function filled(rows: { name: string; id: string; unit: string; est: string }[]): Promise<Buffer> {
  const tpl = await injectAs(t, deptAdmin, { method: 'GET', url: '/api/cadres/import/template.xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('人员信息')!;
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((c, i) => col.set(c.text.replace('*', ''), i));
  expect(ws.getCell(1, 24).text).toBe('编制所在单位');
  rows.forEach((r, i) => {
    const put = (h: string, v: string) => (ws.getCell(i + 2, col.get(h)).value = v);
    put('姓名', r.name);
    put('性别', '男');
    put('出生年月', '1988.03');
    put('身份证号', r.id);
    put('所在单位', r.unit);
    put('编制所在单位', r.est);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid male ID number born 1988-03-01 (odd sequence number 2k + 1). */
const idNumber = (k: number) => {
  const first17 = `11010719880301${String(2 * k + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};

const upload = (bytes: Buffer) =>
  injectAs(t, deptAdmin, {
    method: 'POST',
    url: '/api/cadres/import/xlsx?mode=create',
    ...multipartFile('干部.xlsx', bytes, XLSX),
  });

describe('[cadre] 编制所在单位 in the Excel import and the exports', () => {
  it('an unknown unit is that row’s error; the whole import is refused', async () => {
    const before = await adminCount(t.db, 'SELECT 1 FROM cadres');
    const res = await upload(
      await filled([
        { name: '甲一', id: idNumber(1), unit: dept.name, est: street.name },
        { name: '乙二', id: idNumber(2), unit: dept.name, est: '不存在的街道' },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      {
        sheet: '人员信息',
        row: 3,
        column: '编制所在单位',
        message: '找不到单位“不存在的街道”，编制所在单位应为本区的现有单位（不填即与所在单位相同）',
      },
    ]);
    expect(await adminCount(t.db, 'SELECT 1 FROM cadres')).toBe(before);
  });

  it('a street outside the writer’s scope by name or code path; empty = the working unit', async () => {
    const res = await upload(
      await filled([
        { name: '甲一', id: idNumber(1), unit: dept.name, est: street.name },
        { name: '丙三', id: idNumber(3), unit: dept.name, est: street.path },
        { name: '丁四', id: idNumber(4), unit: dept.name, est: '' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await t.db.admin.query<{ name: string; est: string | null }>(
      `SELECT name, establishment_org_id AS est FROM cadres WHERE name IN ('甲一', '丙三', '丁四') ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: '丁四', est: null },
      { name: '丙三', est: street.id },
      { name: '甲一', est: street.id },
    ]);
  });

  it('the roster export has the column by name (empty when the working unit’s)', async () => {
    const res = await injectAs(t, deptAdmin, {
      method: 'GET',
      url: `/api/cadres/export.xlsx?orgId=${dept.id}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect([ws.getCell(1, 5).text, ws.getCell(1, 6).text]).toEqual(['所在单位', '编制所在单位']);
    const byName: Record<string, string> = {};
    ws.eachRow((r, n) => {
      if (n > 1) byName[r.getCell(1).text] = r.getCell(6).text;
    });
    expect(byName).toEqual({
      丁四: '',
      丙三: '测试编制所在街道',
      林志强: '测试编制所在街道',
      甲一: '测试编制所在街道',
    });
  });

  it('the template export writes the unit’s code path, which imports back to the same unit', async () => {
    const res = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/cadres/export/template.xlsx?orgId=${dept.id}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('人员信息')!;
    const est: Record<string, string> = {};
    ws.eachRow((r, n) => {
      if (n > 1) est[r.getCell(1).text] = r.getCell(24).text;
    });
    expect(est).toEqual({ 丁四: '', 丙三: street.path, 林志强: street.path, 甲一: street.path });
    const back = await injectAs(t, orgdept, {
      method: 'POST',
      url: '/api/cadres/import/xlsx?mode=update',
      ...multipartFile('干部.xlsx', res.rawPayload, XLSX),
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await read(orgdept, cadreId)).establishmentOrgId).toBe(street.id);
  });
});
