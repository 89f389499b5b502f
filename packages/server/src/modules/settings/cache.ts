import type { SecuritySettings } from '@ganbu/core';
import type pg from 'pg';
import { loadSecuritySettings } from './repository.ts';

/**
 * How long the request transaction reuses the security settings it read. A change made through this
 * server is seen at once (the route invalidates); one made through another server process, within this.
 */
export const SECURITY_SETTINGS_TTL_MS = 5_000;

/**
 * The security settings for the request transaction (session idle and absolute timeouts, password
 * expiry), read once per `ttlMs` instead of once per request. One per app: each app has its own database.
 */
export class SecuritySettingsCache {
  private value: SecuritySettings | null = null;
  private readAt = 0;
  /** bumped on invalidation: a read that started before it is not kept */
  private generation = 0;

  constructor(
    private readonly ttlMs: number = SECURITY_SETTINGS_TTL_MS,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  async get(client: pg.PoolClient | pg.Client): Promise<SecuritySettings> {
    const now = this.nowMs();
    if (this.value && now - this.readAt < this.ttlMs) return this.value;
    const generation = this.generation;
    const value = await loadSecuritySettings(client);
    if (generation === this.generation) {
      this.value = value;
      this.readAt = now;
    }
    return value;
  }

  /** The cached value while it is fresh, without reading: null when `get` would read. */
  peek(): SecuritySettings | null {
    return this.value && this.nowMs() - this.readAt < this.ttlMs ? this.value : null;
  }

  /** Forget the cached value (the settings were saved). */
  invalidate(): void {
    this.value = null;
    this.generation++;
  }
}
