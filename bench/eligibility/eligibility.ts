/**
 * Eligibility benchmark: the engine's batch answer for a district of 100,000 cadres with 20,000 strict-
 * management records (plus tolerance decisions and reports) as of one date — the question the roster's
 * "可提拔 on date" filter and a province-size assessment veto ask. Times the product's service
 * (`eligibilityOf`: one query per table, then core `eligibilityMany`) in the organisation department's
 * scope, split into the queries and the compute, on the embedded PostgreSQL (and DATABASE_URL when set).
 *
 *   node --import tsx bench/eligibility/eligibility.ts [--cadres 100000] [--records 20000] [--runs 5]
 *        [--date 2026-06-30] [--purpose promotion]
 */
import { eligibilityMany, shippedPacks } from '@ganbu/core';
import * as repo from '../../packages/server/src/modules/eligibility/repository.ts';
import { disciplineOn, eligibilityOf } from '../../packages/server/src/modules/eligibility/service.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import {
  actorOf,
  int,
  mb,
  ms,
  out,
  peakRssKb,
  progress,
  resetPeakRss,
  runBench,
  stats,
} from '../registry/lib.ts';

await runBench(
  {
    name: 'eligibility',
    timeoutS: 1800,
    options: {
      cadres: { type: 'string', default: '100000' },
      records: { type: 'string', default: '20000' },
      runs: { type: 'string', default: '5' },
      date: { type: 'string', default: '2026-06-30' },
      purpose: { type: 'string', default: 'promotion' },
    },
  },
  async (stack, args) => {
    const nCadres = Number(args.cadres);
    const nRecords = Number(args.records);
    const runs = Number(args.runs);
    const date = String(args.date);
    const purpose = String(args.purpose);
    const admin = stack.admin;

    // ------------------------------------------------------------------ seed (admin, past RLS)
    const section = shippedPacks().find((p) => p.id === 'fengze')!.discipline!;
    const kinds = section.kinds.flatMap((k) =>
      k.grades.length ? k.grades.map((g) => [k.code, g.code]) : [[k.code, null]],
    );
    const { rows: have } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cadres`);
    const toAdd = Math.max(0, nCadres - (have[0]?.n ?? 0));
    progress(`seeding ${int(toAdd)} cadres (the demo district has ${int(have[0]?.n ?? 0)})`);
    let t0 = performance.now();
    await admin.query(
      `WITH o AS (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths, count(*)::int AS n
                    FROM orgs WHERE active)
       INSERT INTO cadres (org_id, org_path, name, gender, birth_date)
       SELECT o.ids[1 + g % o.n], o.paths[1 + g % o.n], '测评' || g, CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END,
              to_char(date '1965-01-01' + (g % 12000), 'YYYY-MM-DD')
         FROM generate_series(1, $1::int) g, o`,
      [toAdd],
    );
    progress(
      `  ${ms(performance.now() - t0)} ms; ${int(nRecords)} records, 10 % of them under a tolerance decision, 3,000 reports`,
    );
    t0 = performance.now();
    // records: random cadres; half 提醒 or 函询, half spread over every kind and grade; decided 2023-01-01 …
    // 2026-12-31 (spread evenly); one in 50 revoked a month later
    await admin.query(
      `WITH c AS (SELECT array_agg(id) AS ids, count(*)::int AS n FROM cadres),
            k AS (SELECT $2::text[] AS kinds, $3::text[] AS grades)
       INSERT INTO discipline_records (cadre_id, kind, grade, facts, decided_by, decided_on, document_no, revoked_on,
                                       revoked_reason)
       SELECT c.ids[1 + floor(random() * c.n)::int],
              k.kinds[x.i], nullif(k.grades[x.i], ''), '基准测试', '区纪委',
              x.d, '测' || g, CASE WHEN g % 50 = 0 THEN x.d + 30 END, CASE WHEN g % 50 = 0 THEN '复查撤销' END
         FROM generate_series(1, $1::int) g, c, k,
              -- per row (g in the expressions: an uncorrelated sub-select would be evaluated once)
              LATERAL (SELECT CASE WHEN g % 2 = 0 THEN 1 + (g / 2) % 2
                                   ELSE 1 + (g * 7919) % array_length(k.kinds, 1) END AS i,
                              date '2023-01-01' + (g * 7927) % 1461 AS d) x`,
      [nRecords, kinds.map((k) => k[0]), kinds.map((k) => k[1] ?? '')],
    );
    await admin.query(
      `WITH r AS (SELECT id, cadre_id, decided_on, row_number() OVER (ORDER BY id) AS n FROM discipline_records
                   WHERE revoked_on IS NULL),
            picked AS (SELECT * FROM r WHERE n % 10 = 0),
            cases AS (
              INSERT INTO tolerance_cases (cadre_id, applied_by, applied_on, facts, outcome, decided_on, decision_reason,
                                           decision_document_no)
              SELECT cadre_id, 'unit', decided_on + 10, '基准测试',
                     (ARRAY['exempt','lighter','mitigated','refused'])[1 + (n / 10) % 4], decided_on + 60, '联席会议',
                     '容' || n
                FROM picked
              RETURNING id, cadre_id, applied_on)
       INSERT INTO tolerance_case_records (tolerance_case_id, record_id)
       SELECT cases.id, picked.id FROM cases JOIN picked ON picked.cadre_id = cases.cadre_id
                                                      AND picked.decided_on + 10 = cases.applied_on`,
    );
    await admin.query(
      `WITH c AS (SELECT array_agg(id) AS ids, count(*)::int AS n FROM cadres)
       INSERT INTO clarifications (cadre_id, received_on, channel, allegation, conclusion, concluded_on)
       SELECT c.ids[1 + floor(random() * c.n)::int], d, '信访举报', '基准测试',
              CASE WHEN g % 3 = 0 THEN NULL ELSE (ARRAY['founded','partly_founded','unfounded','false_accusation'])[1 + g % 4] END,
              CASE WHEN g % 3 = 0 THEN NULL ELSE d + 45 END
         FROM generate_series(1, 3000) g, c, LATERAL (SELECT date '2024-01-01' + (g * 7919) % 900 AS d) x`,
    );
    await admin.query(
      `ANALYZE cadres, discipline_records, tolerance_cases, tolerance_case_records, clarifications`,
    );
    const counts = (
      await admin.query<{ c: number; r: number; t: number; k: number }>(
        `SELECT (SELECT count(*)::int FROM cadres) c, (SELECT count(*)::int FROM discipline_records) r,
                (SELECT count(*)::int FROM tolerance_cases) t, (SELECT count(*)::int FROM clarifications) k`,
      )
    ).rows[0]!;
    progress(`  seeded in ${ms(performance.now() - t0)} ms`);
    const byKind = (
      await admin.query<{ kind: string; n: number }>(
        `SELECT kind, count(*)::int AS n FROM discipline_records GROUP BY kind ORDER BY kind`,
      )
    ).rows;

    // ------------------------------------------------------------------ measure (orgdept scope, one transaction)
    const actor = await actorOf(stack, 'orgdept');
    const client = await stack.pool.connect();
    const total: number[] = [];
    const scopeWide: number[] = [];
    const queries: number[] = [];
    const compute: number[] = [];
    let ineligible = 0;
    let answered = 0;
    try {
      await client.query('BEGIN');
      await setScope(client, actor);
      const ids = (await client.query<{ id: string }>(`SELECT id FROM cadres`)).rows.map((r) => r.id);
      resetPeakRss();
      for (let i = 0; i < runs + 1; i++) {
        // the product's call, whole: every cadre id of the district, one query per table, the engine
        const a = performance.now();
        const answers = await eligibilityOf(client, ids, date, purpose);
        const b = performance.now();
        // the roster filter's form: every cadre in scope (no id list; those without a fact are eligible)
        const w0 = performance.now();
        await eligibilityOf(client, null, date, purpose);
        scopeWide.push(performance.now() - w0);
        // the same split in two: the queries, then the engine alone
        const pack = await disciplineOn(client, date);
        const q0 = performance.now();
        // (as the service does for more than 2,000 ids: every row in scope, no id list sent)
        const records = await repo.recordsOf(client, null);
        const clarifications = await repo.clarificationsOf(client, null);
        const tolerance = await repo.toleranceOf(client, null);
        const q1 = performance.now();
        eligibilityMany({ cadreIds: ids, records, tolerance, clarifications }, pack, date, purpose);
        const q2 = performance.now();
        if (i === 0) {
          answered = answers.size;
          ineligible = [...answers.values()].filter((x) => !x.eligible).length;
          scopeWide.pop();
          continue; // warm-up
        }
        total.push(b - a);
        queries.push(q1 - q0);
        compute.push(q2 - q1);
      }
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const s = (xs: number[]) => {
      const st = stats(xs);
      return `p50 ${ms(st.p50)} ms  mean ${ms(st.mean)} ms  max ${ms(st.max)} ms`;
    };
    out(`# eligibility — ${stack.target.label}, ${stack.serverVersion}`);
    out(
      `district: ${int(counts.c)} cadres, ${int(counts.r)} records, ${int(counts.t)} tolerance decisions, ${int(counts.k)} reports`,
    );
    out(`records by kind: ${byKind.map((r) => `${r.kind} ${int(r.n)}`).join(', ')}`);
    out(`question: ${purpose} on ${date}, as orgdept (scope 全部), ${runs} runs after one warm-up`);
    out(`answers: ${int(answered)} cadres, ${int(ineligible)} not eligible`);
    out(`eligibilityOf (queries + engine): ${s(total)}   target ≤ 2,000 ms`);
    out(`eligibilityOf(null) — every cadre in scope, the roster filter's form: ${s(scopeWide)}`);
    out(`  the three queries:              ${s(queries)}`);
    out(`  the engine (eligibilityMany):   ${s(compute)}`);
    out(`peak RSS of this process: ${mb(peakRssKb())}`);
  },
);
