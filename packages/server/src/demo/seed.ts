import { generateDemoDistrict } from '@ganbu/core/demo/district';
import type pg from 'pg';
import { SERVER_MODULES } from '../modules/index.ts';
import { appendAudit } from '../platform/audit-writer.ts';
import type { FieldCipher } from '../platform/field-cipher.ts';
import { setSystemScope } from '../platform/scope-settings.ts';
import { DEMO_ACCOUNTS } from './accounts.ts';
import type { DemoAdmin, DemoAdminSecret } from './admin-secrets.ts';
import type { DemoSeedContext } from './context.ts';
import type { DemoSlips } from './assessment.ts';

export { DEMO_ACCOUNTS, DEMO_ADMIN_USERNAMES, DEMO_PASSWORD, type DemoAccount } from './accounts.ts';

export async function hasAnyOrg(client: pg.ClientBase): Promise<boolean> {
  await setSystemScope(client);
  const { rowCount } = await client.query('SELECT 1 FROM orgs LIMIT 1');
  return (rowCount ?? 0) > 0;
}

/**
 * Load the generated demo district and the demo accounts in one transaction (system context): each
 * module's demo-seed step in the module list's order (org tree, cadres, accounts, assessments).
 * Returns the administrators' secrets (random unless `adminSecrets` fixes them, as tests do) to print once.
 */
export async function seedDemo(
  pool: pg.Pool,
  cipher: FieldCipher,
  opts: { seed?: number; now?: Date; adminSecrets?: Record<string, DemoAdminSecret> } = {},
): Promise<{ orgs: number; cadres: number; admins: DemoAdmin[]; slips: DemoSlips }> {
  const seed = opts.seed ?? 1;
  const district = generateDemoDistrict({ seed });
  const now = opts.now ?? new Date();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await setSystemScope(client);
    const ctx: DemoSeedContext = {
      client,
      cipher,
      now,
      seed,
      district,
      orgIds: new Map(),
      orgPaths: new Map(),
      cadreIds: new Map(),
      report: { admins: [], slips: { roundName: '', groupName: '', codes: [] } },
      adminSecrets: opts.adminSecrets,
    };
    for (const m of SERVER_MODULES) await m.demoSeed?.(ctx);
    await appendAudit(client, {
      at: now,
      actor: null,
      clientAddress: null,
      action: 'demo.seed',
      objectType: 'system',
      after: {
        orgs: district.orgs.length,
        cadres: district.cadres.length,
        accounts: DEMO_ACCOUNTS.map((a) => a.username),
      },
      sealWith: cipher,
    });
    await client.query('COMMIT');
    return { orgs: district.orgs.length, cadres: district.cadres.length, ...ctx.report };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
