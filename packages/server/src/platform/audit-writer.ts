import type pg from 'pg';
import type { Actor, AuditInput } from './context.ts';
import type { FieldCipher } from './field-cipher.ts';

/**
 * The keyed seal of an audit row: HMAC-SHA256, with the field key (never in the database), over the row's
 * id and chained hash. A superuser can recompute the plain hash chain, not this.
 */
export function auditSeal(cipher: FieldCipher, id: string, hash: string): string {
  return cipher.blindIndex('audit-chain', `${id}:${hash}`);
}

/**
 * Append one row to the hash-chained audit log through the reviewed SECURITY DEFINER function, and seal
 * it in the same transaction (the chain's advisory lock is held until COMMIT, so it is still the last row).
 */
export async function appendAudit(
  client: pg.ClientBase,
  row: Omit<AuditInput, 'actor'> & {
    at: Date;
    /** null: the system (seed, start-up); a null userId: a named tool such as the CLI */
    actor: (Omit<Pick<Actor, 'userId' | 'username' | 'roles'>, 'userId'> & { userId: string | null }) | null;
    clientAddress: string | null;
    /** the field key's cipher: it seals the row */
    sealWith: FieldCipher;
  },
): Promise<void> {
  const { rows } = await client.query<{ id: string; hash: string }>(
    'SELECT audit_id::text AS id, audit_hash AS hash FROM audit_append($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)',
    [
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
    ],
  );
  const { id, hash } = rows[0] as { id: string; hash: string };
  await client.query('SELECT audit_seal($1, $2)', [id, auditSeal(row.sealWith, id, hash)]);
}
