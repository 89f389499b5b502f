import type { Role, ScopeMode } from '@ganbu/core';
import * as service from '../../src/modules/workflow/service.ts';
import type { Actor, AuditInput } from '../../src/platform/context.ts';
import { setScope } from '../../src/platform/scope-settings.ts';
import type { TestApp } from '../helpers.ts';

export interface Person {
  id: string;
  username: string;
  roles: Role[];
  scopeMode: ScopeMode;
  orgId: string;
  orgPath: string;
  cadreId?: string | null;
}

/**
 * Run a workflow service call as `p` would inside a request: one transaction of the app role with their
 * scope set, the test clock's time, and the audit entries collected (returned beside the result).
 */
export async function asPerson<T>(
  t: TestApp,
  p: Person,
  fn: (ctx: service.WorkflowContext) => Promise<T>,
): Promise<{ result: T; audits: AuditInput[] }> {
  const actor: Actor = {
    userId: p.id,
    sessionId: 'test',
    username: p.username,
    roles: p.roles,
    scopeMode: p.scopeMode,
    orgId: p.orgId,
    orgPath: p.orgPath,
    cadreId: p.cadreId ?? null,
    csrfToken: 'test',
    mustChangePassword: false,
    mustEnrolTotp: false,
  };
  const audits: AuditInput[] = [];
  const client = await t.db.pool.connect();
  try {
    await client.query('BEGIN');
    await setScope(client, actor);
    const result = await fn({ client, actor, now: t.clock.now(), audit: async (e) => void audits.push(e) });
    await client.query('COMMIT');
    return { result, audits };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
