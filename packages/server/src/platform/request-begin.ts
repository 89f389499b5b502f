import type pg from 'pg';
import { sessionLookupSql, type SessionRow } from '../modules/auth/session-store.ts';
import { SYSTEM_SCOPE_SQL } from './scope-settings.ts';

/**
 * The start of a request transaction in one round trip: BEGIN, the system context and, for a session id,
 * the session look-up, sent as one simple-protocol query (three statements, no parameters). Returns the
 * session's row, undefined when there is none or no id was given.
 */
export async function beginRequest(
  client: pg.ClientBase,
  sessionId: string | null,
): Promise<SessionRow | undefined> {
  if (sessionId === null) {
    await client.query(`BEGIN; ${SYSTEM_SCOPE_SQL}`);
    return undefined;
  }
  // several statements answer with one result each (pg's typing knows only the single one)
  const results = (await client.query(
    `BEGIN; ${SYSTEM_SCOPE_SQL}; ${sessionLookupSql(sessionId)}`,
  )) as unknown as pg.QueryResult<SessionRow>[];
  return results[2]?.rows[0];
}
