/**
 * Idle memory after a compute (issue 10 §12): the real server (a child process started as `npm start`
 * starts it, with its heap cap) on a round of `--targets` targets; its RSS sampled at rest before the
 * compute, and every second for `--watch` seconds after it, with the V8 heap figures the server's
 * diagnostic report gives (`--report-on-signal`) at the end. Budget: ≤ 300 MB RSS at rest.
 *
 *   node --import tsx bench/assessment/idle-memory.ts [--targets 100000] [--ballots 2000000]
 *        [--pack jinan --scheme town-regular] [--watch 60] [--computes 2]
 *        [--server-node-args "…"] [--target embedded|server|all]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { authHeaders, int, login, out, progress, runBench } from '../registry/lib.ts';
import { computeThroughApi, procStatus, ROUND_OPTIONS, seedRound, sleep, startServer } from './round-seed.ts';

const REPO = resolve(import.meta.dirname, '../..');
const NPM_START_HEAP_MB = (
  JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { config: { serverHeapMb: string } }
).config.serverHeapMb;
/** the server at rest: ≤ 300 MB RSS (the guide's idle budget) */
const IDLE_BUDGET_MB = 300;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

interface HeapSpace {
  memorySize: number;
  used: number;
}
interface Report {
  javascriptHeap: {
    totalMemory: number;
    usedMemory: number;
    mallocedMemory: number;
    heapSpaces: Record<string, HeapSpace>;
  };
  resourceUsage: { rss: number };
}

await runBench(
  {
    name: 'idle-memory',
    timeoutS: 3600,
    options: {
      ...ROUND_OPTIONS,
      watch: { type: 'string', default: '60' },
      computes: { type: 'string', default: '2' },
      'server-node-args': { type: 'string', default: '' },
    },
  },
  async (stack, args) => {
    const label = stack.target.label;
    progress(`${label}: ${String(args.targets)} cadres, ${String(args.ballots)} ballots`);
    const { round, targetCount, perTarget } = await seedRound(stack, args);

    const reports = mkdtempSync(join(tmpdir(), 'ganbu-idle-report-'));
    const nodeArgs = [
      ...String(args['server-node-args']).split(/\s+/).filter(Boolean),
      '--report-on-signal',
      '--report-signal=SIGUSR2',
      `--report-directory=${reports}`,
      '--report-exclude-network',
    ];
    const server = await startServer(stack, Number(NPM_START_HEAP_MB), nodeArgs);
    const pid = server.proc.pid!;
    const session = await login({ ...stack, baseUrl: server.base }, 'orgdept');

    /** the peak RSS of `seconds` of rest, sampled every 250 ms */
    const restingKb = async (seconds: number) => {
      let peak = 0;
      for (let k = 0; k < seconds * 4; k++) {
        peak = Math.max(peak, procStatus(pid).rssKb);
        await sleep(250);
      }
      return peak;
    };
    const heapReport = async (): Promise<Report> => {
      for (const f of readdirSync(reports)) rmSync(join(reports, f));
      process.kill(pid, 'SIGUSR2');
      for (let k = 0; k < 100; k++) {
        const f = readdirSync(reports)[0];
        if (f) {
          await sleep(200);
          return JSON.parse(readFileSync(join(reports, f), 'utf8')) as Report;
        }
        await sleep(100);
      }
      throw new Error('no diagnostic report');
    };
    const heapLine = (r: Report) => {
      const h = r.javascriptHeap;
      const old = h.heapSpaces.old_space;
      return `V8 heap ${(h.totalMemory / 2 ** 20).toFixed(0)} MB reserved, ${(h.usedMemory / 2 ** 20).toFixed(0)} MB used (old space ${((old?.memorySize ?? 0) / 2 ** 20).toFixed(0)} / ${((old?.used ?? 0) / 2 ** 20).toFixed(0)} MB; malloc ${(h.mallocedMemory / 2 ** 20).toFixed(0)} MB)`;
    };

    const freshKb = await restingKb(5);
    const freshHeap = heapLine(await heapReport());
    const series: { at: number; rssKb: number }[] = [];
    const peaks: number[] = [];
    for (let i = 0; i < Number(args.computes); i++) {
      progress(`${label}: compute ${i + 1}`);
      await computeThroughApi(server.base, authHeaders(session), round.id);
      peaks.push(procStatus(pid).hwmKb);
    }
    const watch = Number(args.watch);
    for (let s = 0; s <= watch; s++) {
      series.push({ at: s, rssKb: procStatus(pid).rssKb });
      if (s < watch) await sleep(1000);
    }
    const afterHeap = heapLine(await heapReport());
    const settled = series.filter((p) => p.at >= 10 && p.at <= 15);
    // with --watch under 10 s, the last sample stands in
    const at10 = Math.max(...(settled.length ? settled : series.slice(-1)).map((p) => p.rssKb));
    const last = series.at(-1)!.rssKb;

    out();
    out(`== idle memory after a compute · ${label} · ${stack.serverVersion}`);
    out(
      `   ${int(targetCount)} targets, ${int(targetCount * perTarget)} ballots; server heap cap ${NPM_START_HEAP_MB} MB; load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    out(`   at rest before the compute (peak of 5 s): ${mb(freshKb)}; ${freshHeap}`);
    out(`   peak during ${peaks.length} compute(s): ${peaks.map(mb).join(', ')} (VmHWM)`);
    out(
      `   RSS after the compute, s → MB: ${series
        .filter((p) => p.at % 5 === 0)
        .map((p) => `${p.at}:${(p.rssKb / 1024).toFixed(0)}`)
        .join(' ')}`,
    );
    out(`   at rest 10–15 s after: ${mb(at10)}; ${watch} s after: ${mb(last)}; ${afterHeap}`);
    out(
      `   idle budget ${IDLE_BUDGET_MB} MB: ${at10 <= IDLE_BUDGET_MB * 1024 ? 'met' : 'EXCEEDED'} at 10–15 s, ${last <= IDLE_BUDGET_MB * 1024 ? 'met' : 'EXCEEDED'} at ${watch} s`,
    );
    rmSync(reports, { recursive: true, force: true });
  },
);
