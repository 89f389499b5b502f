/**
 * Dashboard first paint (issue 16, R-RPT-1): the district's 数据看板 at 100,000 cadres in headless Chromium,
 * as 组织部 opens it — the time from navigation to the first section's chart drawn and to every section's
 * chart drawn (the page sets a performance mark `dashboard-chart-rendered:<section>` when ECharts has
 * finished drawing a section), p50 over the runs. Each run opens the page in a new browser context with the
 * same session (an empty HTTP cache: the app's scripts, ECharts included, are fetched again), on the built web
 * app served by the real app (on the embedded PostgreSQL, and DATABASE_URL when set).
 *
 *   npx vite build (in packages/web), then
 *   node --import tsx bench/dashboard/first-paint.ts [--cadres 100000] [--runs 3]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { chromium } from 'playwright-core';
import { buildApp } from '../../packages/server/src/app.ts';
import { int, ms, onCleanup, out, progress, runBench, stats, type Stack } from '../registry/lib.ts';

const WEB_DIST = resolve(import.meta.dirname, '../../packages/web/dist');
const MARK = 'dashboard-chart-rendered:';
const TARGET_MS = 2000;

/**
 * Cadres spread over every unit, with the fields the dashboard's people sections count (gender, birth date,
 * education, category), so every section has rows to draw. (The API bench of the dashboard seeds the
 * same way; this one needs only a population of the size.)
 */
async function seedCadres(admin: Stack['admin'], n: number): Promise<number> {
  const { rows: have } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cadres`);
  const toAdd = Math.max(0, n - (have[0]?.n ?? 0));
  progress(`seeding ${int(toAdd)} cadres over every unit (the demo district has ${int(have[0]?.n ?? 0)})`);
  await admin.query(
    `WITH o AS (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths, count(*)::int AS n
                  FROM orgs WHERE active AND kind <> 'station')
     INSERT INTO cadres (org_id, org_path, name, gender, birth_date, full_time_education, category)
     SELECT o.ids[1 + g % o.n], o.paths[1 + g % o.n], '看板' || g,
            CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END,
            to_char(date '1962-01-01' + (g * 7 % 14000), 'YYYY-MM-DD'),
            jsonb_build_object('education', (ARRAY['研究生','大学本科','大学本科','大学专科','高中'])[1 + g % 5]),
            (ARRAY['comprehensive','law_enforcement','professional_technical','public_institution'])[1 + g % 4]
       FROM generate_series(1, $1::int) g, o`,
    [toAdd],
  );
  await admin.query('ANALYZE cadres');
  return toAdd;
}

interface Run {
  firstChartMs: number;
  allChartsMs: number;
  apiMs: number;
  charts: number;
}

await runBench(
  {
    name: 'dashboard-first-paint',
    timeoutS: 1800,
    options: {
      cadres: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
    },
  },
  async (stack, args) => {
    if (!existsSync(`${WEB_DIST}/index.html`))
      throw new Error(`no built web app in ${WEB_DIST}: run npx vite build in packages/web first`);
    const nCadres = Number(args.cadres);
    const runs = Number(args.runs);
    const t0 = performance.now();
    await seedCadres(stack.admin, nCadres);
    const { rows: count } = await stack.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cadres`);
    progress(`seeded in ${ms(performance.now() - t0)} ms: ${int(count[0]?.n ?? 0)} cadres`);

    // the same app, serving the built web app too (the bench stack's app serves only the API)
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    const web = await buildApp({
      pool: stack.pool,
      cipher: stack.cipher,
      logger: { level: 'info', stream: sink },
      loginRateMax: 1000,
      config: { webDist: WEB_DIST },
    });
    onCleanup('close web app', () => web.close(), 10_000);
    const baseURL = await web.listen({ host: '127.0.0.1', port: 0 });

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    onCleanup('close browser', () => browser.close(), 10_000);
    const viewport = { width: 1366, height: 768 };
    // log in once; every run gets the session in a fresh context (empty cache)
    const login = await browser.newContext({ viewport, locale: 'zh-CN', baseURL });
    const res = await login.request.post('/api/auth/login', {
      data: { username: 'orgdept', password: 'Demo#2026' },
    });
    if (!res.ok()) throw new Error(`login refused: ${res.status()} ${await res.text()}`);
    const session = await login.storageState();
    await login.close();

    const samples: Run[] = [];
    for (let i = 0; i <= runs; i += 1) {
      const ctx = await browser.newContext({ viewport, locale: 'zh-CN', baseURL, storageState: session });
      const page = await ctx.newPage();
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard', {
        timeout: 120_000,
      });
      await page.goto('/dashboard');
      const dashboard = (await (await answer).json()) as { sections: { id: string; chart: string }[] };
      const charts = dashboard.sections.filter((s) => s.chart !== 'table').length;
      await page.waitForFunction(
        ([mark, n]) =>
          performance.getEntriesByType('mark').filter((m) => m.name.startsWith(mark)).length >= n,
        [MARK, charts] as const,
        { timeout: 120_000 },
      );
      const t = await page.evaluate((mark) => {
        const marks = performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith(mark))
          .map((m) => m.startTime);
        // (evaluated in the page: a resource timing entry; typed by hand, the bench has no DOM types)
        const api = performance
          .getEntriesByType('resource')
          .find((r) => new URL(r.name).pathname === '/api/dashboard') as unknown as
          { responseEnd: number; requestStart: number } | undefined;
        return {
          first: Math.min(...marks),
          all: Math.max(...marks),
          api: api ? api.responseEnd - api.requestStart : NaN,
        };
      }, MARK);
      await ctx.close();
      const run = { firstChartMs: t.first, allChartsMs: t.all, apiMs: t.api, charts };
      // the first run warms the server (plans, the pool's connections) and is not counted
      progress(
        `${i === 0 ? 'warm-up' : `run ${i}`}: first chart ${ms(run.firstChartMs)} ms, all ${charts} charts ` +
          `${ms(run.allChartsMs)} ms (GET /api/dashboard ${ms(run.apiMs)} ms)`,
      );
      if (i > 0) samples.push(run);
    }

    const first = stats(samples.map((s) => s.firstChartMs));
    const all = stats(samples.map((s) => s.allChartsMs));
    const api = stats(samples.map((s) => s.apiMs));
    const list = (k: 'firstChartMs' | 'allChartsMs' | 'apiMs') => samples.map((s) => ms(s[k])).join(', ');
    out(
      `## dashboard first paint — ${stack.target.label} (${stack.serverVersion}), ${int(count[0]?.n ?? 0)} cadres`,
    );
    out();
    out(
      `Chromium headless at 1366×768, 组织部's district dashboard, ${samples.length} runs (after a warm-up), cold cache.`,
    );
    out();
    out('| measure | p50 | max | runs |');
    out('| --- | ---: | ---: | --- |');
    out(
      `| navigation → first chart drawn | ${ms(first.p50)} ms | ${ms(first.max)} | ${list('firstChartMs')} |`,
    );
    out(
      `| navigation → all ${samples[0]?.charts ?? 0} charts drawn | ${ms(all.p50)} ms | ${ms(all.max)} | ${list('allChartsMs')} |`,
    );
    out(`| GET /api/dashboard (in the page) | ${ms(api.p50)} ms | ${ms(api.max)} | ${list('apiMs')} |`);
    out();
    out(
      `First paint target ≤ ${TARGET_MS} ms: ${first.p50 <= TARGET_MS ? 'met' : 'NOT met'} (p50 ${ms(first.p50)} ms).`,
    );
  },
);
