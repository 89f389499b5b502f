/**
 * Dashboard first paint (issue 16, R-RPT-1): the district's 数据看板 at 100,000 cadres in headless Chromium,
 * as 组织部 opens it — the time from navigation to the first section's chart drawn and to every section's
 * chart drawn (the page sets a performance mark `dashboard-chart-rendered:<section>` when ECharts has
 * finished drawing a section; the page asks the quick sections first and training and care after), p50 over
 * the runs. Each run opens the page in a new browser context with the
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
import { int, ms, onCleanup, out, progress, runBench, stats } from '../registry/lib.ts';
import { seedDashboardDistrict } from './seed.ts';

const WEB_DIST = resolve(import.meta.dirname, '../../packages/web/dist');
const MARK = 'dashboard-chart-rendered:';
const TARGET_MS = 2000;

/** The little of the page's document the wait reads. */
interface PageDocument {
  querySelectorAll(selector: string): { length: number };
  querySelector(selector: string): unknown;
}

interface Run {
  firstChartMs: number;
  allChartsMs: number;
  quickApiMs: number;
  slowApiMs: number;
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
    // dashserver's seeding (cadres, a published annual round, an approved pay run, training, cases)
    const seeded = await seedDashboardDistrict(stack.admin, {
      cadres: nCadres,
      year: new Date().getFullYear(),
    });
    progress(`seeded: ${JSON.stringify(seeded)}`);
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
      await page.goto('/dashboard');
      // the quick sections, then the slow ones (training, care): done when the loading card has gone and every
      // card with a chart has its performance mark
      // (evaluated in the page, whose CSP allows no string eval; the document typed by hand: no DOM types here)
      await page.waitForFunction(
        (mark) => {
          const doc = (globalThis as unknown as { document: PageDocument }).document;
          const cards = doc.querySelectorAll('[data-has-chart]').length;
          const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith(mark)).length;
          return cards > 0 && !doc.querySelector('[data-testid="dash-more"]') && marks >= cards;
        },
        MARK,
        { timeout: 300_000 },
      );
      const charts = await page.locator('[data-has-chart]').count();
      const t = await page.evaluate((mark) => {
        const marks = performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith(mark))
          .map((m) => m.startTime);
        // (evaluated in the page: resource timing entries; typed by hand, the bench has no DOM types)
        const api = performance
          .getEntriesByType('resource')
          .filter((r) => new URL(r.name).pathname === '/api/dashboard') as unknown as Array<{
          responseEnd: number;
          requestStart: number;
        }>;
        return {
          first: Math.min(...marks),
          all: Math.max(...marks),
          quickApi: api[0] ? api[0].responseEnd - api[0].requestStart : NaN,
          slowApi: api[1] ? api[1].responseEnd - api[1].requestStart : NaN,
        };
      }, MARK);
      await ctx.close();
      const run = {
        firstChartMs: t.first,
        allChartsMs: t.all,
        quickApiMs: t.quickApi,
        slowApiMs: t.slowApi,
        charts,
      };
      // the first run warms the server (plans, the pool's connections) and is not counted
      progress(
        `${i === 0 ? 'warm-up' : `run ${i}`}: first chart ${ms(run.firstChartMs)} ms, all ${charts} charts ` +
          `${ms(run.allChartsMs)} ms (GET /api/dashboard quick sections ${ms(run.quickApiMs)} ms, slow ${ms(run.slowApiMs)} ms)`,
      );
      if (i > 0) samples.push(run);
    }

    const first = stats(samples.map((s) => s.firstChartMs));
    const all = stats(samples.map((s) => s.allChartsMs));
    const quickApi = stats(samples.map((s) => s.quickApiMs));
    const slowApi = stats(samples.map((s) => s.slowApiMs));
    const list = (k: 'firstChartMs' | 'allChartsMs' | 'quickApiMs' | 'slowApiMs') =>
      samples.map((s) => ms(s[k])).join(', ');
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
    out(
      `| GET /api/dashboard, quick sections (in the page) | ${ms(quickApi.p50)} ms | ${ms(quickApi.max)} | ${list('quickApiMs')} |`,
    );
    out(
      `| GET /api/dashboard, training and care (after) | ${ms(slowApi.p50)} ms | ${ms(slowApi.max)} | ${list('slowApiMs')} |`,
    );
    out();
    out(
      `First paint target ≤ ${TARGET_MS} ms: ${first.p50 <= TARGET_MS ? 'met' : 'NOT met'} (p50 ${ms(first.p50)} ms).`,
    );
  },
);
