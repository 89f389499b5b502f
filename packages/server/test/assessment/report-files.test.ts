import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCount,
  createTestApp,
  expectError,
  injectAs,
  loginAs,
  type Session,
  type TestApp,
} from '../helpers.ts';
import { newCadre } from '../factories/cadre.ts';
import { newOrg } from '../factories/org.ts';
import { TINY_JPEG, TINY_PDF } from '../samples.ts';

let t: TestApp;
let orgdept: Session;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await loginAs(t, 'orgdept');
});
afterAll(async () => t.close());

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const json = <T>(res: { json: <U>() => U }) => res.json<T>();

async function upload(s: Session | null, roundId: string, targetId: string, body: Buffer, name: string) {
  return injectAs(t, s, {
    method: 'PUT',
    url: `/api/assessment/rounds/${roundId}/targets/${targetId}/report-file?name=${encodeURIComponent(name)}`,
    payload: body,
    headers: { 'content-type': 'application/octet-stream' },
  });
}

describe('[assessment] 述职报告 as a file (PDF or Word)', () => {
  it('uploads by content type, lists, downloads, serves slip holders of that target only, locks after voting', async () => {
    // two villages of a new township, a cadre in each; the round is organised by the district
    const township = await newOrg(t.db, { kind: 'township' });
    const villages = [];
    for (const code of ['V1', 'V2']) {
      const village = await newOrg(t.db, { parentId: township.id, kind: 'village', code });
      villages.push({ id: village.id, cadre: (await newCadre(t.db, { orgId: village.id })).id });
    }
    const root = { id: township.parentId as string };
    const [va, vb] = villages;
    const created = await injectAs(t, orgdept, {
      method: 'POST',
      url: '/api/assessment/rounds',
      payload: {
        name: '述职报告文件测试',
        packId: 'jinwan',
        schemeId: 'group-leader',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        orgId: root.id,
        population: { cadreIds: [va!.cadre, vb!.cadre] },
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const roundId = json<{ id: string }>(created).id;
    const targetsUrl = `/api/assessment/rounds/${roundId}/targets`;
    const list = async () =>
      json<{ items: { id: string; cadreId: string; reportFile: { name: string; size: number } | null }[] }>(
        await injectAs(t, orgdept, { method: 'GET', url: targetsUrl }),
      ).items;
    const items = await list();
    const ta = items.find((x) => x.cadreId === va!.cadre)!.id;
    const tb = items.find((x) => x.cadreId === vb!.cadre)!.id;

    // a PDF: the name loses its path, keeps its Chinese
    const pdf = Buffer.concat([TINY_PDF, Buffer.from('% 述职报告正文\n', 'utf8')]);
    const up = await upload(orgdept, roundId, ta, pdf, 'C:\\Users\\张三\\2026年述职报告.PDF');
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toEqual({ name: '2026年述职报告.pdf', size: pdf.length });

    // refused by content: an image, a workbook (a zip without word/document.xml), nothing
    expectError(await upload(orgdept, roundId, tb, TINY_JPEG, 'a.pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['x']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expectError(await upload(orgdept, roundId, tb, xlsx, 'b.docx'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await adminCount(t.db, `SELECT 1 FROM assessment_report_files WHERE target_id = $1`, [tb])).toBe(
      0,
    );

    // a Word file for B, named after the target when the upload has no name
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('述职')] }] }));
    const upB = await upload(orgdept, roundId, tb, docx, '');
    expect(upB.statusCode, upB.body).toBe(200);
    expect(upB.json<{ name: string }>().name).toMatch(/-述职报告\.docx$/);

    const listed = await list();
    expect(listed.find((x) => x.id === ta)!.reportFile).toEqual({
      name: '2026年述职报告.pdf',
      size: pdf.length,
    });
    expect(listed.find((x) => x.id === tb)!.reportFile?.size).toBe(docx.length);

    const got = await injectAs(t, orgdept, {
      method: 'GET',
      url: `/api/assessment/rounds/${roundId}/targets/${ta}/report-file`,
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('2026年述职报告.pdf')}`,
    );
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(
      await adminCount(
        t.db,
        `SELECT 1 FROM audit_log WHERE action = 'assessment.report.file' AND object_id = $1`,
        [roundId],
      ),
    ).toBe(2);

    // slip holders: village A's representatives see A's file, not B's; the town sees both
    const slip = async (groupId: string, unitId?: string) =>
      json<{ codes: string[] }>(
        await injectAs(t, orgdept, {
          method: 'POST',
          url: `/api/assessment/rounds/${roundId}/tokens`,
          payload: { groupId, count: 1, ...(unitId ? { unitId } : {}) },
        }),
      ).codes[0]!;
    const repA = await slip('members-representatives', va!.id);
    const town = await slip('town-committee');
    const open = await injectAs(t, orgdept, {
      method: 'POST',
      url: `/api/assessment/rounds/${roundId}/transition`,
      payload: { action: 'open' },
    });
    expect(open.statusCode, open.body).toBe(200);
    const page = json<{ targets: { id: string; reportFile: { name: string } | null }[] }>(
      await injectAs(t, null, { method: 'GET', url: `/api/ballot/${repA}` }),
    );
    expect(page.targets).toEqual([
      expect.objectContaining({ id: ta, reportFile: { name: '2026年述职报告.pdf', size: pdf.length } }),
    ]);
    const viaSlip = await injectAs(t, null, { method: 'GET', url: `/api/ballot/${repA}/reports/${ta}` });
    expect(viaSlip.statusCode).toBe(200);
    expect(viaSlip.rawPayload.equals(pdf)).toBe(true);
    expectError(
      await injectAs(t, null, { method: 'GET', url: `/api/ballot/${repA}/reports/${tb}` }),
      404,
      'NOT_FOUND',
    );
    const townB = await injectAs(t, null, { method: 'GET', url: `/api/ballot/${town}/reports/${tb}` });
    expect(townB.headers['content-type']).toBe(DOCX);
    expectError(
      await injectAs(t, null, { method: 'GET', url: `/api/ballot/XXXX-XXXX-XXXX/reports/${ta}` }),
      404,
      'TOKEN_INVALID',
    );

    // a cadre of another village cannot read or replace it
    const cadre = await loginAs(t, 'cadre');
    const foreign = await injectAs(t, cadre, {
      method: 'GET',
      url: `/api/assessment/rounds/${roundId}/targets/${ta}/report-file`,
    });
    expect([403, 404]).toContain(foreign.statusCode);

    // after voting the file is fixed
    for (const action of ['close'])
      expect(
        (
          await injectAs(t, orgdept, {
            method: 'POST',
            url: `/api/assessment/rounds/${roundId}/transition`,
            payload: { action },
          })
        ).statusCode,
      ).toBe(200);
    expectError(await upload(orgdept, roundId, ta, pdf, 'x.pdf'), 409, 'ROUND_STATE');
    expectError(
      await injectAs(t, orgdept, {
        method: 'DELETE',
        url: `/api/assessment/rounds/${roundId}/targets/${ta}/report-file`,
      }),
      409,
      'ROUND_STATE',
    );
  });
});
