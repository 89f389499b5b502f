import type pg from 'pg';
import type { Actor, AuditInput } from './context.ts';

/** Append one row to the hash-chained audit log through the reviewed SECURITY DEFINER function. */
export async function appendAudit(
  client: pg.ClientBase,
  row: Omit<AuditInput, 'actor'> & {
    at: Date;
    actor: Pick<Actor, 'userId' | 'username' | 'roles'> | null;
    clientAddress: string | null;
  },
): Promise<void> {
  await client.query('SELECT audit_append($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)', [
    row.at,
    row.actor?.userId ?? null,
    row.actor?.username ?? null,
    row.actor?.roles ?? [],
    row.action,
    row.objectType ?? null,
    row.objectId ?? null,
    row.result ?? 'success',
    row.clientAddress,
    row.before === undefined ? null : JSON.stringify(row.before),
    row.after === undefined ? null : JSON.stringify(row.after),
  ]);
}
