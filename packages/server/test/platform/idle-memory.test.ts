import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createFieldCipher } from '../../src/platform/field-cipher.ts';
import { IDLE_RELEASE, idleRelease, lastResortCollection } from '../../src/platform/idle-memory.ts';
import { TEST_ENCRYPTION_KEY } from '../db-urls.ts';
import { cloneTestDb } from '../helpers.ts';

const MB = 2 ** 20;

/** A hand-driven clock: timers run when `advance` passes their time. */
function fakeTimers() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let seq = 0;
  return {
    setTimer: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn, id: ++seq };
      timers.push(t);
      return t;
    },
    clearTimer: (t: unknown) => {
      timers = timers.filter((x) => x !== t);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    pending: () => timers.length,
  };
}

describe('[platform] memory given back at rest (issue 10 §12)', () => {
  it('the limits: 5 s of rest, above 200 MB, 32 MB grown since the last release', () => {
    expect(IDLE_RELEASE).toEqual({ afterMs: 5_000, aboveBytes: 200 * MB, growthBytes: 32 * MB });
  });

  it('collects once the last request has ended and 5 s passed, only above the size and after growth', () => {
    const clock = fakeTimers();
    let rss = 150 * MB; // the size at the start is the first floor
    let afterCollect = 140 * MB;
    const released: { rssBefore: number; rssAfter: number }[] = [];
    let collections = 0;
    const r = idleRelease({
      ...IDLE_RELEASE,
      rss: () => rss,
      collect: () => {
        collections++;
        rss = afterCollect;
      },
      onRelease: ({ rssBefore, rssAfter }) => released.push({ rssBefore, rssAfter }),
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
    });
    const rest = (size: number) => {
      rss = size;
      r.begin();
      r.end();
      clock.advance(5_000);
    };

    // two requests overlap; a compute grows the process to 600 MB
    r.begin();
    r.begin();
    rss = 600 * MB;
    r.end();
    expect(clock.pending()).toBe(0); // one still in flight: nothing scheduled
    clock.advance(10_000);
    expect(collections).toBe(0);
    r.end();
    clock.advance(4_999);
    expect(collections).toBe(0);
    // a request in the last millisecond of the rest: the release waits for the next rest
    r.begin();
    clock.advance(1);
    expect(collections).toBe(0);
    r.end();
    clock.advance(5_000);
    expect(collections).toBe(1);
    expect(released).toEqual([{ rssBefore: 600 * MB, rssAfter: 140 * MB }]);

    // at or below 200 MB: nothing, however much it grew (140 → 200 MB)
    rest(200 * MB);
    expect(collections).toBe(1);
    // 240 MB: above the limit and 100 MB over the floor of 140 MB; this time the floor stays at 230 MB
    afterCollect = 230 * MB;
    rest(240 * MB);
    expect(collections).toBe(2);
    // above 200 MB but only 31 MB over the floor of 230 MB: nothing; 32 MB over it: released
    rest(261 * MB);
    expect(collections).toBe(2);
    rest(262 * MB);
    expect(collections).toBe(3);
    expect(released.at(-1)).toEqual({ rssBefore: 262 * MB, rssAfter: 230 * MB });
    // after stop, nothing more runs
    rss = 800 * MB;
    r.begin();
    r.end();
    r.stop();
    clock.advance(5_000);
    expect([collections, clock.pending()]).toEqual([3, 0]);
  });

  it('the last-resort collection gives the pages of a large dropped heap back to the system', () => {
    const collect = lastResortCollection();
    collect();
    const before = process.memoryUsage.rss();
    let garbage: { a: number; b: string; c: number[] }[] | null = [];
    for (let i = 0; i < 2_000_000; i++) garbage.push({ a: i, b: String(i), c: [i, i + 1] });
    const grown = process.memoryUsage.rss();
    expect(grown - before).toBeGreaterThan(200 * MB);
    garbage = null;
    collect();
    const after = process.memoryUsage.rss();
    // what the allocation took, given back but for a margin (a plain major collection keeps it all pooled)
    expect(after - before).toBeLessThan(60 * MB);
  });

  it('a server built with it releases after its requests end (a real socket: the response closes)', async () => {
    const db = await cloneTestDb();
    const releases: number[] = [];
    const app = await buildApp({
      pool: db.pool,
      cipher: createFieldCipher(TEST_ENCRYPTION_KEY),
      logger: false,
      releaseMemoryAtRest: {
        afterMs: 50,
        aboveBytes: 0,
        growthBytes: -Infinity,
        onRelease: (r) => releases.push(r.rssAfter),
      },
    });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const res = await fetch(`${address}/api/health`);
      expect(res.status).toBe(200);
      await res.text();
      await new Promise((r) => setTimeout(r, 400));
      expect(releases).toHaveLength(1);
      // a rest without a request in between releases nothing more
      await new Promise((r) => setTimeout(r, 200));
      expect(releases).toHaveLength(1);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
