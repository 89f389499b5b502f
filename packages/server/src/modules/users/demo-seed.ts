import { DEMO_ACCOUNTS, DEMO_ADMIN_USERNAMES, DEMO_PASSWORD } from '../../demo/accounts.ts';
import { randomAdminSecret, type DemoAdmin } from '../../demo/admin-secrets.ts';
import type { DemoSeedContext } from '../../demo/context.ts';
import { markDemoAccounts } from '../../demo/demo-guard.ts';
import { hashPassword } from '../../platform/password-hash.ts';

/**
 * One login per role (the demo accounts), the `cadre` one linked to a cadre record of its street; the
 * administrators' secrets go into the report, to be printed once.
 */
export async function seedDemoAccounts(ctx: DemoSeedContext): Promise<void> {
  const { client, cipher, district, now } = ctx;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const admins: DemoAdmin[] = [];
  const userIds: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const orgKey = a.orgKey(district);
    const cadre = a.linkCadre ? district.cadres.find((c) => c.orgKey === orgKey) : undefined;
    const admin = DEMO_ADMIN_USERNAMES.includes(a.username)
      ? { username: a.username, ...(ctx.adminSecrets?.[a.username] ?? randomAdminSecret(a.username)) }
      : null;
    if (admin) admins.push(admin);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO users (username, display_name, org_id, org_path, cadre_id, roles, scope_mode, password_hash,
                          password_changed_at, must_change_password, totp_secret)
       VALUES ($1, $2, $3, $4::ltree, $5, $6, $7, $8, $9, false, $10) RETURNING id`,
      [
        a.username,
        cadre ? `${cadre.name}` : a.displayName,
        ctx.orgIds.get(orgKey),
        ctx.orgPaths.get(orgKey),
        cadre ? ctx.cadreIds.get(cadre.key) : null,
        a.roles,
        a.scopeMode,
        admin ? await hashPassword(admin.password) : passwordHash,
        now,
        admin ? cipher.encrypt(admin.totpSecret) : null,
      ],
    );
    userIds.push((rows[0] as { id: string }).id);
  }
  await markDemoAccounts(client, userIds, now);
  ctx.report.admins = admins;
}
