/**
 * Care coverage benchmark (issue 15, R-CARE-1/2/4): `GET /api/care/coverage` of each kind over a district of
 * 100,000 cadres at district level (one row per child unit and the district's own people), timed as the
 * product runs it — the kind's coverage function in the organisation department's scope (全部), inside one
 * transaction, on the embedded PostgreSQL (and DATABASE_URL when set). Health runs under Fengze (everyone due
 * yearly) and Jinan (village and community cadres); four in five of the cadres have this year's check.
 * The talk and leave kinds belong to other parts: benched when they answer, else reported as not provided.
 *
 *   node --import tsx bench/care/coverage.ts [--cadres 100000] [--runs 5]
 */
import type { CareCoverageQuery } from '@ganbu/core';
import type pg from 'pg';
import type { CoverageOf } from '../../packages/server/src/modules/care/coverage.ts';
import { healthCoverage } from '../../packages/server/src/modules/care/health/coverage.ts';
import { leaveCoverage } from '../../packages/server/src/modules/care/leave/coverage.ts';
import { talkCoverage } from '../../packages/server/src/modules/care/talks/coverage.ts';
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

const KINDS: [CareCoverageQuery['kind'], CoverageOf][] = [
  ['health', healthCoverage],
  ['talk', talkCoverage],
  ['leave', leaveCoverage],
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
    const nCadres = Number(args.cadres);
    const runs = Number(args.runs);
    const admin = stack.admin;
    const now = new Date('2026-11-02T04:00:00Z');

    // ------------------------------------------------------------------ seed (admin, past RLS)
    const { rows: have } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cadres`);
    const toAdd = Math.max(0, nCadres - (have[0]?.n ?? 0));
    progress(`seeding ${int(toAdd)} cadres over every unit (the demo district has ${int(have[0]?.n ?? 0)})`);
    const t0 = performance.now();
    await admin.query(
      `WITH o AS (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths, count(*)::int AS n
                    FROM orgs WHERE active AND kind <> 'station')
       INSERT INTO cadres (org_id, org_path, name, gender, birth_date)
       SELECT o.ids[1 + g % o.n], o.paths[1 + g % o.n], '关爱' || g, CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END,
              to_char(date '1962-01-01' + (g * 7 % 14000), 'YYYY-MM-DD')
         FROM generate_series(1, $1::int) g, o`,
      [toAdd],
    );
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
    await admin.query(`ANALYZE cadres, orgs, care_health_checks`);
    const counts = (
      await admin.query<{ c: number; o: number; h: number }>(
        `SELECT (SELECT count(*)::int FROM cadres) c, (SELECT count(*)::int FROM orgs) o,
                (SELECT count(*)::int FROM care_health_checks) h`,
      )
    ).rows[0]!;
    progress(`  seeded in ${ms(performance.now() - t0)} ms`);
    const { rows: root } = await admin.query<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`);
    const districtId = root[0]!.id;

    // ------------------------------------------------------------------ measure (orgdept scope)
    const actor = await actorOf(stack, 'orgdept');
    const lines: string[] = [];
    resetPeakRss();
    const runs1 = async (label: string, kind: CareCoverageQuery['kind'], fn: CoverageOf) => {
      const client: pg.PoolClient = await stack.pool.connect();
      try {
        await client.query('BEGIN');
        await setScope(client, actor);
        const ctx: RequestContext = {
          client,
          actor,
          now,
          clientAddress: '127.0.0.1',
          audited: false,
          audit: async () => {},
        };
        const times: number[] = [];
        let answer = '';
        for (let i = 0; i < runs + 1; i++) {
          const a = performance.now();
          let r;
          try {
            r = await fn(ctx, { year: 2026, orgId: districtId });
          } catch (e) {
            lines.push(`${label}: not provided yet (${(e as Error).message})`);
            await client.query('ROLLBACK');
            return;
          }
          const e = performance.now() - a;
          if (i === 0) {
            answer = `planned ${int(r.total.planned)}, done ${int(r.total.done)}, rate ${r.total.rate}% over ${r.rows.length} rows`;
            continue;
          }
          times.push(e);
        }
        await client.query('ROLLBACK');
        const st = stats(times);
        lines.push(`${label} (${kind}): ${answer}`);
        lines.push(`  p50 ${ms(st.p50)} ms  p95 ${ms(st.p95)} ms  max ${ms(st.max)} ms   target ≤ 1000 ms`);
      } finally {
        client.release();
      }
    };
    for (const packId of ['fengze', 'jinan']) {
      await admin.query(
        `INSERT INTO settings (key, value) VALUES ('policy.pack', to_jsonb($1::text))
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [packId],
      );
      for (const [kind, fn] of KINDS) {
        if (kind !== 'health' && packId !== 'fengze') continue;
        await runs1(`${packId} ${kind}`, kind, fn);
        progress(`  ${packId} ${kind} done`);
      }
    }

    out(`# care coverage — ${stack.target.label}, ${stack.serverVersion}`);
    out(
      `district: ${int(counts.c)} cadres, ${int(counts.o)} units, ${int(counts.h)} health checks; ` +
        `as orgdept (全部) for 2026 at district level; ${runs} runs after one warm-up`,
    );
    for (const l of lines) out(l);
    out(`peak RSS of this process: ${mb(peakRssKb())}`);
  },
);
