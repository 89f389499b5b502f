import type pg from 'pg';
import { appendAudit } from '../platform/audit-writer.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { DemoSeedContext } from './context.ts';

/**
 * The demo seed acting as a demo account: modules' demo steps make their data through their own services
 * (as the product makes it), which take a request context. The audit rows are written with the seed's clock
 * and seal, and no client address.
 */

/** The demo account `username` as an actor (null when the accounts step did not create it). */
export async function demoActor(ctx: DemoSeedContext, username: string): Promise<Actor | null> {
  return actorOfUsername(ctx.client, username);
}

/**
 * The account `username` as an actor with its own roles and scope, outside any session (no session id, no
 * CSRF token): what acts for the demo seed, and the reader the tests put in a request-like transaction.
 */
export async function actorOfUsername(client: pg.ClientBase, username: string): Promise<Actor | null> {
  const { rows } = await client.query<{
    id: string;
    roles: Actor['roles'];
    scope_mode: Actor['scopeMode'];
    org_id: string;
    org_path: string;
    cadre_id: string | null;
  }>(
    `SELECT id, roles, scope_mode, org_id, org_path::text AS org_path, cadre_id FROM users WHERE username = $1`,
    [username],
  );
  const u = rows[0];
  if (!u) return null;
  return {
    userId: u.id,
    sessionId: '',
    username,
    roles: u.roles,
    scopeMode: u.scope_mode,
    orgId: u.org_id,
    orgPath: u.org_path,
    cadreId: u.cadre_id,
    csrfToken: '',
    mustChangePassword: false,
    mustEnrolTotp: false,
  };
}

/** A request context of the seed's transaction acting as `actor` (the caller sets the scope it needs). */
export function demoRequestContext(ctx: DemoSeedContext, actor: Actor): RequestContext {
  const { client } = ctx;
  return {
    client: client as RequestContext['client'],
    actor,
    now: ctx.now,
    clientAddress: '',
    audited: false,
    audit: (entry) =>
      appendAudit(client, { ...entry, at: ctx.now, actor: null, clientAddress: null, sealWith: ctx.cipher }),
  };
}
