import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

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
    return { borrowingId, workListItemId };
  });
}
