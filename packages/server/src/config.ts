import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Settings read from the environment (README lists them). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL server to use instead of the embedded one (an owner/admin login). */
  databaseUrl: string | null;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  logLevel: string;
  /** Behind TLS: mark cookies Secure. */
  secureCookies: boolean;
  /** login attempts per client address per minute */
  loginRateMax: number;
  ballotRateMax: number;
  /** API_DOCS_PUBLIC=true: /api/docs without a login (otherwise it needs one) */
  apiDocsPublic: boolean;
  /**
   * Why demo accounts are refused (`NODE_ENV=production` or `DEMO=false`), or null when the demo district
   * may be loaded into an empty database and run.
   */
  demoRefusedBy: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    // loopback unless the operator opens it (a reverse proxy on the same machine needs nothing more)
    host: env.HOST && env.HOST.length > 0 ? env.HOST : '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    webDist: resolve(env.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.SECURE_COOKIES === 'true',
    loginRateMax: Number(env.LOGIN_RATE_MAX ?? 30),
    ballotRateMax: Number(env.BALLOT_RATE_MAX ?? 600),
    apiDocsPublic: env.API_DOCS_PUBLIC === 'true',
    demoRefusedBy:
      env.NODE_ENV === 'production' ? 'NODE_ENV=production' : env.DEMO === 'false' ? 'DEMO=false' : null,
  };
}

/** Secrets generated once per installation and kept beside the data (mode 600), unless given by env. */
export interface Secrets {
  /** password of the embedded cluster's superuser */
  pgSuperPassword: string;
  /** password of the app's login role (ganbu_app) */
  appRolePassword: string;
  /** 32-byte key for field encryption (AES-256-GCM), base64 */
  encryptionKey: string;
}

export function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Secrets {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    pgSuperPassword: stored.pgSuperPassword ?? randomBytes(18).toString('base64url'),
    appRolePassword: stored.appRolePassword ?? randomBytes(18).toString('base64url'),
    encryptionKey: stored.encryptionKey ?? randomBytes(32).toString('base64'),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return {
    pgSuperPassword: secrets.pgSuperPassword,
    appRolePassword: env.APP_DB_PASSWORD ?? secrets.appRolePassword,
    encryptionKey: env.ENCRYPTION_KEY ?? secrets.encryptionKey,
  };
}
