/**
 * Dashboard benchmark (issue 16, R-RPT-1): `GET /api/dashboard` of the district (组织部, 全部) over 100,000
 * cadres on the embedded PostgreSQL (and DATABASE_URL when set): every section's query time (the `queryMs`
 * the answer carries; target ≤ 300 ms each), the whole answer through HTTP, and a drill-down page and its
 * total; p50/p95 over the runs after one warm-up, and this process's peak RSS (the app runs in it).
 *
 *   npx node --import tsx bench/dashboard/api.ts [--cadres 100000] [--runs 5] [--slow-runs 2] [--skip-slow]
 */
import { loadavg } from 'node:os';
import { DASHBOARD_SECTION_IDS, type Dashboard, type DashboardDrillList } from '@ganbu/core';
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
import { backendPid, sample } from '../lib/cpu.ts';

/** the sections that call another module's whole computation (speed15 is moving them into SQL) */
const SLOW = new Set<string>(['training', 'care']);

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
      'slow-runs': { type: 'string', default: '2' },
      /** time only the quick sections (the slow ones' figures are known to be seconds) */
      'skip-slow': { type: 'boolean', default: false },
    },
  },
  async (stack, args) => {
    const runs = Number(args.runs);
    const slowRuns = Number(args['slow-runs']);
    const skipSlow = args['skip-slow'] === true;
    const year = 2026;
    progress(`seeding a district of ${int(Number(args.cadres))} cadres with a year of data`);
    const t0 = performance.now();
    const counts = await seedDashboardDistrict(stack.admin, { cadres: Number(args.cadres), year });
    progress(`  seeded in ${ms(performance.now() - t0)} ms`);
    resetPeakRss();

    // ---------------------------------------------------------------- per section (the service, orgdept scope)
    // each section asked alone (`sections=<id>`), as a page asking the quick ones first would; the sections
    // that call another module's whole computation (training, care) get `--slow-runs` runs
    const actor = await actorOf(stack, 'orgdept');
    const perSection = new Map<string, number[]>();
    const cpuOf = new Map<string, number[]>();
    const shape: string[] = [];
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
      const pid = await backendPid(client);
      for (const id of DASHBOARD_SECTION_IDS) {
        if (skipSlow && SLOW.has(id)) continue;
        const n = SLOW.has(id) ? slowRuns : runs;
        const xs: number[] = [];
        const cs: number[] = [];
        for (let i = 0; i < n + 1; i++) {
          const { value: d, s } = await sample(pid, () => getDashboard(ctx, { year, sections: id }));
          const x = d.sections[0];
          if (!x) break;
          if (i === 0) shape.push(`${id} ${x.rows.length}`);
          else {
            xs.push(x.queryMs);
            if (s.cpuMs !== null) cs.push(s.cpuMs);
          }
        }
        if (xs.length) {
          perSection.set(id, xs);
          if (cs.length) cpuOf.set(id, cs);
          progress(`  ${id}: ${fmt(xs)}`);
        }
      }
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }

    // ---------------------------------------------------------------- through HTTP, as the page asks
    const session = await login(stack, 'orgdept');
    const quick = DASHBOARD_SECTION_IDS.filter((id) => !SLOW.has(id)).join(',');
    const timeHttp = async (query: string, n: number) => {
      const xs: number[] = [];
      let bytes = 0;
      let d: Dashboard | null = null;
      for (let i = 0; i < n + 1; i++) {
        const a = performance.now();
        const res = await fetch(`${stack.baseUrl}/api/dashboard?${query}`, { headers: authHeaders(session) });
        const body = await res.text();
        const e = performance.now();
        if (res.status !== 200) throw new Error(`dashboard: ${res.status} ${body.slice(0, 300)}`);
        d = JSON.parse(body) as Dashboard;
        bytes = body.length;
        if (i > 0) xs.push(e - a);
      }
      return { xs, bytes, d };
    };
    const quickHttp = await timeHttp(`year=${year}&sections=${quick}`, runs);
    progress(`  quick sections over HTTP: ${fmt(quickHttp.xs)}`);
    const wholeHttp = skipSlow ? { xs: [0], bytes: 0 } : await timeHttp(`year=${year}`, slowRuns);
    progress(`  whole answer over HTTP: ${fmt(wholeHttp.xs)}`);
    const age = quickHttp.d?.sections.find((x) => x.id === 'age');
    const row = age?.rows[1];
    const drill: number[] = [];
    let drillAnswer = '';
    for (let i = 0; i < runs + 1; i++) {
      const b = performance.now();
      const dr = await fetch(
        `${stack.baseUrl}/api/dashboard/drill?year=${year}&section=age&key=${row?.key ?? '35-44'}&pageSize=20`,
        { headers: authHeaders(session) },
      );
      const list = (await dr.json()) as DashboardDrillList;
      const f = performance.now();
      if (i === 0) drillAnswer = `${list.title}: ${int(list.total)} (figure ${int(row?.values[0] ?? -1)})`;
      else drill.push(f - b);
    }

    out(`# dashboard API — ${stack.target.label}, ${stack.serverVersion}`);
    out(
      `district: ${int(counts.cadres)} cadres, ${int(counts.units)} units, ${int(counts.gradedTargets)} graded, ` +
        `${int(counts.payLines)} pay lines, ${int(counts.attendance)} attendance rows, ${int(counts.cases)} cases; ` +
        `as orgdept (全部), ${year}; ${runs} runs after one warm-up`,
    );
    out(`sections (rows): ${shape.join(', ')}`);
    let over = 0;
    for (const [id, xs] of perSection) {
      const p50 = stats(xs).p50;
      if (p50 > 300) over++;
      const cs = cpuOf.get(id);
      const cpu = cs ? `   CPU p50 ${ms(stats(cs).p50)} ms  max ${ms(stats(cs).max)} ms` : '';
      out(`  ${id.padEnd(10)} ${fmt(xs)}${cpu}${p50 > 300 ? '   OVER 300 ms' : ''}`);
    }
    out(
      `quick sections (all but ${[...SLOW].join(', ')}) over HTTP: ${fmt(quickHttp.xs)}   (${int(quickHttp.bytes)} bytes)`,
    );
    if (!skipSlow) out(`whole dashboard over HTTP:  ${fmt(wholeHttp.xs)}   (${int(wholeHttp.bytes)} bytes)`);
    out(`drill page (HTTP):          ${fmt(drill)}   ${drillAnswer}`);
    out(`sections over 300 ms (p50): ${over}   (load average ${loadavg()[0]!.toFixed(2)})`);
    out(`peak RSS of this process (app + bench): ${mb(peakRssKb())}`);
  },
);
