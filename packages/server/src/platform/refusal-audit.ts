import type { Role } from '@ganbu/core';
import type pg from 'pg';
import { sessionIdOf } from '../modules/auth/session-store.ts';
import { appendAudit } from './audit-writer.ts';
import type { FieldCipher } from './field-cipher.ts';
import { setSystemScope } from './scope-settings.ts';

/**
 * Refused mutating requests (SECURITY 12) without a flood. A refusal whose sender is known (a live
 * session) is audited row by row, as every mutation is. A refusal of an authenticated route to a sender
 * without a session costs no audit row each: the first few of each minute are written in full (time,
 * route, code, address), the rest are counted per route and code in `audit_refusal_counts`, and each
 * closed minute becomes one summary row of the audit log. A flood of any size adds at most
 * INDIVIDUAL_PER_WINDOW + 1 rows a minute.
 */
export const REFUSAL_WINDOW_MS = 60_000;
export const INDIVIDUAL_PER_WINDOW = 5;
/** distinct client addresses kept per route and code in a window (a sample, for the summary row) */
const ADDRESS_SAMPLE = 10;
export const REFUSAL_SUMMARY_ACTION = 'request.refused.summary';

export interface Refusal {
  /** `METHOD /api/route` */
  action: string;
  objectId: string | null;
  code: string;
  at: Date;
  actor: { userId: string; username: string; roles: Role[] } | null;
  clientAddress: string | null;
  /** the audit chain's seal key (audit-writer.ts) */
  sealWith: FieldCipher;
}

/**
 * Audit one refusal in its own transaction on `client` (the request's own was rolled back, or never
 * opened). `sessionToken`: the request's cookie when the session was not resolved yet (refused before its
 * handler); a live session names the actor. `countAnonymous`: count a sender without a session instead of
 * writing a row (authenticated routes; public routes keep one row each, behind their rate limits).
 */
export async function auditRefusal(
  client: pg.ClientBase,
  refusal: Refusal,
  opts: { sessionToken?: string; countAnonymous: boolean },
): Promise<void> {
  await client.query('BEGIN');
  try {
    let actor = refusal.actor;
    if (!actor && opts.sessionToken) actor = await sessionOwner(client, opts.sessionToken);
    if (actor || !opts.countAnonymous) await writeRow(client, { ...refusal, actor });
    else await countAnonymous(client, refusal);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Write the summary rows of every window that closed before `now` (a timer calls it every minute). */
export async function flushRefusalCounts(pool: pg.Pool, now: Date, sealWith: FieldCipher) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await flushClosedWindows(client, windowOf(now), now, sealWith);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

const windowOf = (at: Date) => new Date(Math.floor(at.getTime() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS);

function writeRow(client: pg.ClientBase, r: Refusal) {
  return appendAudit(client, {
    action: r.action,
    objectId: r.objectId,
    result: 'failure',
    after: { code: r.code },
    at: r.at,
    actor: r.actor,
    clientAddress: r.clientAddress,
    sealWith: r.sealWith,
  });
}

/** The account behind a session cookie, or null (no such session, or the account is inactive). */
async function sessionOwner(client: pg.ClientBase, token: string): Promise<Refusal['actor']> {
  await setSystemScope(client);
  const { rows } = await client.query<{ user_id: string; username: string; roles: Role[] }>(
    `SELECT u.id AS user_id, u.username, u.roles FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND u.active`,
    [sessionIdOf(token)],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, username: row.username, roles: row.roles } : null;
}

async function countAnonymous(client: pg.ClientBase, r: Refusal): Promise<void> {
  const window = windowOf(r.at);
  // the window's total ('' route): its row lock orders concurrent refusals, so exactly the first few are
  // written in full
  const { rows } = await client.query<{ count: number }>(
    `INSERT INTO audit_refusal_counts AS c (window_start, action, code, count) VALUES ($1, '', '', 1)
     ON CONFLICT (window_start, action, code) DO UPDATE SET count = c.count + 1 RETURNING count`,
    [window],
  );
  const n = rows[0]?.count ?? 1;
  if (n === 1) await flushClosedWindows(client, window, r.at, r.sealWith);
  if (n <= INDIVIDUAL_PER_WINDOW) {
    await writeRow(client, r);
    return;
  }
  // only a count changes: no need to wait for the WAL flush (a crash may lose a few counts, never a row
  // of the audit log), so a flood does not queue on the disk
  await client.query('SET LOCAL synchronous_commit TO off');
  await client.query(
    `INSERT INTO audit_refusal_counts AS c (window_start, action, code, count, addresses)
     VALUES ($1, $2, $3, 1, CASE WHEN $4::text IS NULL THEN '{}'::text[] ELSE ARRAY[$4::text] END)
     ON CONFLICT (window_start, action, code) DO UPDATE SET count = c.count + 1,
       addresses = CASE WHEN $4::text IS NULL OR $4::text = ANY (c.addresses) OR cardinality(c.addresses) >= $5
                        THEN c.addresses ELSE c.addresses || $4::text END`,
    [window, r.action, r.code, r.clientAddress, ADDRESS_SAMPLE],
  );
}

interface CountRow {
  window_start: Date;
  action: string;
  code: string;
  count: number;
  addresses: string[];
}

/** Move the windows that started before `before` out of the counter table: one summary row each. */
async function flushClosedWindows(
  client: pg.ClientBase,
  before: Date,
  now: Date,
  sealWith: FieldCipher,
): Promise<void> {
  const { rows } = await client.query<CountRow>(
    `DELETE FROM audit_refusal_counts WHERE window_start < $1
     RETURNING window_start, action, code, count, addresses`,
    [before],
  );
  const windows = new Map<number, CountRow[]>();
  for (const row of rows) {
    const key = row.window_start.getTime();
    windows.set(key, [...(windows.get(key) ?? []), row]);
  }
  for (const [start, group] of [...windows].sort((a, b) => a[0] - b[0])) {
    const counted = group
      .filter((g) => g.action !== '')
      .sort((a, b) => a.action.localeCompare(b.action) || a.code.localeCompare(b.code));
    if (counted.length === 0) continue; // every refusal of the window was written in full
    const total = group.find((g) => g.action === '')?.count ?? 0;
    await appendAudit(client, {
      action: REFUSAL_SUMMARY_ACTION,
      result: 'failure',
      after: {
        windowStart: new Date(start).toISOString(),
        windowEnd: new Date(start + REFUSAL_WINDOW_MS).toISOString(),
        total,
        writtenInFull: Math.min(total, INDIVIDUAL_PER_WINDOW),
        counted: counted.map((g) => ({
          action: g.action,
          code: g.code,
          count: g.count,
          addresses: g.addresses,
        })),
      },
      at: now,
      actor: null,
      clientAddress: null,
      sealWith,
    });
  }
}
