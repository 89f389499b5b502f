/**
 * The request floor under the roster's HTTP / SQL ratio (issue 10 §8): what a request costs before and
 * around its query, measured from outside and interleaved on one server —
 * - `GET /api/health`: Fastify and the client's `fetch`, no session, no database;
 * - `GET /api/auth/me`: the same plus the session's request transaction (BEGIN, system context, session,
 *   user scope in one round trip; the account read; COMMIT);
 * - the roster's cheap sort (by rank) with 1 and with 20 rows a page: the same plus the roster's two
 *   statements, and per row the decryption, masking, response check and JSON.
 * The difference `me − health` is the request transaction, `roster20 − roster1` what 19 rows add.
 *
 *   node --import tsx bench/registry/request-floor.ts [--requests 300] [--warmup 30] [--target embedded|server]
 */
import { loadavg } from 'node:os';
import { authHeaders, login, ms, out, runBench, stats } from './lib.ts';

const URLS = {
  health: '/api/health',
  me: '/api/auth/me',
  roster1: '/api/cadres?sort=rank&order=desc&pageSize=1&page=2',
  roster20: '/api/cadres?sort=rank&order=desc&pageSize=20&page=2',
} as const;

await runBench(
  {
    name: 'request-floor',
    timeoutS: 900,
    options: {
      requests: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '30' },
    },
  },
  async (stack, args) => {
    const requests = Number(args.requests);
    const warmup = Number(args.warmup);
    const headers = authHeaders(await login(stack, 'orgdept'));
    const samples = new Map<string, number[]>(Object.keys(URLS).map((k) => [k, []]));
    for (let i = 0; i < warmup + requests; i++)
      for (const [key, url] of Object.entries(URLS)) {
        const t0 = performance.now();
        const res = await fetch(`${stack.baseUrl}${url}`, { headers, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        const dt = performance.now() - t0;
        if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
        if (i >= warmup) samples.get(key)!.push(dt);
      }
    out(
      `request floor (${stack.target.label}; ${requests} requests each, interleaved; load ${loadavg()[0]!.toFixed(2)})`,
    );
    for (const [key, list] of samples) {
      const s = stats(list);
      out(
        `  ${key.padEnd(9)} ${URLS[key as keyof typeof URLS].padEnd(52)} p50 ${ms(s.p50).padStart(5)}  p95 ${ms(s.p95).padStart(5)} ms`,
      );
    }
    const p50 = (k: string) => stats(samples.get(k)!).p50;
    out(
      `  the request transaction (me − health) ${ms(p50('me') - p50('health'))} ms; 19 more rows (roster20 − roster1) ${ms(p50('roster20') - p50('roster1'))} ms (p50)`,
    );
  },
);
