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
import { loadavg } from 'node:os';
import {
  compliance,
  trainingComplianceByUnit,
} from '../../packages/server/src/modules/training/programmes/service.ts';
import { asUser, choosePack, seedDistrict, timed } from '../lib/district.ts';
import { seedTraining } from '../lib/seed-reports.ts';
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
    await seedTraining(admin, district);
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
    let worstCpu = 0;
    resetPeakRss();
    const q = { year: 2026, asOf, page: 1, pageSize: 20 };
    for (const packId of ['fengze', 'hongdong']) {
      await choosePack(admin, packId);
      await asUser(stack, async (ctx) => {
        const whole = await timed(runs, () => compliance(ctx, q), ctx.client);
        const short = await timed(runs, () => compliance(ctx, { ...q, onlyShort: true }), ctx.client);
        const deep = await timed(runs, () => compliance(ctx, { ...q, page: 2500 }), ctx.client);
        const byUnit = await timed(
          runs,
          () => trainingComplianceByUnit(ctx.client, { orgId: district.id, year: 2026, asOf }),
          ctx.client,
        );
        const r = whole.first;
        const judged = r.units.reduce((n, u) => n + u.required, 0);
        const nShort = r.units.reduce((n, u) => n + u.short, 0);
        lines.push(
          `${packId}: ${int(r.total)} cadres, ${r.units.length} units; ${int(judged)} under a requirement, ` +
            `${int(nShort)} short; first line: ${r.items[0]?.explanation ?? '—'}`,
        );
        lines.push(`  whole district, first page:   ${fmt(whole)}`);
        lines.push(`  only those short, first page: ${fmt(short)}`);
        lines.push(`  page 2,500 (lines 49,981–):   ${fmt(deep)}`);
        lines.push(`  trainingComplianceByUnit:     ${fmt(byUnit)}`);
        for (const t of [whole, short, deep, byUnit]) {
          worst = Math.max(worst, stats(t.times).p50);
          if (t.cpu.length) worstCpu = Math.max(worstCpu, stats(t.cpu).p50);
        }
      });
      progress(`  ${packId} done`);
    }

    out(`# training compliance — ${stack.target.label}, ${stack.serverVersion}`);
    out(
      `district: ${int(counts.c)} cadres, ${int(counts.o)} units, ${int(counts.a)} attendance rows; ` +
        `as orgdept (全部) on ${asOf}; ${runs} runs after one warm-up`,
    );
    for (const l of lines) out(l);
    out(`slowest p50: ${ms(worst)} ms   target ≤ 1000 ms   (load average ${loadavg()[0]!.toFixed(2)})`);
    if (worstCpu) out(`slowest CPU p50 (backend + app): ${ms(worstCpu)} ms`);
    out(`peak RSS of this process: ${mb(peakRssKb())}`);
  },
);

function fmt(t: { times: number[]; cpu: number[] }): string {
  const st = stats(t.times);
  const c = t.cpu.length ? stats(t.cpu) : null;
  return (
    `p50 ${ms(st.p50)} ms  p95 ${ms(st.p95)} ms  mean ${ms(st.mean)} ms  max ${ms(st.max)} ms` +
    (c ? `   CPU p50 ${ms(c.p50)} ms  max ${ms(c.max)} ms` : '')
  );
}
