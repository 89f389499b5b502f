import type { AuditEntry, AuditQuery } from '@ganbu/core';
import type pg from 'pg';

interface AuditRow {
  id: string;
  at: Date;
  actor_username: string | null;
  actor_roles: string[];
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'failure';
  client_address: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorUsername: r.actor_username,
    actorRoles: r.actor_roles,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    result: r.result,
    clientAddress: r.client_address,
    before: r.before,
    after: r.after,
    hash: r.hash,
  };
}

function whereOf(q: Omit<AuditQuery, 'page' | 'pageSize'>): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    params.push(v);
    parts.push(cond.replace('?', `$${params.length}`));
  };
  if (q.from) add('at >= ?', q.from);
  if (q.to) add('at <= ?', q.to);
  if (q.actor) add('actor_username = ?', q.actor);
  if (q.action)
    add(
      "action LIKE ? || '%'",
      q.action.replace(/[%_\\]/g, (c) => '\\' + c),
    );
  if (q.objectType) add('object_type = ?', q.objectType);
  if (q.result) add('result = ?', q.result);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const COLUMNS = `id::text, at, actor_username, actor_roles, action, object_type, object_id, result, client_address, before, after, hash`;
// `id` alone in ORDER BY would name the text output column above and sort 9 before 57: order by the
// table's bigint id (its insertion order, the time order of the chain)
const NEWEST_FIRST = 'ORDER BY audit_log.id DESC';

export async function listAudit(
  client: pg.ClientBase,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  const w = whereOf(q);
  const total = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log ${w.sql}`,
    w.params,
  );
  const { rows } = await client.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit_log ${w.sql} ${NEWEST_FIRST} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    w.params,
  );
  return { items: rows.map(toEntry), total: total.rows[0]?.n ?? 0 };
}

/**
 * Rows for export, newest first, in batches (keyset paging on the bigint id) so a large log is never held
 * in memory at once; every row exactly once.
 */
export async function* auditBatches(
  client: pg.ClientBase,
  q: Omit<AuditQuery, 'page' | 'pageSize'>,
  batch = 2000,
) {
  let lastId: string | null = null;
  for (;;) {
    const w = whereOf(q);
    const params: unknown[] = lastId === null ? w.params : [...w.params, lastId];
    const keyset: string =
      lastId === null ? '' : `${w.sql ? ' AND' : 'WHERE'} audit_log.id < $${params.length}::bigint`;
    const { rows }: { rows: AuditRow[] } = await client.query<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log ${w.sql}${keyset} ${NEWEST_FIRST} LIMIT ${batch}`,
      params,
    );
    if (rows.length === 0) return;
    yield rows.map(toEntry);
    lastId = rows[rows.length - 1]?.id ?? null;
    if (rows.length < batch) return;
  }
}

/** One row of the chain as the verifier walks it; `contentOk`: the stored hash matches the row's content. */
export interface ChainRow {
  id: string;
  hash: string;
  prevHash: string;
  mac: string | null;
  contentOk: boolean;
}

/** The chain in id order, `limit` rows after `afterId` (keyset paging: the log is never held at once). */
export async function chainBatch(
  client: pg.ClientBase,
  afterId: string | null,
  limit: number,
): Promise<ChainRow[]> {
  const { rows } = await client.query<ChainRow>(
    `SELECT a.id::text, a.hash, a.prev_hash AS "prevHash", a.mac, audit_row_hash(a) = a.hash AS "contentOk"
       FROM audit_log a WHERE a.id > $1::bigint ORDER BY a.id LIMIT $2`,
    [afterId ?? '0', limit],
  );
  return rows;
}

/**
 * The chain's last row (id, hash, seal), and the hash and seal of row `recordedId` (null when absent),
 * through the reviewed function: the app role reads nothing else of the log.
 */
export async function chainHead(
  client: pg.ClientBase | pg.Pool,
  recordedId: string | null,
): Promise<{
  id: string;
  hash: string;
  mac: string | null;
  recorded: { hash: string; mac: string | null } | null;
} | null> {
  const { rows } = await client.query<{
    id: string | null;
    hash: string;
    mac: string | null;
    recorded_hash: string | null;
    recorded_mac: string | null;
  }>(
    `SELECT head_id::text AS id, head_hash AS hash, head_mac AS mac, recorded_hash, recorded_mac
       FROM audit_head($1::bigint)`,
    [recordedId],
  );
  const r = rows[0];
  if (!r?.id) return null;
  const recorded = r.recorded_hash === null ? null : { hash: r.recorded_hash, mac: r.recorded_mac };
  return { id: r.id, hash: r.hash, mac: r.mac, recorded };
}
