import { actorOfUsername } from '../../src/demo/acting.ts';
import type { Actor, RequestContext } from '../../src/platform/context.ts';
import { setScope } from '../../src/platform/scope-settings.ts';
import { expect } from 'vitest';
import { injectAs, type Session, type TestApp } from '../helpers.ts';

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

/**
 * A Jinan 平时考核 round (scheme `town-regular`, 2026 Q2) organised at `orgId` by `organiser` over the cadres
 * of `unitIds`; its id and targets in the round's order (sort_order, id).
 */
export async function jinanRound(
  t: TestApp,
  organiser: Session,
  name: string,
  orgId: string,
  unitIds: string[],
): Promise<{ roundId: string; targets: { id: string; unit_id: string }[] }> {
  const created = await injectAs(t, organiser, {
    method: 'POST',
    url: '/api/assessment/rounds',
    payload: {
      name,
      packId: 'jinan',
      schemeId: 'town-regular',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      orgId,
      population: { unitIds },
    },
  });
  expect(created.statusCode, created.body).toBe(200);
  const roundId = created.json<{ id: string }>().id;
  const { rows } = await t.db.admin.query<{ id: string; unit_id: string }>(
    `SELECT id, unit_id FROM assessment_targets WHERE round_id = $1 ORDER BY sort_order, id`,
    [roundId],
  );
  return { roundId, targets: rows };
}
