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
import type { CareCoverageQuery } from '@ganbu/core';
import type { CoverageOf } from '../../packages/server/src/modules/care/coverage.ts';
import { healthCoverage } from '../../packages/server/src/modules/care/health/coverage.ts';
import { leaveCoverage } from '../../packages/server/src/modules/care/leave/coverage.ts';
import { talkCoverage } from '../../packages/server/src/modules/care/talks/coverage.ts';
import { asUser, choosePack, seedDistrict, timed } from '../lib/district.ts';
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
    resetPeakRss();
    for (const [packId, kind] of RUNS) {
      await choosePack(admin, packId);
      const { first, times } = await asUser(stack, async (ctx) =>
        timed(runs, () => KINDS[kind](ctx, { year: 2026, orgId: district.id })),
      );
      const st = stats(times);
      worst = Math.max(worst, st.p50);
      lines.push(
        `${packId} ${kind}: planned ${int(first.total.planned)}, done ${int(first.total.done)}, ` +
          `rate ${first.total.rate}% over ${first.rows.length} rows`,
      );
      lines.push(
        `  p50 ${ms(st.p50)} ms  p95 ${ms(st.p95)} ms  mean ${ms(st.mean)} ms  max ${ms(st.max)} ms`,
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
    out(`slowest p50: ${ms(worst)} ms   target ≤ 1000 ms`);
    out(`peak RSS of this process: ${mb(peakRssKb())}`);
  },
);
