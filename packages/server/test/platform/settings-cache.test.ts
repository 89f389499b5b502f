import { DEFAULT_SESSION_POLICY, GOVERNMENT_PASSWORD_POLICY } from '@ganbu/core';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SECURITY_SETTINGS_TTL_MS, SecuritySettingsCache } from '../../src/modules/settings/cache.ts';

/** A client whose settings row is `idleMinutes`; counts the statements it answers. */
function fakeClient(idle: { minutes: number }, gate?: Promise<void>) {
  const client = {
    reads: 0,
    async query() {
      client.reads++;
      const value = {
        password: GOVERNMENT_PASSWORD_POLICY,
        session: { ...DEFAULT_SESSION_POLICY, idleMinutes: idle.minutes },
      };
      if (gate) await gate;
      return { rows: [{ value }] };
    },
  };
  return client;
}
const asClient = (c: ReturnType<typeof fakeClient>) => c as unknown as pg.Client;

describe('[platform] security settings cache', () => {
  it('reads once per TTL, again after it, and at once after an invalidation', async () => {
    expect(SECURITY_SETTINGS_TTL_MS).toBe(5_000);
    let now = 0;
    const cache = new SecuritySettingsCache(5_000, () => now);
    const idle = { minutes: 30 };
    const c = fakeClient(idle);
    expect((await cache.get(asClient(c))).session.idleMinutes).toBe(30);
    idle.minutes = 10;
    now = 4_999;
    expect([(await cache.get(asClient(c))).session.idleMinutes, c.reads]).toEqual([30, 1]);
    now = 5_000;
    expect([(await cache.get(asClient(c))).session.idleMinutes, c.reads]).toEqual([10, 2]);
    idle.minutes = 20;
    cache.invalidate();
    expect([(await cache.get(asClient(c))).session.idleMinutes, c.reads]).toEqual([20, 3]);
    expect([(await cache.get(asClient(c))).session.idleMinutes, c.reads]).toEqual([20, 3]);
  });

  it('does not keep a value read before an invalidation', async () => {
    const cache = new SecuritySettingsCache(5_000, () => 0);
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = fakeClient({ minutes: 30 }, gate);
    const pending = cache.get(asClient(slow));
    cache.invalidate(); // the settings were saved while the read was under way
    open();
    expect((await pending).session.idleMinutes).toBe(30);
    const fresh = fakeClient({ minutes: 15 });
    expect([(await cache.get(asClient(fresh))).session.idleMinutes, fresh.reads]).toEqual([15, 1]);
  });
});
