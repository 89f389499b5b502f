import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance } from 'fastify';

/**
 * Memory given back at rest. Node 24's V8 keeps the heap pages a large job freed (a tally of 100,000
 * targets, an export, an import) in a pool for reuse instead of returning them: after a compute the heap
 * is ~75 MB again but the process stays at ~400–600 MB resident for as long as it is idle (measured:
 * `bench/assessment/idle-memory.ts`; Node 20 returned them). Only a "last resort" collection empties that
 * pool. So once the server has had no request in flight for `afterMs` and its resident size is above
 * `aboveBytes` and has grown by `growthBytes` since the last release, it runs that collection once
 * (~50–150 ms, while nobody waits). The figures are product limits, not policy.
 */
export const IDLE_RELEASE = {
  /** quiet time before the release: no request in flight for this long */
  afterMs: 5_000,
  /** resident size under which nothing is done (the idle budget is 300 MB) */
  aboveBytes: 200 * 2 ** 20,
  /** growth since the last release without which nothing is done (a floor above `aboveBytes` stays) */
  growthBytes: 32 * 2 ** 20,
} as const;

export interface IdleReleaseOptions {
  afterMs: number;
  aboveBytes: number;
  growthBytes: number;
  /** the process's resident size in bytes */
  rss: () => number;
  /** the collection that gives pooled pages back */
  collect: () => void;
  /** what one release did */
  onRelease?: (r: { rssBefore: number; rssAfter: number; ms: number }) => void;
  /** a timer (Node's is unref'd: a pending release never keeps the process alive) */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export interface IdleRelease {
  /** a request started */
  begin(): void;
  /** a request ended (answered, failed or abandoned) */
  end(): void;
  stop(): void;
}

/** The scheduler alone (plain values: tested with a fake clock, a fake collection and a fake size). */
export function idleRelease(opts: IdleReleaseOptions): IdleRelease {
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
  let inFlight = 0;
  let timer: unknown = null;
  let stopped = false;
  /** the resident size right after the last release (or at the start) */
  let floor = opts.rss();
  const cancel = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const check = () => {
    timer = null;
    if (stopped || inFlight > 0) return;
    const rssBefore = opts.rss();
    if (rssBefore <= opts.aboveBytes || rssBefore - floor < opts.growthBytes) return;
    const t0 = performance.now();
    opts.collect();
    const rssAfter = opts.rss();
    floor = rssAfter;
    opts.onRelease?.({ rssBefore, rssAfter, ms: performance.now() - t0 });
  };
  return {
    begin() {
      inFlight++;
      cancel();
    },
    end() {
      inFlight = Math.max(0, inFlight - 1);
      if (inFlight > 0 || stopped) return;
      cancel();
      const t = setTimer(check, opts.afterMs);
      (t as { unref?: () => void }).unref?.();
      timer = t;
    },
    stop() {
      stopped = true;
      cancel();
    },
  };
}

type LastResortGc = (o: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * V8's collection function (`--expose-gc` set at run time gives new contexts a `gc`), called for a
 * last-resort collection: the one that also empties the page pool.
 */
export function lastResortCollection(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as LastResortGc | undefined;
  if (typeof gc !== 'function') throw new Error('V8 gave no gc function');
  return () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** Counts the app's requests in flight and releases memory once it rests (`IDLE_RELEASE`). */
export function releaseMemoryAtRest(
  app: FastifyInstance,
  opts: Partial<Pick<IdleReleaseOptions, 'afterMs' | 'aboveBytes' | 'growthBytes' | 'onRelease'>> = {},
): IdleRelease {
  let collect: () => void;
  try {
    collect = lastResortCollection();
  } catch (e) {
    // a Node without the run-time gc: the server runs as before, keeping what V8 pools
    app.log.warn({ err: e }, 'memory release at rest unavailable');
    return { begin() {}, end() {}, stop() {} };
  }
  const release = idleRelease({
    ...IDLE_RELEASE,
    rss: () => process.memoryUsage.rss(),
    collect,
    onRelease: (r) =>
      app.log.info(
        {
          rssBeforeMb: Math.round(r.rssBefore / 2 ** 20),
          rssAfterMb: Math.round(r.rssAfter / 2 ** 20),
          ms: Math.round(r.ms),
        },
        'memory released at rest',
      ),
    ...opts,
  });
  app.addHook('onRequest', (req, reply, done) => {
    release.begin();
    // 'close' comes once per response, sent or abandoned
    reply.raw.once('close', () => release.end());
    done();
  });
  app.addHook('onClose', (_app, done) => {
    release.stop();
    done();
  });
  return release;
}
