import { TEST_SEED_TIME } from '../db-urls.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';
import { newUser } from './users.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 15): this year's health check of the foreign
 * cadre, and the foreign cadre's support request to a care officer of the district (the officer is
 * district-wide by design: every signed-in user reads the officers' names, so the officer is not a foreign id).
 * Every value is an id of a row in the foreign street's scope; the fixture adds them all to `foreignIds`.
 */
export type CareHealthRows = Record<string, string>;

export async function newCareHealthRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<CareHealthRows> {
  const district = (await db.admin.query<{ id: string }>('SELECT id FROM orgs WHERE parent_id IS NULL'))
    .rows[0]!;
  const officer = await newUser(db, { orgId: district.id, roles: ['orgdept'], scopeMode: 'all' });
  return asSystem(db, async (client) => {
    const check = await client.query<{ id: string }>(
      `INSERT INTO care_health_checks (cadre_id, org_path, plan_id, year, done_on, follow_up, follow_up_note, recorded_at)
       SELECT c.id, c.org_path, 'yearly', 2026, '2026-04-20', true, '三个月后复查', $2 FROM cadres c WHERE c.id = $1
       RETURNING id`,
      [r.cadreId, TEST_SEED_TIME],
    );
    await client.query(
      `INSERT INTO care_officers (user_id, display_name, org_path, designated_at)
       SELECT $1, '矩阵关爱专员', path, $2 FROM orgs WHERE id = $3`,
      [officer.id, TEST_SEED_TIME, district.id],
    );
    const support = await client.query<{ id: string }>(
      `INSERT INTO care_support_requests (cadre_id, cadre_name, org_path, officer_user_id, party_ids, category, body,
                                          status, created_by, created_at)
       SELECT c.id, c.name, c.org_path, $2, ARRAY[$2, $3]::uuid[], 'other', '越权测试的请求', 'open', $3, $4
         FROM cadres c WHERE c.id = $1 RETURNING id`,
      [r.cadreId, officer.id, r.cadreUserId, TEST_SEED_TIME],
    );
    return { checkId: check.rows[0]!.id, supportRequestId: support.rows[0]!.id };
  });
}
