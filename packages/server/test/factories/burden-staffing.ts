import ExcelJS from 'exceljs';
import { COLUMNS, SHEET } from '../../src/modules/burden/worklist/workbook.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * A work-list import workbook whose row names the foreign street as 承接单位, filled when the fixture is built
 * (the route matrix's requests are built synchronously from it).
 */
export const foreignWorkList: { workbook: Buffer } = { workbook: Buffer.alloc(0) };

/**
 * Rows of the foreign street for the route-scope matrix (issue 16): a borrowing of the foreign street's cadre
 * (in force, overdue since 2026-10-01), a work-list item on the foreign street.
 * Every value is an id of a row in the foreign street's scope; the fixture adds them all to `foreignIds`
 * (none may appear in an answer to a user outside it).
 */
export interface BurdenStaffingRows extends Record<string, string> {
  borrowingId: string;
  workListItemId: string;
}

export async function newBurdenStaffingRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<BurdenStaffingRows> {
  return asSystem(db, async (client) => {
    const path = (
      await client.query<{ path: string }>('SELECT path::text AS path FROM orgs WHERE id = $1', [r.orgId])
    ).rows[0]!.path;
    const borrowingId = (
      await client.query<{ id: string }>(
        `INSERT INTO burden_borrowings (cadre_id, cadre_name, lender_name, borrower_name, lender_org_id, org_path,
                                        borrower_org_id, purpose_id, purpose_name, task, from_on, until_on,
                                        pack_id, explanation, case_status, reader_roles, party_ids, created_by)
         VALUES ($1, '外街干部', '外街', '外街', $2, $3::ltree, $2, 'district_central', '区委、区政府中心工作',
                 '外街借调', '2026-07-01', '2026-10-01', 'fengze', '外街借调', 'done',
                 '{orgdept,unit_admin,leader}', ARRAY[$4]::uuid[], $4)
         RETURNING id`,
        [r.cadreId, r.orgId, path, r.userId],
      )
    ).rows[0]!.id;
    const workListItemId = (
      await client.query<{ id: string }>(
        `INSERT INTO burden_worklist_items (org_id, org_path, organiser_name, year, name, unfunded, explanation)
         VALUES ($1, $2::ltree, '外街部门', 2026, '外街事项', true, '外街事项未明确经费')
         RETURNING id`,
        [r.orgId, path],
      )
    ).rows[0]!.id;
    const name = (await client.query<{ name: string }>('SELECT name FROM orgs WHERE id = $1', [r.orgId]))
      .rows[0]!.name;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET);
    ws.addRow(COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
    ws.addRow([2026, name, '区民政局', '越权导入', '', '权随责走、费随事转', 100, '', '否']);
    foreignWorkList.workbook = Buffer.from(await wb.xlsx.writeBuffer());
    return { borrowingId, workListItemId };
  });
}
