import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * Rows of the foreign street for the route-scope matrix (issue 15): a dispatch programme organised by the
 * foreign street (a session on 2026-10-20) with the foreign cadre named and attending the session.
 * Every value is an id of a row in the foreign street's scope; the fixture adds them all to `foreignIds`
 * (none may appear in an answer to a user outside it).
 */
export interface TrainingRows {
  programmeId: string;
  sessionId: string;
  enrolmentId: string;
  attendanceId: string;
}

export async function newTrainingRows(
  db: TestDb,
  r: { orgId: string; cadreId: string; villageId: string; userId: string; cadreUserId: string },
): Promise<TrainingRows> {
  return asSystem(db, async (client) => {
    const one = async (sql: string, params: unknown[]) => {
      const { rows } = await client.query<{ id: string }>(sql, params);
      if (!rows[0]) throw new Error(`newTrainingRows: nothing inserted by ${sql.slice(0, 40)}`);
      return rows[0].id;
    };
    const programmeId = await one(
      `INSERT INTO training_programmes (org_id, org_path, organiser_name, name, kind_id, kind_name, start_on, end_on,
                                        days, hours_per_day, credit_days, pack_name, target_org_ids, target_org_names,
                                        enrolment_mode)
       SELECT o.id, o.path, o.name, '越权测试培训班', 'special', '专题培训班', '2026-10-20', '2026-10-21', 2, 8, 2,
              '丰泽区街道干部考核', ARRAY[o.id], ARRAY[o.name], 'dispatch'
         FROM orgs o WHERE o.id = $1 RETURNING id`,
      [r.orgId],
    );
    const sessionId = await one(
      `INSERT INTO training_sessions (programme_id, seq, title, on_date, days, credit_days)
       VALUES ($1, 1, '越权测试课次', '2026-10-20', 1, 1) RETURNING id`,
      [programmeId],
    );
    const enrolmentId = await one(
      `INSERT INTO training_enrolments (programme_id, cadre_id, org_path, status)
       SELECT $1, c.id, c.org_path, 'named' FROM cadres c WHERE c.id = $2 RETURNING id`,
      [programmeId, r.cadreId],
    );
    const attendanceId = await one(
      `INSERT INTO training_attendance (programme_id, session_id, cadre_id, org_path, kind_id, on_date, attended,
                                        credit_days)
       SELECT $1, $2, c.id, c.org_path, 'special', '2026-10-20', true, 1 FROM cadres c WHERE c.id = $3 RETURNING id`,
      [programmeId, sessionId, r.cadreId],
    );
    return { programmeId, sessionId, enrolmentId, attendanceId };
  });
}
