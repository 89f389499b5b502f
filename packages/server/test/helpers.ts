import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openAppPool } from '../src/db/database.ts';
import { DEMO_ADMIN_USERNAMES, DEMO_PASSWORD } from '../src/demo/seed.ts';
import { totpCode } from '../src/modules/auth/totp.ts';
import { createFieldCipher } from '../src/platform/field-cipher.ts';
import {
  TEST_ADMIN_PASSWORD,
  TEST_APP_PASSWORD,
  TEST_ENCRYPTION_KEY,
  TEST_SEED_TIME,
  testTotpSecret,
  withDatabase,
} from './db-urls.ts';

export interface TestDb {
  name: string;
  adminUrl: string;
  pool: pg.Pool;
  /** an admin (owner/superuser) client for assertions that must see past row-level security */
  admin: pg.Client;
  drop(): Promise<void>;
}

/** A fresh copy of the migrated, demo-seeded template database (tens of milliseconds). */
export async function cloneTestDb(): Promise<TestDb> {
  const base = inject('adminBaseUrl');
  const name = `ganbu_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const maint = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
  await maint.connect();
  await maint.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
  await maint.end();
  const adminUrl = withDatabase(base, name);
  const pool = await openAppPool(adminUrl, TEST_APP_PASSWORD, 4);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  return {
    name,
    adminUrl,
    pool,
    admin,
    async drop() {
      await pool.end();
      await admin.end();
      const c = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A controllable clock: starts a day after the seed, moves only when told. */
export function testClock(start = new Date(TEST_SEED_TIME.getTime() + 86_400_000)) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    set(d: Date) {
      now = d.getTime();
    },
  };
}

export const logLines: string[] = [];

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  clock: ReturnType<typeof testClock>;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const db = await cloneTestDb();
  const clock = testClock();
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString());
      cb();
    },
  });
  const app = await buildApp({
    pool: db.pool,
    cipher: createFieldCipher(TEST_ENCRYPTION_KEY),
    clock: clock.now,
    logger: { level: 'info', stream: logStream },
    loginRateMax: 100_000,
  });
  await app.ready();
  return {
    app,
    db,
    clock,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
  userId: string;
}

const ADMIN_USERS = new Set(DEMO_ADMIN_USERNAMES);

/**
 * Log in as a demo user (administrators with the test run's fixed password and TOTP code; the clock steps
 * 30 s so no code repeats).
 */
export async function loginAs(
  t: TestApp,
  username: string,
  password = ADMIN_USERS.has(username) ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD,
): Promise<Session> {
  const body: Record<string, string> = { username, password };
  if (ADMIN_USERS.has(username)) {
    t.clock.advance(30_000);
    body.totp = totpCode(testTotpSecret(username), t.clock.now());
  }
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'sid');
  if (!cookie) throw new Error('no session cookie');
  const me = res.json<{ csrfToken: string; id: string }>();
  return { username, cookie: `sid=${cookie.value}`, csrf: me.csrfToken, userId: me.id };
}

export function injectAs(
  t: TestApp,
  s: Session | null,
  opts: InjectOptions,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
  if (s) {
    headers.cookie = s.cookie;
    headers['x-csrf-token'] = s.csrf;
  }
  return t.app.inject({ ...opts, headers });
}

export function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json<{ code: string }>().code).toBe(code);
}

/** Count rows as the admin (past row-level security). */
export async function adminCount(db: TestDb, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) t`, params);
  return rows[0]?.n ?? 0;
}

/** A multipart/form-data body with one file (what a browser's upload sends). */
export function multipartFile(filename: string, bytes: Buffer, contentType: string) {
  const boundary = `----ganbu${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
