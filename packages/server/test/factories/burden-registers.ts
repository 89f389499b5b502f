import ExcelJS from 'exceljs';
import type { BurdenRegister } from '@ganbu/core';
import { COLUMNS, SHEETS } from '../../src/modules/burden/registers/workbook.ts';
import { insertEntries, type EntryWrite } from '../../src/modules/burden/registers/repository.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 16): a meeting it organised (its community
 * attending), a document it issued, an inspection it organised on its community (一票否决 with approval) and
 * an overtime entry of its cadre. Every value is an id of a row in the foreign street's scope; the fixture
 * adds them all to `foreignIds` (none may appear in an answer to a user outside it).
 */
export type BurdenRegisterRows = Record<string, string>;

/**
 * Per register, an import workbook whose row names the foreign street as organiser (overtime: its cadre),
 * filled when the fixture is built (the route matrix's requests are built synchronously from it).
 */
export const foreignRegisterWorkbooks = new Map<BurdenRegister, Buffer>();

async function workbookOf(register: BurdenRegister, row: (string | number)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS[register]);
  ws.addRow(COLUMNS[register].map((c) => (c.required ? `${c.header}*` : c.header)));
  ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function newBurdenRegisterRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<BurdenRegisterRows> {
  return asSystem(db, async (client) => {
    const { rows } = await client.query<{ path: string; name: string }>(
      'SELECT path::text AS path, name FROM orgs WHERE id = $1',
      [r.orgId],
    );
    const org = rows[0]!;
    const base: EntryWrite = {
      register: 'meeting',
      orgId: r.orgId,
      orgPath: org.path,
      orgName: org.name,
      year: 2026,
      onDate: '2026-10-10',
      endDate: null,
      kindId: null,
      kindName: null,
      level: '',
      title: '外街道登记',
      minutes: null,
      video: null,
      docNumber: null,
      targetOrgIds: [],
      veto: false,
      overPlanRef: null,
      overPlanOn: null,
      vetoRef: null,
      vetoOn: null,
      explanation: '',
      cadreId: null,
      times: null,
      hours: null,
    };
    const [meetingId, documentId, inspectionId, overtimeId] = await insertEntries(
      client,
      [
        {
          ...base,
          kindId: 'work',
          kindName: '工作部署会议',
          minutes: 90,
          video: false,
          targetOrgIds: [r.villageId],
        },
        {
          ...base,
          register: 'document',
          kindId: 'office',
          kindName: '办公室文件',
          docNumber: '外〔2026〕1号',
        },
        {
          ...base,
          register: 'inspection',
          kindId: 'inspection',
          kindName: '检查',
          targetOrgIds: [r.villageId],
          veto: true,
          vetoRef: '闽委〔2026〕1号',
          vetoOn: '2026-09-01',
        },
        { ...base, register: 'overtime', cadreId: r.cadreId, times: 4, hours: 8 },
      ],
      r.userId,
    );
    const { rows: cadre } = await client.query<{ name: string }>('SELECT name FROM cadres WHERE id = $1', [
      r.cadreId,
    ]);
    const name = org.name;
    foreignRegisterWorkbooks.set(
      'meeting',
      await workbookOf('meeting', ['2026-10-12', name, '工作部署会议', '', '越权导入', 30, '', '否']),
    );
    foreignRegisterWorkbooks.set(
      'document',
      await workbookOf('document', ['2026-10-12', name, '办公室文件', '', '越权导入']),
    );
    foreignRegisterWorkbooks.set(
      'inspection',
      await workbookOf('inspection', [
        name,
        '检查',
        '越权导入',
        '2026-10-12',
        '',
        name,
        '否',
        '',
        '',
        '',
        '',
      ]),
    );
    foreignRegisterWorkbooks.set(
      'overtime',
      await workbookOf('overtime', [name, cadre[0]!.name, '2026-10-12', '', 2, 3, '越权导入']),
    );
    return {
      meetingId: meetingId!,
      documentId: documentId!,
      inspectionId: inspectionId!,
      overtimeId: overtimeId!,
    };
  });
}
