/**
 * Shared machinery of the registry benchmarks: a throwaway database on the embedded PostgreSQL (and on
 * DATABASE_URL when set), migrated and demo-seeded exactly like the server's test setup, the real app
 * listening on 127.0.0.1, logins with fetch, timing and memory figures, and cleanup on every exit path.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { idCheckChar, parseIdNumber } from '@ganbu/core';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../packages/server/src/app.ts';
import { migrateDatabase, openAppPool } from '../../packages/server/src/db/database.ts';
import { startEmbedded } from '../../packages/server/src/db/embedded.ts';
import { DEMO_PASSWORD, seedDemo } from '../../packages/server/src/demo/seed.ts';
import type { Actor } from '../../packages/server/src/platform/context.ts';
import { createFieldCipher, type FieldCipher } from '../../packages/server/src/platform/field-cipher.ts';
import { TEST_APP_PASSWORD } from '../../packages/server/test/db-urls.ts';

// ------------------------------------------------------------------------------------------ output

/** Progress goes to stderr; figures go to stdout. */
export const progress = (m: string) => process.stderr.write(`[bench] ${m}\n`);
export const out = (m = '') => process.stdout.write(`${m}\n`);

export const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
export const int = (v: number) => Math.round(v).toLocaleString('en-US');
export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of a list of durations (ms). */
export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  return {
    n: s.length,
    p50: at(50),
    p95: at(95),
    max: s[s.length - 1] ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
  };
}

/** A small deterministic PRNG (mulberry32), so every run generates the same people. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------------------------------ memory

const gc = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

function procStatus(): { rssKb: number; hwmKb: number } {
  const text = readFileSync('/proc/self/status', 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/**
 * Collect garbage and reset the peak-RSS mark (writing 5 to /proc/self/clear_refs), so that VmHWM read
 * afterwards is the peak of what follows (the request), not of building its input.
 */
export function resetPeakRss(): { rssKb: number; reset: boolean } {
  gc();
  gc();
  let reset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    reset = false;
  }
  return { rssKb: procStatus().rssKb, reset };
}

export const peakRssKb = () => procStatus().hwmKb;

// ------------------------------------------------------------------------------------------ run + cleanup

const cleanups: { label: string; fn: () => unknown; limitMs: number }[] = [];

/**
 * Register an undo step; they run last-in first-out after each database target, and on any failure.
 * A step that takes longer than `limitMs` is given up on (e.g. a pool still lending a connection to a
 * request that an interruption left running), and the next steps run.
 */
export function onCleanup(label: string, fn: () => unknown, limitMs = 60_000) {
  cleanups.push({ label, fn, limitMs });
}

async function runCleanups() {
  while (cleanups.length) {
    const c = cleanups.pop() as (typeof cleanups)[number];
    try {
      await Promise.race([
        c.fn(),
        new Promise((_, fail) =>
          setTimeout(() => fail(new Error(`gave up after ${c.limitMs / 1000} s`)), c.limitMs).unref(),
        ),
      ]);
    } catch (e) {
      progress(`cleanup "${c.label}" failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

export interface Target {
  kind: 'embedded' | 'server';
  label: string;
  url?: string;
}

export interface BenchOptions<
  V extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>,
> {
  name: string;
  /** whole-run limit, seconds (overridable with --timeout) */
  timeoutS: number;
  options: V;
}

/**
 * Parse the command line, then run `body` once per database target (embedded PostgreSQL, then
 * DATABASE_URL when set), cleaning up after each. A time limit, SIGINT and SIGTERM clean up too.
 */
export async function runBench<
  V extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>,
>(
  opts: BenchOptions<V>,
  body: (stack: Stack, args: Record<string, string | boolean | undefined>) => Promise<void>,
): Promise<never> {
  const { values } = parseArgs({
    options: {
      ...opts.options,
      timeout: { type: 'string', default: String(opts.timeoutS) },
      target: { type: 'string', default: 'all' },
    },
    strict: true,
  });
  const args = values as Record<string, string | boolean | undefined>;
  let aborting = false;
  const abort = async (why: string, code: number) => {
    if (aborting) return;
    aborting = true;
    progress(`${opts.name}: ${why}; cleaning up`);
    await runCleanups();
    process.exit(code);
  };
  const limitS = Number(args.timeout);
  const watchdog = setTimeout(() => void abort(`time limit of ${limitS} s reached`, 2), limitS * 1000);
  process.once('SIGINT', () => void abort('interrupted (SIGINT)', 130));
  process.once('SIGTERM', () => void abort('terminated (SIGTERM)', 143));
  // an error nobody awaits (e.g. a connection killed while cleaning up) must not skip the cleanup
  const unexpected = (e: unknown) => {
    const text = e instanceof Error ? e.message : String(e);
    if (aborting) progress(`ignored while cleaning up: ${text}`);
    else void abort(`unexpected error: ${e instanceof Error ? (e.stack ?? text) : text}`, 1);
  };
  process.on('uncaughtException', unexpected);
  process.on('unhandledRejection', unexpected);

  const targets: Target[] = [];
  const which = String(args.target);
  if (which === 'all' || which === 'embedded')
    targets.push({ kind: 'embedded', label: 'embedded PostgreSQL' });
  if ((which === 'all' || which === 'server') && process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    targets.push({
      kind: 'server',
      label: `DATABASE_URL (${u.hostname}:${u.port || 5432})`,
      url: u.toString(),
    });
  }
  if (targets.length === 0) progress('no database target (use --target embedded, or set DATABASE_URL)');
  let code = 0;
  for (const target of targets) {
    try {
      const stack = await openStack(target);
      await body(stack, args);
    } catch (e) {
      code = 1;
      progress(
        `${opts.name} on ${target.label} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
    } finally {
      if (!aborting) await runCleanups();
    }
  }
  clearTimeout(watchdog);
  if (aborting) await new Promise(() => undefined); // abort() exits
  process.exit(code);
}

// ------------------------------------------------------------------------------------------ database + app

export interface Stack {
  target: Target;
  /** e.g. "PostgreSQL 18.1" */
  serverVersion: string;
  adminUrl: string;
  /** admin (superuser/owner) login on the benchmark database: sees past row-level security */
  admin: pg.Client;
  /** the app role's pool, the one the app uses */
  pool: pg.Pool;
  cipher: FieldCipher;
  app: FastifyInstance;
  baseUrl: string;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The app role's password. On a shared server (DATABASE_URL) the bootstrap sets it for the whole cluster,
 * so it must be the one other users of that server use: APP_DB_PASSWORD, else the test suite's.
 */
const APP_PASSWORD = process.env.APP_DB_PASSWORD || TEST_APP_PASSWORD;

/** Throwaway database `ganbu_bench_<pid>`, migrated and demo-seeded; the app listening on 127.0.0.1. */
async function openStack(target: Target): Promise<Stack> {
  let baseUrl: string;
  if (target.kind === 'embedded') {
    const dataDir = mkdtempSync(join(tmpdir(), 'ganbu-bench-'));
    chmodSync(dataDir, 0o755); // the postgres OS user must reach it
    onCleanup('remove temp dir', () => rmSync(dataDir, { recursive: true, force: true }));
    progress(`starting embedded PostgreSQL in ${dataDir}`);
    const embedded = await startEmbedded({
      dataDir,
      password: randomBytes(12).toString('hex'),
      port: 0,
      log: progress,
    });
    onCleanup('stop embedded PostgreSQL', () => embedded.stop());
    baseUrl = embedded.url('postgres');
  } else {
    baseUrl = target.url as string;
  }
  const dbName = `ganbu_bench_${process.pid}`;
  const maintUrl = withDatabase(baseUrl, 'postgres');
  const maint = new pg.Client({ connectionString: maintUrl });
  await maint.connect();
  try {
    await maint.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await maint.query(`CREATE DATABASE ${dbName} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await maint.end();
  }
  onCleanup(`drop database ${dbName}`, async () => {
    const c = new pg.Client({ connectionString: maintUrl });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  });
  const adminUrl = withDatabase(baseUrl, dbName);
  progress(`${target.label}: database ${dbName}: migrating and loading the demo district`);
  await migrateDatabase(adminUrl, APP_PASSWORD);
  const pool = await openAppPool(adminUrl, APP_PASSWORD);
  onCleanup('close app pool', () => pool.end(), 10_000);
  const cipher = createFieldCipher(randomBytes(32).toString('base64'));
  await seedDemo(pool, cipher);
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', (e) => progress(`admin connection: ${e.message}`));
  await admin.connect();
  onCleanup('close admin client', () => admin.end(), 10_000);
  const { rows } = await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  // the production logger (level info, same redaction), written to nowhere: its cost stays in the figures
  const sink = new Writable({ write: (_chunk, _enc, cb) => cb() });
  const app = await buildApp({
    pool,
    cipher,
    logger: {
      level: 'info',
      redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.body'], remove: true },
      stream: sink,
    },
    loginRateMax: 1000,
  });
  onCleanup(
    'close app',
    async () => {
      const closing = app.close();
      app.server.closeAllConnections(); // keep-alive connections, and a request an interruption cut short
      await closing;
    },
    10_000,
  );
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    target,
    serverVersion: `PostgreSQL ${rows[0]?.v ?? '?'}`,
    adminUrl,
    admin,
    pool,
    cipher,
    app,
    baseUrl: address,
  };
}

// ------------------------------------------------------------------------------------------ HTTP

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

/** Log in through the API like the browser does (demo accounts, password Demo#2026). */
export async function login(stack: Stack, username: string): Promise<Session> {
  const res = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('sid='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const me = (await res.json()) as { csrfToken: string };
  return { username, cookie, csrf: me.csrfToken };
}

export function authHeaders(s: Session): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
}

/** The scope a request of this user sets (same fields as the session look-up), for direct SQL runs. */
export async function actorOf(stack: Stack, username: string): Promise<Actor> {
  const { rows } = await stack.admin.query<{
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
  if (!u) throw new Error(`no user ${username}`);
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

// ------------------------------------------------------------------------------------------ people

export interface Person {
  name: string;
  gender: 'male' | 'female';
  /** YYYY-MM-DD, agrees with the ID number */
  birthDate: string;
  idNumber: string;
  phone: string;
  /** YYYY-MM */
  workStart: string;
  /** YYYY-MM (25th year) */
  partyJoin: string;
  education: '研究生' | '大学' | '大专';
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志文斌辉海燕红鹏飞凤晓春雪梅颖思远';

const pad2 = (n: number) => String(n).padStart(2, '0');
const addYears = (ym: string, years: number) => `${Number(ym.slice(0, 4)) + years}${ym.slice(4)}`;

/**
 * `n` distinct people born 1962–2000 with valid GB 11643 ID numbers under `region` (6 digits): the
 * 17th digit agrees with the gender, the birth date with the record. Deterministic for a seed.
 */
export function makePeople(n: number, region: string, seed: number): Person[] {
  const rand = prng(seed);
  const pick = (s: string) => s.charAt(Math.floor(rand() * s.length));
  const seen = new Set<string>();
  const people: Person[] = [];
  while (people.length < n) {
    const gender = rand() < 0.62 ? 'male' : 'female';
    const y = 1962 + Math.floor(rand() * 39);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const birthDate = `${y}-${pad2(m)}-${pad2(d)}`;
    let seq = Math.floor(rand() * 1000);
    if ((seq % 2 === 1) !== (gender === 'male')) seq ^= 1; // 17th digit: odd for men, even for women
    const first17 = `${region}${y}${pad2(m)}${pad2(d)}${String(seq).padStart(3, '0')}`;
    const idNumber = first17 + idCheckChar(first17);
    if (seen.has(idNumber)) continue;
    const parsed = parseIdNumber(idNumber);
    if (!parsed.ok || parsed.birthDate !== birthDate || parsed.gender !== gender)
      throw new Error(`generated an ID number that does not check: ${idNumber}`);
    seen.add(idNumber);
    const r = rand();
    people.push({
      name: pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : ''),
      gender,
      birthDate,
      idNumber,
      phone: `1${3 + Math.floor(rand() * 7)}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
      workStart: addYears(birthDate.slice(0, 7), 22),
      partyJoin: addYears(birthDate.slice(0, 7), 25),
      education: r < 0.15 ? '研究生' : r < 0.7 ? '大学' : '大专',
    });
  }
  return people;
}

export interface Unit {
  id: string;
  name: string;
  path: string;
  kind: string;
}

/** The demo district's active units below the district itself, in tree order. */
export async function units(stack: Stack): Promise<Unit[]> {
  const { rows } = await stack.admin.query<Unit>(
    `SELECT id, name, path::text AS path, kind FROM orgs WHERE active AND parent_id IS NOT NULL ORDER BY path`,
  );
  return rows;
}

export const fmtDot = (ym: string) => ym.replace('-', '.');
