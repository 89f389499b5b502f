/**
 * Training compliance benchmark (issue 15, R-TRN-2): `GET /api/training/compliance` over a district of
 * 100,000 cadres — every active cadre judged against the pack's requirements on a day, with the per-unit
 * summary and the first page of lines — timed as the product runs it: the service in the organisation
 * department's scope (全部), inside one transaction, on the embedded PostgreSQL (and DATABASE_URL when set).
 * Under the Fengze pack (street cadres: ≥ 12 days and a 专题培训班) and the Hongdong pack (township cadres
 * every quarter).
 *
 *   node --import tsx bench/training/compliance.ts [--cadres 100000] [--runs 5]
 */
import type pg from 'pg';
import { compliance } from '../../packages/server/src/modules/training/programmes/service.ts';
import type { RequestContext } from '../../packages/server/src/platform/context.ts';
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
    name: 'training-compliance',
    timeoutS: 1800,
    options: {
      cadres: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '5' },
    },
  },
  async (stack, args) => {
    const nCadres = Number(args.cadres);
    const runs = Number(args.runs);
    const admin = stack.admin;
    const asOf = '2026-10-01';

    // ------------------------------------------------------------------ seed (admin, past RLS)
    const { rows: have } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cadres`);
    const toAdd = Math.max(0, nCadres - (have[0]?.n ?? 0));
    progress(`seeding ${int(toAdd)} cadres over every unit (the demo district has ${int(have[0]?.n ?? 0)})`);
    const t0 = performance.now();
    await admin.query(
      `WITH o AS (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths, count(*)::int AS n
                    FROM orgs WHERE active AND kind <> 'station')
       INSERT INTO cadres (org_id, org_path, name, gender, birth_date)
       SELECT o.ids[1 + g % o.n], o.paths[1 + g % o.n], '培训' || g, CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END,
              to_char(date '1962-01-01' + (g * 7 % 14000), 'YYYY-MM-DD')
         FROM generate_series(1, $1::int) g, o`,
      [toAdd],
    );
    // twelve programmes of the year, one a month, kinds in turn (special, party school, remote, mobile lecture)
    const { rows: root } = await admin.query<{ id: string; path: string; name: string }>(
      `SELECT id, path::text AS path, name FROM orgs WHERE parent_id IS NULL`,
    );
    const district = root[0]!;
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
         JOIN training_programmes p ON abs(hashtext(c.id::text || p.name)) % 12 < abs(hashtext(c.id::text)) % 6`,
    );
    await admin.query(`ANALYZE cadres, orgs, training_programmes, training_attendance`);
    const counts = (
      await admin.query<{ c: number; o: number; a: number }>(
        `SELECT (SELECT count(*)::int FROM cadres) c, (SELECT count(*)::int FROM orgs) o,
                (SELECT count(*)::int FROM training_attendance) a`,
      )
    ).rows[0]!;
    progress(`  seeded in ${ms(performance.now() - t0)} ms`);

    // ------------------------------------------------------------------ measure (orgdept scope, one transaction)
    const actor = await actorOf(stack, 'orgdept');
    const lines: string[] = [];
    let worst = 0;
    resetPeakRss();
    for (const packId of ['fengze', 'hongdong']) {
      await admin.query(
        `INSERT INTO settings (key, value) VALUES ('policy.pack', to_jsonb($1::text))
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [packId],
      );
      const client: pg.PoolClient = await stack.pool.connect();
      try {
        await client.query('BEGIN');
        await setScope(client, actor);
        const ctx: RequestContext = {
          client,
          actor,
          now: new Date('2026-11-02T04:00:00Z'),
          clientAddress: '127.0.0.1',
          audited: false,
          audit: async () => {},
        };
        const q = { year: 2026, asOf, page: 1, pageSize: 20 };
        const times: number[] = [];
        const shortTimes: number[] = [];
        let answer = '';
        for (let i = 0; i < runs + 1; i++) {
          const a = performance.now();
          const r = await compliance(ctx, q);
          const m = performance.now();
          await compliance(ctx, { ...q, onlyShort: true });
          const e = performance.now();
          if (i === 0) {
            const judged = r.units.reduce((s, u) => s + u.required, 0);
            const short = r.units.reduce((s, u) => s + u.short, 0);
            answer =
              `${int(r.total)} cadres, ${r.units.length} units; ${int(judged)} under a requirement, ${int(short)} short; ` +
              `first line: ${r.items[0]?.explanation ?? '—'}`;
            continue; // warm-up
          }
          times.push(m - a);
          shortTimes.push(e - m);
        }
        worst = Math.max(worst, stats(times).p50, stats(shortTimes).p50);
        lines.push(`${packId}: ${answer}`);
        lines.push(`  whole district, first page:  ${fmt(times)}`);
        lines.push(`  only those short:            ${fmt(shortTimes)}`);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      progress(`  ${packId} done`);
    }

    out(`# training compliance — ${stack.target.label}, ${stack.serverVersion}`);
    out(
      `district: ${int(counts.c)} cadres, ${int(counts.o)} units, ${int(counts.a)} attendance rows; ` +
        `as orgdept (全部) on ${asOf}; ${runs} runs after one warm-up`,
    );
    for (const l of lines) out(l);
    out(`slowest p50: ${ms(worst)} ms   target ≤ 1000 ms`);
    out(`peak RSS of this process: ${mb(peakRssKb())}`);
  },
);

function fmt(xs: number[]): string {
  const st = stats(xs);
  return `p50 ${ms(st.p50)} ms  p95 ${ms(st.p95)} ms  mean ${ms(st.mean)} ms  max ${ms(st.max)} ms`;
}
