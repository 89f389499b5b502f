import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPasswordStrength, GOVERNMENT_PASSWORD_POLICY } from '@ganbu/core';
import pg from 'pg';
import { backupDatabase, readBackupHeader, restoreDatabase } from '../backup/backup.ts';
import { loadSecrets, readConfig } from '../config.ts';
import { migrateDatabase, openAppPool } from '../db/database.ts';
import { startEmbedded, type EmbeddedDb } from '../db/embedded.ts';
import { demoAdminLines } from '../demo/admin-secrets.ts';
import { demoAccountTotpSecret } from '../demo/demo-guard.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasAnyOrg, seedDemo } from '../demo/seed.ts';
import { totpCode } from '../modules/auth/totp.ts';
import { recount } from './recount.ts';
import { describeVerdict, readHeadFile, verifyChain, writeHeadFile } from '../modules/audit/chain.ts';
import { purgeAudit } from '../modules/audit/retention.ts';
import { appendAudit } from '../platform/audit-writer.ts';
import { createFieldCipher } from '../platform/field-cipher.ts';
import { hashPassword } from '../platform/password-hash.ts';
import { setSystemScope } from '../platform/scope-settings.ts';

const USAGE = `usage: npm run cli -- <command> [options]
  migrate                                   apply pending migrations
  seed-demo                                 load the demo district into an empty database
  create-admin --username U --role R --org-code PATH   create sysadmin/secadmin/auditor (initial password from ADMIN_PASSWORD)
  audit-verify [--head FILE]                check the keyed audit chain and that it contains the recorded head
                                            (DATA_DIR/audit-head.json unless FILE); print the head; exit 1 if not
  audit-purge --before YYYY-MM-DD           delete audit rows older than the date (never younger than 180 days)
  backup --out FILE                         consistent logical dump (gzip)
  restore --in FILE                         restore a dump into an empty, migrated database
  demo-totp --username U                    current TOTP code of a demo administrator (accounts of the demo seed only)
  assessment-recount --in BALLOTS.json [--results RESULTS.json] [--pack PACK.json]
                                            recompute a round from its anonymous ballot export (no database);
                                            compare with published results; exit 1 on any difference
Settings: DATA_DIR (embedded database) or DATABASE_URL (PostgreSQL server).`;

/** The running app's embedded server when there is one (read its port), else start it for this command. */
async function adminUrl(): Promise<{ url: string; embedded: EmbeddedDb | null }> {
  const config = readConfig();
  const secrets = loadSecrets(config.dataDir);
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const pidFile = resolve(config.dataDir, 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    try {
      process.kill(Number(lines[0]), 0);
      const port = Number(lines[3]);
      return {
        url: `postgres://postgres:${encodeURIComponent(secrets.pgSuperPassword)}@127.0.0.1:${port}/ganbu`,
        embedded: null,
      };
    } catch {
      // not running: start it below
    }
  }
  const embedded = await startEmbedded({
    dataDir: config.dataDir,
    password: secrets.pgSuperPassword,
    log: console.error,
  });
  return { url: embedded.url('ganbu'), embedded };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      in: { type: 'string' },
      before: { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
      'org-code': { type: 'string' },
      results: { type: 'string' },
      pack: { type: 'string' },
      head: { type: 'string' },
    },
  });
  if (!command || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'assessment-recount') {
    if (!values.in) throw new Error('--in is required');
    return recount({ in: values.in, results: values.results, pack: values.pack });
  }
  const config = readConfig();
  const secrets = loadSecrets(config.dataDir);
  const cipher = createFieldCipher(secrets.encryptionKey);
  const headFile = join(config.dataDir, 'audit-head.json');
  if ((command === 'seed-demo' || command === 'demo-totp') && config.demoRefusedBy) {
    console.error(`${command}: demo accounts are refused with ${config.demoRefusedBy}`);
    return 1;
  }
  const { url, embedded } = await adminUrl();
  try {
    switch (command) {
      case 'demo-totp': {
        if (!values.username) throw new Error('--username is required');
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const stored = await demoAccountTotpSecret(c, values.username).finally(() => c.end());
        if (!stored) {
          console.error(`${values.username} is not an administrator account of the demo seed`);
          return 1;
        }
        console.log(totpCode(cipher.decrypt(stored), new Date()));
        return 0;
      }
      case 'migrate': {
        const applied = await migrateDatabase(url, secrets.appRolePassword);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        return 0;
      }
      case 'seed-demo': {
        await migrateDatabase(url, secrets.appRolePassword);
        const pool = await openAppPool(url, secrets.appRolePassword, 2);
        try {
          const c = await pool.connect();
          const nonEmpty = await c
            .query('BEGIN')
            .then(() => hasAnyOrg(c))
            .finally(() => c.query('ROLLBACK').then(() => c.release()));
          if (nonEmpty) {
            console.error(
              'the database already holds units: demo data is loaded only into an empty database',
            );
            return 1;
          }
          const r = await seedDemo(pool, cipher);
          const business = DEMO_ACCOUNTS.map((a) => a.username).filter(
            (u) => !r.admins.some((a) => a.username === u),
          );
          console.log(
            `demo district: ${r.orgs} units, ${r.cadres} cadres; accounts ${business.join(', ')} / ${DEMO_PASSWORD}`,
          );
          for (const line of demoAdminLines(r.admins)) console.log(line);
          console.log(
            `ballot slips to try (${r.slips.roundName}, ${r.slips.groupName}): /ballot#${r.slips.codes.join(', /ballot#')}`,
          );
          return 0;
        } finally {
          await pool.end();
        }
      }
      case 'create-admin': {
        const password = process.env.ADMIN_PASSWORD ?? '';
        const role = values.role ?? '';
        if (!values.username || !['sysadmin', 'secadmin', 'auditor'].includes(role) || !values['org-code']) {
          console.error(
            'create-admin needs --username, --role sysadmin|secadmin|auditor and --org-code (ltree path, e.g. QY)',
          );
          return 1;
        }
        if (checkPasswordStrength(password, GOVERNMENT_PASSWORD_POLICY, values.username).length) {
          console.error(
            'set ADMIN_PASSWORD to an initial password: ≥ 8 characters, 3 of lower/upper/digit/symbol',
          );
          return 1;
        }
        const pool = await openAppPool(url, secrets.appRolePassword, 1);
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await setSystemScope(c);
          const res = await c.query(
            `INSERT INTO users (username, display_name, org_id, org_path, roles, scope_mode, password_hash, must_change_password)
             SELECT $1, $1, id, path, ARRAY[$2], 'all', $3, true FROM orgs WHERE path = $4::ltree`,
            [values.username, role, await hashPassword(password), values['org-code']],
          );
          if (res.rowCount !== 1) throw new Error(`no unit with path ${values['org-code']}`);
          await appendAudit(c, {
            at: new Date(),
            actor: { userId: null, username: 'cli', roles: [] },
            clientAddress: null,
            action: 'user.create',
            objectType: 'user',
            objectId: values.username,
            after: { roles: [role] },
            sealWith: cipher,
          });
          await c.query('COMMIT');
          console.log(
            `created ${values.username} (${role}); the password must be changed and TOTP enrolled at first login`,
          );
          return 0;
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        } finally {
          c.release();
          await pool.end();
        }
      }
      case 'audit-verify': {
        const source = values.head ?? headFile;
        if (values.head && !existsSync(values.head)) throw new Error(`no head file ${values.head}`);
        const recorded = readHeadFile(source);
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const v = await verifyChain(c, cipher, recorded).finally(() => c.end());
        for (const line of describeVerdict(v, recorded, source)) console.log(line);
        // a verified chain moves the DATA_DIR copy forward (it contains the head that copy held)
        if (v.ok && v.head && !values.head) writeHeadFile(headFile, v.head);
        return v.ok ? 0 : 1;
      }
      case 'audit-purge': {
        if (!values.before) throw new Error('--before YYYY-MM-DD is required');
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const r = await purgeAudit(c, { before: new Date(values.before), now: new Date() }).finally(() =>
          c.end(),
        );
        console.log(`deleted ${r.deleted} audit rows`);
        return 0;
      }
      case 'backup': {
        if (!values.out) throw new Error('--out FILE is required');
        const counts = await backupDatabase(url, values.out);
        console.log(
          `backup written to ${values.out}: ${Object.entries(counts)
            .map(([t, n]) => `${t}=${n}`)
            .join(' ')}`,
        );
        const head = (await readBackupHeader(values.out)).auditHead;
        console.log(
          head ? `audit head in the backup: row ${head.id} hash ${head.hash}` : 'audit chain: no sealed head',
        );
        return 0;
      }
      case 'restore': {
        if (!values.in) throw new Error('--in FILE is required');
        await migrateDatabase(url, secrets.appRolePassword);
        const counts = await restoreDatabase(url, values.in);
        console.log(
          `restored: ${Object.entries(counts)
            .map(([t, n]) => `${t}=${n}`)
            .join(' ')}`,
        );
        // the restored chain's head becomes the recorded one (the old file described the old database)
        const head = (await readBackupHeader(values.in)).auditHead;
        if (head) {
          writeHeadFile(headFile, head);
          console.log(`audit head recorded in ${headFile}: row ${head.id}`);
        }
        return 0;
      }
      default:
        console.error(`unknown command ${command}\n${USAGE}`);
        return 1;
    }
  } finally {
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
