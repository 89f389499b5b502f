import { actorOfUsername } from '../../src/demo/acting.ts';
import type { Actor, RequestContext } from '../../src/platform/context.ts';
import { setScope } from '../../src/platform/scope-settings.ts';
import type { TestApp } from '../helpers.ts';

/**
 * Readers of a round in a request-like transaction, for the tests of the tally's statements under row-level
 * security: a seeded account as an actor, with its own scope or another one (a narrower reader of the same
 * round), and `fn` run as the app role under that actor's scope, rolled back.
 */

export async function readerActor(
  t: TestApp,
  username: string,
  scope?: { mode: Actor['scopeMode']; path: string },
): Promise<Actor> {
  const actor = await actorOfUsername(t.db.admin, username);
  if (!actor) throw new Error(`no seeded account ${username}`);
  return scope ? { ...actor, scopeMode: scope.mode, orgPath: scope.path } : actor;
}

export async function asReader<T>(
  t: TestApp,
  who: Actor,
  fn: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const client = await t.db.pool.connect();
  try {
    await client.query('BEGIN');
    await setScope(client, who);
    return await fn({
      client,
      actor: who,
      now: new Date(),
      clientAddress: '127.0.0.1',
      audited: false,
      audit: async () => undefined,
    });
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}
