import type pg from 'pg';
import type { Actor } from './context.ts';

/** Set the transaction-local GUCs that the row-level security policies read. */
export async function setScope(client: pg.ClientBase, actor: Actor): Promise<void> {
  await client.query(
    `SELECT set_config('app.context', 'user', true), set_config('app.user_id', $1, true),
            set_config('app.scope_mode', $2, true), set_config('app.scope_path', $3, true),
            set_config('app.cadre_id', $4, true), set_config('app.roles', $5, true)`,
    [actor.userId, actor.scopeMode, actor.orgPath, actor.cadreId ?? '', actor.roles.join(',')],
  );
}

/** The statement that sets the 'system' context (no parameters: it may share a round trip with BEGIN). */
export const SYSTEM_SCOPE_SQL = `SELECT set_config('app.context', 'system', true), set_config('app.user_id', '', true),
            set_config('app.scope_mode', 'all', true), set_config('app.scope_path', '', true),
            set_config('app.cadre_id', '', true), set_config('app.roles', '', true)`;

/** The 'system' context: used only for login, session look-up and seeding; sees every row. */
export async function setSystemScope(client: pg.ClientBase): Promise<void> {
  await client.query(SYSTEM_SCOPE_SQL);
}

/** Drop every scope setting: nothing is visible after this. */
export async function clearScope(client: pg.ClientBase): Promise<void> {
  await client.query(
    `SELECT set_config('app.context', '', true), set_config('app.user_id', '', true),
            set_config('app.scope_mode', '', true), set_config('app.scope_path', '', true),
            set_config('app.cadre_id', '', true), set_config('app.roles', '', true)`,
  );
}
