/**
 * The report data of the 100,000-cadre benches, shared by the training and care benches and `hold.ts`:
 * twelve programmes of the year with attendance (training), health checks, talks and leave (care).
 */
import type pg from 'pg';
import type { District } from './district.ts';

/** Twelve programmes of 2026 and every cadre's attendance at 0–5 of them; then ANALYZE. */
export async function seedTraining(admin: pg.Client, district: District): Promise<void> {
  // twelve programmes of the year, one a month, kinds in turn (special, party school, remote, mobile lecture)
  await admin.query(
    `INSERT INTO training_programmes (org_id, org_path, organiser_name, name, kind_id, kind_name, start_on, end_on,
                                      days, hours_per_day, credit_days, pack_name, enrolment_mode)
     SELECT $1, $2::ltree, $3, '基准培训班' || m, k.id, k.name, make_date(2026, m, 10), make_date(2026, m, 12), 2, 8, 2,
            '基准', 'application'
       FROM generate_series(1, 12) m,
            LATERAL (SELECT (ARRAY['special','party_school','remote','mobile_lecture'])[1 + m % 4] AS id,
                            (ARRAY['专题培训班','党校培训','远程教育','流动党课'])[1 + m % 4] AS name) k`,
    [district.id, district.path, district.name],
  );
  // attendance: each cadre attends 0–5 of the programmes (by a hash), 1.5 or 2 days each; absences too
  await admin.query(
    `INSERT INTO training_attendance (programme_id, cadre_id, org_path, kind_id, on_date, attended, credit_days)
     SELECT p.id, c.id, c.org_path, p.kind_id, p.end_on, (abs(hashtext(c.id::text || p.id::text)) % 10) <> 0,
            CASE WHEN (abs(hashtext(c.id::text || p.id::text)) % 10) = 0 THEN 0
                 WHEN abs(hashtext(c.id::text)) % 2 = 0 THEN 2 ELSE 1.5 END
       FROM cadres c
       JOIN training_programmes p ON p.pack_name = '基准'
        AND abs(hashtext(c.id::text || p.name)) % 12 < abs(hashtext(c.id::text)) % 6`,
  );
  await admin.query(`ANALYZE cadres, orgs, training_programmes, training_attendance, training_cadre_years`);
}

/** This year's (or last year's) health checks, talks with the demo's talk leaders, leave; then ANALYZE. */
export async function seedCare(admin: pg.Client): Promise<void> {
  // this year's check for four in five (both plans' ids), last year's for the rest
  for (const planId of ['yearly', 'village_yearly'])
    await admin.query(
      `INSERT INTO care_health_checks (cadre_id, org_path, plan_id, year, done_on, follow_up, follow_up_note, recorded_at)
       SELECT c.id, c.org_path, $1, y, make_date(y, 3 + abs(hashtext(c.id::text)) % 7, 10), false, '', now()
         FROM (SELECT id, org_path, CASE WHEN abs(hashtext(id::text || 'y')) % 5 = 0 THEN 2025 ELSE 2026 END AS y
                 FROM cadres WHERE deactivated_at IS NULL) c
       ON CONFLICT DO NOTHING`,
      [planId],
    );
  // talks: three in five of the cadres under each linked leader's units, and of the streets' cadres with the
  // principal leader, once this year (a few twice)
  await admin.query(
    `INSERT INTO talks (leader_id, cadre_id, org_path, held_on, form)
     SELECT x.leader_id, c.id, c.org_path, make_date(2026, 1 + abs(hashtext(c.id::text || x.leader_id::text)) % 10, 15),
            'individual'
       FROM (SELECT l.id AS leader_id, o.path FROM talk_leaders l JOIN talk_leader_links k ON k.leader_id = l.id
               JOIN orgs o ON o.id = k.org_id WHERE l.active AND l.kind = 'linked'
             UNION ALL
             SELECT l.id, o.path FROM talk_leaders l JOIN orgs o ON o.kind = 'street'
              WHERE l.active AND l.kind = 'principal') x
       JOIN cadres c ON c.org_path <@ x.path AND c.deactivated_at IS NULL,
            generate_series(1, 2) n
      WHERE abs(hashtext(c.id::text || x.leader_id::text)) % 5 < 3 AND (n = 1 OR abs(hashtext(c.id::text)) % 7 = 0)`,
  );
  // leave: two in three took 1–9 annual days; one in ten a 5-day recuperation (not against annual in Jinan)
  await admin.query(
    `INSERT INTO care_leave_records (cadre_id, org_path, kind, start_on, end_on, days, counts_against_annual, explanation)
     SELECT c.id, c.org_path, 'annual', make_date(2026, 2 + abs(hashtext(c.id::text)) % 9, 3),
            make_date(2026, 2 + abs(hashtext(c.id::text)) % 9, 3) + (1 + abs(hashtext(c.id::text || 'd')) % 9),
            1 + abs(hashtext(c.id::text || 'd')) % 9, true, '基准'
       FROM cadres c WHERE c.deactivated_at IS NULL AND abs(hashtext(c.id::text || 'l')) % 3 < 2
     UNION ALL
     SELECT c.id, c.org_path, 'recuperation', date '2026-06-01', date '2026-06-05', 5, false, '基准'
       FROM cadres c WHERE c.deactivated_at IS NULL AND abs(hashtext(c.id::text || 'r')) % 10 = 0`,
  );
  await admin.query(`ANALYZE care_health_checks, talks, care_leave_records`);
}
