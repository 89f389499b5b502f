import type pg from 'pg';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 15): a commendation batch held by the foreign
 * street (nominating) with the foreign cadre nominated and an objection to that nomination. Not decided, so
 * the district-wide hero board does not show it. Every value is an id of a row in the foreign street's scope;
 * the fixture adds them all to `foreignIds` (none may appear in an answer to a user outside it).
 */
export type HonourRows = Record<string, string>;

const FENGZE_COMMENDATION_RULES = {
  kind: { id: 'commendation', name: '通报表扬', rank: 1 },
  quotas: [
    { kindId: 'commendation', unitKinds: ['street'], sharePercent: 15, rounding: 'floor', minPerUnit: 1 },
  ],
  noticeWorkingDays: 5,
  proposalRules: [],
  sources: {},
  packName: '丰泽区街道干部考核',
};

export async function newHonourRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<HonourRows> {
  return asSystem(db, async (client: pg.PoolClient) => {
    // the objection is confidential (组织部): the system scope writes it with that role
    await client.query(`SELECT set_config('app.roles', 'orgdept', true)`);
    const { rows: b } = await client.query<{ id: string }>(
      `INSERT INTO honour_batches (org_id, org_path, org_name, name, year, kind_id, kind_name, kind_rank, pack_id,
         pack_effective_from, pack_name, rules, notice_working_days, state)
       SELECT o.id, o.path, o.name, '外街道表彰批次', 2026, 'commendation', '通报表扬', 1, 'fengze', '2020-01-01',
              '丰泽区街道干部考核', $2::jsonb, 5, 'nominating'
         FROM orgs o WHERE o.id = $1 RETURNING id`,
      [r.orgId, JSON.stringify(FENGZE_COMMENDATION_RULES)],
    );
    const batchId = b[0]!.id;
    const { rows: n } = await client.query<{ id: string }>(
      `INSERT INTO honour_nominations (batch_id, cadre_id, unit_path, quota_unit_id, cadre_name, unit_name, post_title,
         deeds, use_photo, eligibility_date)
       SELECT $1, c.id, c.org_path, $3, c.name, o.name, c.post_title, '外街道先进事迹', true, '2026-10-01'
         FROM cadres c JOIN orgs o ON o.id = $3 WHERE c.id = $2 RETURNING id`,
      [batchId, r.cadreId, r.orgId],
    );
    const nominationId = n[0]!.id;
    const { rows: o } = await client.query<{ id: string }>(
      `INSERT INTO honour_objections (nomination_id, batch_id, received_on, content)
       VALUES ($1, $2, '2026-10-02', '外街道异议') RETURNING id`,
      [nominationId, batchId],
    );
    return { batchId, nominationId, objectionId: o[0]!.id };
  });
}
