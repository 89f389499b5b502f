import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { setSystemScope } from '../../src/platform/scope-settings.ts';
import type { TestDb } from '../helpers.ts';

/**
 * Run `fn` in one transaction of the app role in the system scope (as the demo seed does): factories
 * write through the repositories the app uses, so row-level security and constraints still apply.
 */
export async function asSystem<T>(db: TestDb, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await setSystemScope(client);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

/** A short token unique in this test run (org codes are ltree labels: letters and digits only). */
export function uniqueToken(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}
