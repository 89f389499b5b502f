/**
 * Dashboard benchmark (issue 16, R-RPT-1): `GET /api/dashboard` of the district (组织部, 全部) over 100,000
 * cadres on the embedded PostgreSQL (and DATABASE_URL when set): every section's query time (the `queryMs`
 * the answer carries; target ≤ 300 ms each), the whole answer through HTTP, and a drill-down page and its
 * total; p50/p95 over the runs after one warm-up, and this process's peak RSS (the app runs in it).
 *
 *   npx node --import tsx bench/dashboard/api.ts [--cadres 100000] [--runs 5]
 */
import type { Dashboard, DashboardDrillList } from '@ganbu/core';
import type pg from 'pg';
import { getDashboard } from '../../packages/server/src/modules/dashboard/overview/service.ts';
import type { RequestContext } from '../../packages/server/src/platform/context.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import {
  actorOf,
  authHeaders,
  int,
  login,
  mb,
  ms,
  out,
  peakRssKb,
  progress,
  resetPeakRss,
  runBench,
  stats,
} from '../registry/lib.ts';
import { seedDashboardDistrict } from './seed.ts';

const fmt = (xs: number[]) => {
  const s = stats(xs);
  return `p50 ${ms(s.p50)} ms  p95 ${ms(s.p95)} ms  max ${ms(s.max)} ms`;
};

await runBench(
  {
    name: 'dashboard-api',
    timeoutS: 3600,
    options: {
      cadres: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '5' },
    },
  },
  async (stack, args) => {
    const runs = Number(args.runs);
    const year = 2026;
    progress(`seeding a district of ${int(Number(args.cadres))} cadres with a year of data`);
    const t0 = performance.now();
    const counts = await seedDashboardDistrict(stack.admin, { cadres: Number(args.cadres), year });
    progress(`  seeded in ${ms(performance.now() - t0)} ms`);
    resetPeakRss();

    // ---------------------------------------------------------------- per section (the service, orgdept scope)
    const actor = await actorOf(stack, 'orgdept');
    const perSection = new Map<string, number[]>();
    const whole: number[] = [];
    const client: pg.PoolClient = await stack.pool.connect();
    let shape = '';
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
      for (let i = 0; i < runs + 1; i++) {
        const a = performance.now();
        const d = await getDashboard(ctx, { year });
        const e = performance.now();
        if (i === 0) {
          shape = d.sections.map((s) => `${s.id} ${s.rows.length}`).join(', ');
          continue;
        }
        whole.push(e - a);
        for (const s of d.sections) perSection.set(s.id, [...(perSection.get(s.id) ?? []), s.queryMs]);
      }
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }

    // ---------------------------------------------------------------- through HTTP, as the page asks
    const session = await login(stack, 'orgdept');
    const http: number[] = [];
    const drill: number[] = [];
    let bytes = 0;
    let drillAnswer = '';
    for (let i = 0; i < runs + 1; i++) {
      const a = performance.now();
      const res = await fetch(`${stack.baseUrl}/api/dashboard?year=${year}`, {
        headers: authHeaders(session),
      });
      const body = await res.text();
      const e = performance.now();
      if (res.status !== 200) throw new Error(`dashboard: ${res.status} ${body.slice(0, 300)}`);
      const d = JSON.parse(body) as Dashboard;
      const age = d.sections.find((s) => s.id === 'age');
      const row = age?.rows[1];
      const b = performance.now();
      const dr = await fetch(
        `${stack.baseUrl}/api/dashboard/drill?year=${year}&section=age&key=${row?.key ?? '35-44'}&pageSize=20`,
        { headers: authHeaders(session) },
      );
      const list = (await dr.json()) as DashboardDrillList;
      const f = performance.now();
      if (i === 0) {
        bytes = body.length;
        drillAnswer = `${list.title}: ${int(list.total)} (figure ${int(row?.values[0] ?? -1)})`;
        continue;
      }
      http.push(e - a);
      drill.push(f - b);
    }

    out(`# dashboard API — ${stack.target.label}, ${stack.serverVersion}`);
    out(
      `district: ${int(counts.cadres)} cadres, ${int(counts.units)} units, ${int(counts.gradedTargets)} graded, ` +
        `${int(counts.payLines)} pay lines, ${int(counts.attendance)} attendance rows, ${int(counts.cases)} cases; ` +
        `as orgdept (全部), ${year}; ${runs} runs after one warm-up`,
    );
    out(`sections (rows): ${shape}`);
    let over = 0;
    for (const [id, xs] of perSection) {
      const p50 = stats(xs).p50;
      if (p50 > 300) over++;
      out(`  ${id.padEnd(10)} ${fmt(xs)}${p50 > 300 ? '   OVER 300 ms' : ''}`);
    }
    out(`whole dashboard (service):   ${fmt(whole)}`);
    out(`whole dashboard (HTTP):      ${fmt(http)}   (${int(bytes)} bytes)`);
    out(`drill page (HTTP):           ${fmt(drill)}   ${drillAnswer}`);
    out(`sections over 300 ms (p50): ${over}`);
    out(`peak RSS of this process (app + bench): ${mb(peakRssKb())}`);
  },
);
