import { join } from 'node:path';
import { buildApp } from './app.ts';
import { loadSecrets, readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasAnyOrg, seedDemo } from './demo/seed.ts';
import { startAuditHeadKeeper } from './modules/audit/chain.ts';
import { createFieldCipher } from './platform/field-cipher.ts';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on first run, HTTP. */
async function main() {
  const config = readConfig();
  const log = (m: string) => console.log(`[ganbu] ${m}`);
  const secrets = loadSecrets(config.dataDir);
  const cipher = createFieldCipher(secrets.encryptionKey);
  const db = await openDatabase(config, secrets, log);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: stopping`);
    await app.close().catch(() => undefined);
    await keeper.stop().catch(() => undefined);
    await db.close().catch((e: unknown) => log(`stop failed: ${String(e)}`));
    process.exit(0);
  };

  const client = await db.appPool.connect();
  let empty: boolean;
  try {
    await client.query('BEGIN');
    empty = !(await hasAnyOrg(client));
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  if (empty && process.env.DEMO !== 'false') {
    const seeded = await seedDemo(db.appPool, cipher);
    log(`demo district loaded: ${seeded.orgs} units, ${seeded.cadres} cadres`);
    log(`demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
    for (const [user, secret] of Object.entries(seeded.totp)) log(`  TOTP secret of ${user}: ${secret}`);
    log(`demo ballot slips (${seeded.slips.roundName}, ${seeded.slips.groupName}):`);
    for (const code of seeded.slips.codes) log(`  http://localhost:${config.port}/ballot#${code}`);
  }

  const keeper = startAuditHeadKeeper({
    pool: db.appPool,
    cipher,
    file: join(config.dataDir, 'audit-head.json'),
    alarm: (m) => console.error(`[ganbu] ${m}`),
  });
  const app = await buildApp({
    pool: db.appPool,
    cipher,
    config,
    loginRateMax: config.loginRateMax,
    ballotRateMax: config.ballotRateMax,
  });
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  log(`ready on http://localhost:${config.port}  (API docs: /api/docs)`);
}

main().catch((e: unknown) => {
  console.error(`[ganbu] failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
