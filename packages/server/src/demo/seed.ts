import type { Role, ScopeMode } from '@ganbu/core';
import { CadreRecordInputSchema } from '@ganbu/core';
import { generateDemoDistrict, type DemoDistrict } from '@ganbu/core/demo/district';
import { generateDemoRecords } from '@ganbu/core/demo/records';
import { insertCadre, replaceAppointments, savePhoto } from '../modules/cadre/repository.ts';
import { seedDemoAssessment, type DemoSlips } from './assessment.ts';
import { demoAvatar } from './avatar.ts';
import { cadreWrite } from '../modules/cadre/service.ts';
import type pg from 'pg';
import { randomAdminSecret, type DemoAdmin, type DemoAdminSecret } from './admin-secrets.ts';
import { markDemoAccounts } from './demo-guard.ts';
import { appendAudit } from '../platform/audit-writer.ts';
import type { FieldCipher } from '../platform/field-cipher.ts';
import { hashPassword } from '../platform/password-hash.ts';
import { setSystemScope } from '../platform/scope-settings.ts';

export const DEMO_PASSWORD = 'Demo#2026';

/** distinct generated photos, reused across the demo cadres */
const AVATAR_VARIANTS = 12;

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  scopeMode: ScopeMode;
  /** org code path relative to the district root, or the department holding the account */
  orgKey: (d: DemoDistrict) => string;
  linkCadre?: boolean;
}

const districtKey = (d: DemoDistrict) => (d.orgs.find((o) => o.parentKey === null) as { key: string }).key;
const nthOfKind = (kind: string, n: number) => (d: DemoDistrict) => {
  const org = d.orgs.filter((o) => o.kind === kind)[n];
  if (!org) throw new Error(`demo district has no ${kind} #${n}`);
  return org.key;
};
const orgDept = (d: DemoDistrict) => d.orgs.find((o) => o.name.includes('组织部'))?.key ?? districtKey(d);

/**
 * One login per role (issue contract). The business accounts share the README's password (no forced
 * change); the three administrators get a random password and TOTP secret per data directory.
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'orgdept', displayName: '组织部干部科', roles: ['orgdept'], scopeMode: 'all', orgKey: orgDept },
  {
    username: 'street1',
    displayName: '街道一管理员',
    roles: ['unit_admin'],
    scopeMode: 'subtree',
    orgKey: nthOfKind('street', 0),
  },
  {
    username: 'street2',
    displayName: '街道二管理员',
    roles: ['unit_admin'],
    scopeMode: 'subtree',
    orgKey: nthOfKind('street', 1),
  },
  { username: 'leader', displayName: '区委领导', roles: ['leader'], scopeMode: 'all', orgKey: districtKey },
  {
    username: 'cadre',
    displayName: '干部（本人）',
    roles: ['cadre'],
    scopeMode: 'self',
    orgKey: nthOfKind('street', 0),
    linkCadre: true,
  },
  {
    username: 'sysadmin',
    displayName: '系统管理员',
    roles: ['sysadmin'],
    scopeMode: 'all',
    orgKey: districtKey,
  },
  {
    username: 'secadmin',
    displayName: '安全管理员',
    roles: ['secadmin'],
    scopeMode: 'all',
    orgKey: districtKey,
  },
  {
    username: 'auditor',
    displayName: '审计管理员',
    roles: ['auditor'],
    scopeMode: 'all',
    orgKey: districtKey,
  },
];

const ADMIN_ROLES: Role[] = ['sysadmin', 'secadmin', 'auditor'];

export const DEMO_ADMIN_USERNAMES = DEMO_ACCOUNTS.filter((a) =>
  a.roles.some((r) => ADMIN_ROLES.includes(r)),
).map((a) => a.username);

export async function hasAnyOrg(client: pg.ClientBase): Promise<boolean> {
  await setSystemScope(client);
  const { rowCount } = await client.query('SELECT 1 FROM orgs LIMIT 1');
  return (rowCount ?? 0) > 0;
}

/**
 * Load the generated demo district and the demo accounts in one transaction (system context).
 * Returns the administrators' secrets (random unless `adminSecrets` fixes them, as tests do) to print once.
 */
export async function seedDemo(
  pool: pg.Pool,
  cipher: FieldCipher,
  opts: { seed?: number; now?: Date; adminSecrets?: Record<string, DemoAdminSecret> } = {},
): Promise<{ orgs: number; cadres: number; admins: DemoAdmin[]; slips: DemoSlips }> {
  const district = generateDemoDistrict({ seed: opts.seed ?? 1 });
  const now = opts.now ?? new Date();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await setSystemScope(client);
    const pathOf = new Map<string, string>();
    const idOf = new Map<string, string>();
    for (const o of district.orgs) {
      const parentPath = o.parentKey ? pathOf.get(o.parentKey) : undefined;
      const path = parentPath ? `${parentPath}.${o.code}` : o.code;
      pathOf.set(o.key, path);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO orgs (parent_id, code, name, kind, path, establishment, difficulty, sort_order)
         VALUES ($1, $2, $3, $4, $5::ltree, $6, $7::numeric, $8) RETURNING id`,
        [
          o.parentKey ? idOf.get(o.parentKey) : null,
          o.code,
          o.name,
          o.kind,
          path,
          JSON.stringify(o.establishment),
          o.difficulty,
          o.sortOrder,
        ],
      );
      idOf.set(o.key, (rows[0] as { id: string }).id);
    }
    const cadreIds = new Map<string, string>();
    const avatars = new Map<string, Buffer>();
    const today = now.toISOString().slice(0, 10);
    for (const r of generateDemoRecords(district, { seed: opts.seed ?? 1 })) {
      const { key, orgKey, ...fields } = r;
      const record = CadreRecordInputSchema.parse({ ...fields, orgId: idOf.get(orgKey) });
      const id = await insertCadre(client, cadreWrite(cipher, record, today));
      if (!id) throw new Error(`demo cadre ${key}: unit not found`);
      await replaceAppointments(client, id, record.appointments);
      const variant = cadreIds.size % AVATAR_VARIANTS;
      const avatarKey = `${record.gender}:${variant}`;
      if (!avatars.has(avatarKey)) avatars.set(avatarKey, demoAvatar(variant, record.gender));
      await savePhoto(client, id, 'image/png', avatars.get(avatarKey) as Buffer);
      cadreIds.set(key, id);
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const admins: DemoAdmin[] = [];
    const userIds: string[] = [];
    for (const a of DEMO_ACCOUNTS) {
      const orgKey = a.orgKey(district);
      const cadre = a.linkCadre ? district.cadres.find((c) => c.orgKey === orgKey) : undefined;
      const admin = DEMO_ADMIN_USERNAMES.includes(a.username)
        ? { username: a.username, ...(opts.adminSecrets?.[a.username] ?? randomAdminSecret(a.username)) }
        : null;
      if (admin) admins.push(admin);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO users (username, display_name, org_id, org_path, cadre_id, roles, scope_mode, password_hash,
                            password_changed_at, must_change_password, totp_secret)
         VALUES ($1, $2, $3, $4::ltree, $5, $6, $7, $8, $9, false, $10) RETURNING id`,
        [
          a.username,
          cadre ? `${cadre.name}` : a.displayName,
          idOf.get(orgKey),
          pathOf.get(orgKey),
          cadre ? cadreIds.get(cadre.key) : null,
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
    const slips = await seedDemoAssessment(client, cipher, now, opts.seed ?? 1);
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
    return { orgs: district.orgs.length, cadres: district.cadres.length, admins, slips };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
