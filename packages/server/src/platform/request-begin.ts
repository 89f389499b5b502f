import type pg from 'pg';
import { sessionLookupSql, userScopeFromSessionSql, type SessionRow } from '../modules/auth/session-store.ts';
import { SYSTEM_SCOPE_SQL } from './scope-settings.ts';

/**
 * The start of a request transaction in one round trip: BEGIN, the system context and, for a session id,
 * the session look-up — and with `withUserScope`, the session's user scope set from its row
 * (`userScopeFromSessionSql`) — sent as one simple-protocol query (no parameters). Returns the session's
 * row, undefined when there is none or no id was given; `userScopeSet` when the user scope was set (a
 * session row was found and it was asked for).
 */
export async function beginRequest(
  client: pg.ClientBase,
  sessionId: string | null,
  opts: { withUserScope?: boolean } = {},
): Promise<{ session: SessionRow | undefined; userScopeSet: boolean }> {
  if (sessionId === null) {
    await client.query(`BEGIN; ${SYSTEM_SCOPE_SQL}`);
    return { session: undefined, userScopeSet: false };
  }
  const scope = opts.withUserScope ? `; ${userScopeFromSessionSql(sessionId)}` : '';
  // several statements answer with one result each (pg's typing knows only the single one)
  const results = (await client.query(
    `BEGIN; ${SYSTEM_SCOPE_SQL}; ${sessionLookupSql(sessionId)}${scope}`,
  )) as unknown as pg.QueryResult<SessionRow>[];
  const session = results[2]?.rows[0];
  return { session, userScopeSet: Boolean(opts.withUserScope) && (results[3]?.rowCount ?? 0) > 0 };
}
