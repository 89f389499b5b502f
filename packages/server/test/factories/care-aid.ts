import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { TEST_ENCRYPTION_KEY } from '../db-urls.ts';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 15): a leave record of the foreign cadre and a
 * hardship aid case with a visit. Every value is an id of a row in the foreign street's scope; the fixture
 * adds them all to `foreignIds` (none may appear in an answer to a user outside it).
 */
export interface CareAidRows extends Record<string, string> {
  leaveId: string;
  caseId: string;
  visitId: string;
}

export async function newCareAidRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<CareAidRows> {
  const cipher = createFieldCipher(TEST_ENCRYPTION_KEY);
  return asSystem(db, async (client) => {
    const path = (
      await client.query<{ path: string }>('SELECT org_path::text AS path FROM cadres WHERE id = $1', [
        r.cadreId,
      ])
    ).rows[0]!.path;
    const leaveId = (
      await client.query<{ id: string }>(
        `INSERT INTO care_leave_records (cadre_id, org_path, kind, start_on, end_on, days, counts_against_annual,
                                         explanation)
         VALUES ($1, $2::ltree, 'annual', '2026-03-02', '2026-03-03', 2, true, '2026-03-02 至 2026-03-03 年休假2个工作日')
         RETURNING id`,
        [r.cadreId, path],
      )
    ).rows[0]!.id;
    const caseId = (
      await client.query<{ id: string }>(
        `INSERT INTO care_aid_cases (cadre_id, org_id, org_path, kind_id, kind_name, follow_up_every_months,
                                     checklist, family_enc, opened_on, next_due_on)
         VALUES ($1, $2, $3::ltree, 'hardship', '困难帮扶', 6,
                 '[{"id":"verify","name":"家庭困难情况核实","doneOn":null,"note":""},{"id":"grant","name":"帮扶金发放","doneOn":null,"note":""},{"id":"visit","name":"走访慰问","doneOn":null,"note":""}]'::jsonb,
                 $4, '2026-05-01', '2026-11-01')
         RETURNING id`,
        [
          r.cadreId,
          r.orgId,
          path,
          cipher.encrypt(
            JSON.stringify({ contact: '外街家属', phone: '13900000000', situation: '外街困难情况' }),
          ),
        ],
      )
    ).rows[0]!.id;
    const visitId = (
      await client.query<{ id: string }>(
        `INSERT INTO care_aid_visits (case_id, visited_on, visitors, content)
         VALUES ($1, '2026-05-01', '外街走访人', '外街走访') RETURNING id`,
        [caseId],
      )
    ).rows[0]!.id;
    return { leaveId, caseId, visitId };
  });
}
