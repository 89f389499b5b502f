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
import {
  compliance,
  trainingComplianceByUnit,
} from '../../packages/server/src/modules/training/programmes/service.ts';
import { asUser, choosePack, seedDistrict, timed } from '../lib/district.ts';
import { int, mb, ms, out, peakRssKb, progress, resetPeakRss, runBench, stats } from '../registry/lib.ts';

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
    const runs = Number(args.runs);
    const admin = stack.admin;
    const asOf = '2026-10-01';
    const district = await seedDistrict(admin, { cadres: Number(args.cadres), prefix: '培训' });
    const t0 = performance.now();
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
    await admin.query(`ANALYZE cadres, orgs, training_programmes, training_attendance`);
    const counts = (
      await admin.query<{ c: number; o: number; a: number }>(
        `SELECT (SELECT count(*)::int FROM cadres) c, (SELECT count(*)::int FROM orgs) o,
                (SELECT count(*)::int FROM training_attendance) a`,
      )
    ).rows[0]!;
    progress(`  seeded in ${ms(performance.now() - t0)} ms`);

    // ------------------------------------------------------------------ measure (orgdept scope, one transaction)
    const lines: string[] = [];
    let worst = 0;
    resetPeakRss();
    const q = { year: 2026, asOf, page: 1, pageSize: 20 };
    for (const packId of ['fengze', 'hongdong']) {
      await choosePack(admin, packId);
      await asUser(stack, async (ctx) => {
        const whole = await timed(runs, () => compliance(ctx, q));
        const short = await timed(runs, () => compliance(ctx, { ...q, onlyShort: true }));
        const deep = await timed(runs, () => compliance(ctx, { ...q, page: 2500 }));
        const byUnit = await timed(runs, () =>
          trainingComplianceByUnit(ctx.client, { orgId: district.id, year: 2026, asOf }),
        );
        const r = whole.first;
        const judged = r.units.reduce((n, u) => n + u.required, 0);
        const nShort = r.units.reduce((n, u) => n + u.short, 0);
        lines.push(
          `${packId}: ${int(r.total)} cadres, ${r.units.length} units; ${int(judged)} under a requirement, ` +
            `${int(nShort)} short; first line: ${r.items[0]?.explanation ?? '—'}`,
        );
        lines.push(`  whole district, first page:   ${fmt(whole.times)}`);
        lines.push(`  only those short, first page: ${fmt(short.times)}`);
        lines.push(`  page 2,500 (lines 49,981–):   ${fmt(deep.times)}`);
        lines.push(`  trainingComplianceByUnit:     ${fmt(byUnit.times)}`);
        for (const t of [whole, short, deep, byUnit]) worst = Math.max(worst, stats(t.times).p50);
      });
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
