/**
 * Care coverage benchmark (issue 15, R-CARE-1/2/4): `GET /api/care/coverage` of each kind (health, talk,
 * leave) over a district of 100,000 cadres at district level (one row per child unit and the district's own
 * people), timed as the product runs it — the kind's coverage function in the organisation department's
 * scope (全部), inside one transaction, on the embedded PostgreSQL (and DATABASE_URL when set).
 * - health under Fengze (everyone due yearly) and Jinan (village and community cadres); four in five of the
 *   cadres have this year's check;
 * - talk under Fengze: the demo's talk leaders (the principal and the linked leaders) with three in five of
 *   the cadres under the linked units and of the streets talked with this year;
 * - leave under Fengze and Jinan: every cadre has 参加工作时间 (so 5, 10 or 15 days), two in three took 1–9
 *   days of annual leave, one in ten a 5-day recuperation.
 *
 *   node --import tsx bench/care/coverage.ts [--cadres 100000] [--runs 5]
 */
import { loadavg } from 'node:os';
import type { CareCoverageQuery } from '@ganbu/core';
import type { CoverageOf } from '../../packages/server/src/modules/care/coverage.ts';
import { healthCoverage } from '../../packages/server/src/modules/care/health/coverage.ts';
import { leaveCoverage } from '../../packages/server/src/modules/care/leave/coverage.ts';
import { talkCoverage } from '../../packages/server/src/modules/care/talks/coverage.ts';
import { asUser, choosePack, seedDistrict, timed } from '../lib/district.ts';
import { seedCare } from '../lib/seed-reports.ts';
import { int, mb, ms, out, peakRssKb, progress, resetPeakRss, runBench, stats } from '../registry/lib.ts';

const KINDS: Record<CareCoverageQuery['kind'], CoverageOf> = {
  health: healthCoverage,
  talk: talkCoverage,
  leave: leaveCoverage,
};
const RUNS: [pack: string, kind: CareCoverageQuery['kind']][] = [
  ['fengze', 'health'],
  ['jinan', 'health'],
  ['fengze', 'talk'],
  ['fengze', 'leave'],
  ['jinan', 'leave'],
];

await runBench(
  {
    name: 'care-coverage',
    timeoutS: 1800,
    options: {
      cadres: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '5' },
    },
  },
  async (stack, args) => {
    const runs = Number(args.runs);
    const admin = stack.admin;
    const district = await seedDistrict(admin, { cadres: Number(args.cadres), prefix: '关爱' });
    const t0 = performance.now();
    await seedCare(admin);
    const counts = (
      await admin.query<{ h: number; t: number; l: number }>(
        `SELECT (SELECT count(*)::int FROM care_health_checks) h, (SELECT count(*)::int FROM talks) t,
                (SELECT count(*)::int FROM care_leave_records) l`,
      )
    ).rows[0]!;
    progress(`  care rows seeded in ${ms(performance.now() - t0)} ms`);

    // ------------------------------------------------------------------ measure (orgdept scope)
    const lines: string[] = [];
    let worst = 0;
    let worstCpu = 0;
    resetPeakRss();
    for (const [packId, kind] of RUNS) {
      await choosePack(admin, packId);
      const { first, times, cpu } = await asUser(stack, async (ctx) =>
        timed(runs, () => KINDS[kind](ctx, { year: 2026, orgId: district.id }), ctx.client),
      );
      const st = stats(times);
      worst = Math.max(worst, st.p50);
      if (cpu.length) worstCpu = Math.max(worstCpu, stats(cpu).p50);
      lines.push(
        `${packId} ${kind}: planned ${int(first.total.planned)}, done ${int(first.total.done)}, ` +
          `rate ${first.total.rate}% over ${first.rows.length} rows`,
      );
      lines.push(
        `  p50 ${ms(st.p50)} ms  p95 ${ms(st.p95)} ms  mean ${ms(st.mean)} ms  max ${ms(st.max)} ms` +
          (cpu.length ? `   CPU p50 ${ms(stats(cpu).p50)} ms  max ${ms(stats(cpu).max)} ms` : ''),
      );
      progress(`  ${packId} ${kind} done`);
    }

    out(`# care coverage — ${stack.target.label}, ${stack.serverVersion}`);
    out(
      `district: ${int(district.cadres)} cadres, ${int(district.units)} units, ${int(counts.h)} health checks, ` +
        `${int(counts.t)} talks, ${int(counts.l)} leave records; as orgdept (全部) for 2026 at district level; ` +
        `${runs} runs after one warm-up`,
    );
    for (const l of lines) out(l);
    out(`slowest p50: ${ms(worst)} ms   target ≤ 1000 ms   (load average ${loadavg()[0]!.toFixed(2)})`);
    if (worstCpu) out(`slowest CPU p50 (backend + app): ${ms(worstCpu)} ms`);
    out(`peak RSS of this process: ${mb(peakRssKb())}`);
  },
);
