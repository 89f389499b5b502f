/**
 * A district of N cadres with a year of everything the dashboard counts, for the dashboard benchmarks
 * (`api.ts` here, dashweb's `first-paint.ts`): cadres spread over every unit (gender, birth dates 1962–2000,
 * 全日制学历 and 人员类别 in turn), a published annual round grading every cadre, an approved pay run with a
 * line for every third cadre, twelve training programmes with attendance, and 3,000 workflow cases of the
 * year (copied from the demo's own cases: open, overdue and done). Written past row-level security by the
 * owner role, then VACUUM ANALYZEd.
 *
 *   import { seedDashboardDistrict } from '../dashboard/seed.ts';
 *   const counts = await seedDashboardDistrict(stack.admin, { cadres: 100_000, year: 2026 });
 */
import { shippedPacks } from '@ganbu/core';
import type pg from 'pg';
import { rulesFromPack } from '../../packages/server/src/modules/assessment/service/rounds.ts';

export interface SeededDistrict {
  cadres: number;
  units: number;
  gradedTargets: number;
  payLines: number;
  attendance: number;
  cases: number;
}

export async function seedDashboardDistrict(
  admin: pg.Client,
  opts: { cadres: number; year: number },
): Promise<SeededDistrict> {
  const { year } = opts;
  const { rows: have } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cadres`);
  const toAdd = Math.max(0, opts.cadres - (have[0]?.n ?? 0));
  await admin.query(
    `WITH o AS (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths, count(*)::int AS n
                  FROM orgs WHERE active AND kind <> 'station')
     INSERT INTO cadres (org_id, org_path, name, gender, birth_date, full_time_education, category)
     SELECT o.ids[1 + g % o.n], o.paths[1 + g % o.n], '看板' || g, CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END,
            to_char(date '1962-01-01' + (g * 7 % 14000), 'YYYY-MM-DD'),
            jsonb_build_object('education', (ARRAY['大学','大专','研究生','中专','高中'])[1 + g % 5]),
            (ARRAY['comprehensive','law_enforcement','professional_technical','public_institution','village_community'])[1 + g % 5]
       FROM generate_series(1, $1::int) g, o`,
    [toAdd],
  );
  const { rows: root } = await admin.query<{ id: string; path: string; name: string }>(
    `SELECT id, path::text AS path, name FROM orgs WHERE parent_id IS NULL`,
  );
  const district = root[0]!;

  // a published annual round of the year grading every active cadre (10 % 优秀, 80 % 称职, 8 % 基本称职, 2 % 不称职)
  const pack = shippedPacks().find((p) => p.id === 'fengze')!;
  const rules = rulesFromPack(pack, 'street-annual');
  const { rows: round } = await admin.query<{ id: string }>(
    `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
       period_start, period_end, state)
     VALUES ($1, $2::ltree, '基准年度考核', 'fengze', $3, 'street-annual', $4, make_date($5, 1, 1), make_date($5, 12, 31),
       'published') RETURNING id`,
    [district.id, district.path, pack.version.effectiveFrom, JSON.stringify(rules), year],
  );
  await admin.query(
    `INSERT INTO assessment_targets (round_id, cadre_id, unit_id, unit_path, name, published, final_grade)
     SELECT $1, c.id, c.org_id, c.org_path, c.name, true,
            CASE WHEN h < 10 THEN 'excellent' WHEN h < 90 THEN 'competent' WHEN h < 98 THEN 'basic' ELSE 'incompetent' END
       FROM (SELECT c.*, abs(hashtext(c.id::text)) % 100 AS h FROM cadres c WHERE c.deactivated_at IS NULL) c`,
    [round[0]!.id],
  );

  // an approved pay run of the year with a line for every third cadre (¥3,000.00–¥12,999.99)
  const { rows: run } = await admin.query<{ id: string }>(
    `INSERT INTO pay_runs (org_id, org_path, name, kind, period, pack_id, pack_effective_from, pack_name, policy,
       state, total_fen, line_count, computed_at)
     VALUES ($1, $2::ltree, '基准绩效奖励', 'performance-bonus', $3, 'fengze', $4, $5, $6, 'approved', 0, 0, now())
     RETURNING id`,
    [
      district.id,
      district.path,
      String(year),
      pack.version.effectiveFrom,
      pack.name,
      JSON.stringify({ pay: pack.pay }),
    ],
  );
  await admin.query(
    `INSERT INTO pay_lines (run_id, cadre_id, unit_id, unit_path, name, unit_name, amount_fen, explanation, sort_order)
     SELECT $1, c.id, c.org_id, c.org_path, c.name, o.name, 300000 + abs(hashtext(c.id::text)) % 1000000,
            '{"summary":"基准","steps":[],"notes":[]}'::jsonb, row_number() OVER (ORDER BY c.org_path, c.id)
       FROM cadres c JOIN orgs o ON o.id = c.org_id
      WHERE c.deactivated_at IS NULL AND abs(hashtext(c.id::text || 'pay')) % 3 = 0`,
    [run[0]!.id],
  );
  await admin.query(
    `UPDATE pay_runs r SET total_fen = s.t, line_count = s.n
       FROM (SELECT sum(amount_fen) AS t, count(*) AS n FROM pay_lines WHERE run_id = $1) s WHERE r.id = $1`,
    [run[0]!.id],
  );

  // twelve programmes of the year and attendance (as bench/training/compliance.ts seeds them)
  await admin.query(
    `INSERT INTO training_programmes (org_id, org_path, organiser_name, name, kind_id, kind_name, start_on, end_on,
                                      days, hours_per_day, credit_days, pack_name, enrolment_mode)
     SELECT $1, $2::ltree, $3, '看板培训班' || m, k.id, k.name, make_date($4, m, 10), make_date($4, m, 12), 2, 8, 2,
            '看板基准', 'application'
       FROM generate_series(1, 12) m,
            LATERAL (SELECT (ARRAY['special','party_school','remote','mobile_lecture'])[1 + m % 4] AS id,
                            (ARRAY['专题培训班','党校培训','远程教育','流动党课'])[1 + m % 4] AS name) k`,
    [district.id, district.path, district.name, year],
  );
  await admin.query(
    `INSERT INTO training_attendance (programme_id, cadre_id, org_path, kind_id, on_date, attended, credit_days)
     SELECT p.id, c.id, c.org_path, p.kind_id, p.end_on, (abs(hashtext(c.id::text || p.id::text)) % 10) <> 0,
            CASE WHEN (abs(hashtext(c.id::text || p.id::text)) % 10) = 0 THEN 0
                 WHEN abs(hashtext(c.id::text)) % 2 = 0 THEN 2 ELSE 1.5 END
       FROM cadres c
       JOIN training_programmes p ON p.pack_name = '看板基准'
        AND abs(hashtext(c.id::text || p.name)) % 12 < abs(hashtext(c.id::text)) % 6`,
  );

  // 3,000 cases of the year over the units, copied from a demo case: a third open, a third overdue, a third done
  await admin.query(
    `WITH t AS (SELECT * FROM cases ORDER BY opened_at LIMIT 1),
          o AS (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths, count(*)::int AS n
                  FROM orgs WHERE active AND kind <> 'station')
     INSERT INTO cases (kind, pack_id, pack_effective_from, definition, org_id, org_path, subject_cadre_id, title,
                        status, current_step, trail, step_since, due_on, link, opened_by, opened_at, closed_at,
                        reader_roles, party_ids)
     SELECT t.kind, t.pack_id, t.pack_effective_from, t.definition, o.ids[1 + g % o.n], o.paths[1 + g % o.n], NULL,
            '基准事项' || g,
            CASE WHEN g % 3 = 2 THEN 'done' ELSE 'open' END,
            CASE WHEN g % 3 = 2 THEN NULL ELSE t.trail[1] END, t.trail[1:1],
            make_timestamptz($1, 1 + g % 10, 1 + g % 28, 9, 0, 0, 'Asia/Shanghai'),
            CASE WHEN g % 3 = 0 THEN make_date($1, 12, 31) WHEN g % 3 = 1 THEN make_date($1, 1 + g % 10, 28) END,
            NULL, t.opened_by, make_timestamptz($1, 1 + g % 10, 1 + g % 28, 9, 0, 0, 'Asia/Shanghai'),
            CASE WHEN g % 3 = 2 THEN make_timestamptz($1, 11, 1, 9, 0, 0, 'Asia/Shanghai') END,
            t.reader_roles, t.party_ids
       FROM generate_series(1, 3000) g, t, o`,
    [year],
  );
  // as autovacuum leaves a table in use: statistics and the visibility map (index-only scans of the roster index)
  await admin.query(
    `VACUUM ANALYZE cadres, orgs, assessment_targets, assessment_rounds, pay_lines, pay_runs, training_programmes,
             training_attendance, cases`,
  );
  const counts = (
    await admin.query<SeededDistrict>(
      `SELECT (SELECT count(*)::int FROM cadres) AS cadres, (SELECT count(*)::int FROM orgs) AS units,
              (SELECT count(*)::int FROM assessment_targets WHERE final_grade IS NOT NULL) AS "gradedTargets",
              (SELECT count(*)::int FROM pay_lines) AS "payLines",
              (SELECT count(*)::int FROM training_attendance) AS attendance,
              (SELECT count(*)::int FROM cases) AS cases`,
    )
  ).rows[0]!;
  return counts;
}
