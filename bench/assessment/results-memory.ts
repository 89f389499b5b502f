/**
 * Results memory benchmark (issue 10 §9): a 100,000-target round's results read through the real server —
 * the first page, a deep page by rank and by total, one target's explanation, the calibration view's quota
 * summary, and the whole Excel export
 * — while the server child's RSS is sampled. Prints each read's time and peak RSS; exits 1 when any peak
 * passes the 1 GB budget. The round is `tally.ts`'s (round-seed.ts), computed through the API first.
 *
 *   node --import tsx bench/assessment/results-memory.ts [--targets 100000] [--ballots 2000000]
 *        [--pack jinan --scheme town-regular] [--server-heap-mb N] [--target embedded|server|all]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { authHeaders, int, login, mb, ms, out, progress, runBench } from '../registry/lib.ts';
import { computeThroughApi, procStatus, ROUND_OPTIONS, seedRound, startServer } from './round-seed.ts';

const REPO = resolve(import.meta.dirname, '../..');
/** the heap cap `npm start` gives the server (package.json config.serverHeapMb) */
const NPM_START_HEAP_MB = (
  JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { config: { serverHeapMb: string } }
).config.serverHeapMb;
const RSS_BUDGET_KB = 1024 * 1024;

await runBench(
  {
    name: 'results-memory',
    timeoutS: 3600,
    options: {
      ...ROUND_OPTIONS,
      'server-heap-mb': { type: 'string', default: '' },
    },
  },
  async (stack, args) => {
    const label = stack.target.label;
    const g0 = performance.now();
    progress(`${label}: ${String(args.targets)} cadres, ${String(args.ballots)} ballots`);
    const { round, targetCount, perTarget } = await seedRound(stack, args);
    const genS = (performance.now() - g0) / 1000;

    const heapMb = Number(args['server-heap-mb'] || NPM_START_HEAP_MB) || null;
    const server = await startServer(stack, heapMb, []);
    const pid = server.proc.pid!;
    const session = await login({ ...stack, baseUrl: server.base }, 'orgdept');
    const headers = authHeaders(session);

    progress(`${label}: compute`);
    const c0 = performance.now();
    await computeThroughApi(server.base, headers, round.id);
    const computeMs = performance.now() - c0;
    await new Promise((r) => setTimeout(r, 5_000));

    /** One read: the server's peak RSS mark reset, the response read to the end, the peak and time kept. */
    const read = async (what: string, path: string) => {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const before = procStatus(pid).rssKb;
      const t0 = performance.now();
      const res = await fetch(`${server.base}${path}`, { headers, signal: AbortSignal.timeout(600_000) });
      const buf = await res.arrayBuffer();
      const time = performance.now() - t0;
      const peak = procStatus(pid).hwmKb;
      const bytes = buf.byteLength;
      const body =
        res.headers.get('content-type')?.includes('json') || res.status !== 200
          ? new TextDecoder().decode(buf)
          : '';
      if (res.status !== 200) throw new Error(`${what}: ${res.status} ${body.slice(0, 500)}`);
      return { what, time, bytes, before, peak, body };
    };
    const base = `/api/assessment/rounds/${round.id}/results`;
    progress(`${label}: reading the results`);
    const first = await read('first page (50, by rank)', `${base}`);
    const page = JSON.parse(first.body) as { total: number; targets: { id: string }[] };
    const lastPage = Math.ceil(page.total / 200);
    const reads = [
      first,
      await read(
        `deep page ${int(lastPage - 10)} of 200 by rank`,
        `${base}?pageSize=200&page=${lastPage - 10}`,
      ),
      await read(
        `deep page ${int(lastPage - 10)} of 200 by total`,
        `${base}?pageSize=200&page=${lastPage - 10}&sort=total`,
      ),
      await read('insufficient, page 2 of 200', `${base}?pageSize=200&page=2&status=insufficient`),
      await read("one target's explanation", `${base}/${page.targets[0]!.id}`),
      // 名额校准 (the organiser's quota summary, every target named): its own route since the page left it
      await read('calibration (quota summary)', `${base}/calibration`),
      await read('the whole Excel export', `${base}.xlsx`),
    ];
    let failed = false;
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');

    out();
    out(`== results memory · ${label} · ${stack.serverVersion}`);
    out(
      `round: ${int(page.total)} targets, ${int(targetCount * perTarget)} ballots; generated in ${genS.toFixed(0)} s; compute ${(computeMs / 1000).toFixed(1)} s; server --max-old-space-size=${heapMb ?? 'none'}; load average ${load}`,
    );
    for (const r of reads) {
      const ok = r.peak <= RSS_BUDGET_KB;
      if (!ok) failed = true;
      out(
        `${r.what.padEnd(34)} ${ms(r.time).padStart(7)} ms  ${(r.bytes / 1024).toFixed(0).padStart(7)} KB  peak RSS ${mb(r.peak)} (before ${mb(r.before)})${ok ? '' : '  OVER BUDGET'}`,
      );
    }
    const peak = Math.max(...reads.map((r) => r.peak));
    out(
      `server peak RSS over the reads: ${mb(peak)}; budget ${mb(RSS_BUDGET_KB)}: ${failed ? 'EXCEEDED' : 'met'}`,
    );
    if (failed) throw new Error('the server passed its memory budget');
  },
);
