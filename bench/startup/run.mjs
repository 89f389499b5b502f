#!/usr/bin/env node
// Startup benchmark: npm install in a fresh clone, first `npm start`, cold restarts, idle RSS, restart after SIGKILL.
// Plain Node ESM, no dependencies. Usage: node bench/startup/run.mjs [--skip-install --clone DIR] [--runs N] [--keep] [--json FILE]
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  chmodSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------- options ----------
const argv = process.argv.slice(2);
const opts = { skipInstall: false, clone: null, runs: 3, keep: false, json: null, idleSeconds: 5 };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--skip-install') opts.skipInstall = true;
  else if (a === '--clone') opts.clone = resolve(argv[++i] ?? '');
  else if (a === '--runs') opts.runs = Math.max(1, Number(argv[++i]));
  else if (a === '--keep') opts.keep = true;
  else if (a === '--json') opts.json = resolve(argv[++i] ?? '');
  else if (a === '--idle') opts.idleSeconds = Math.max(1, Number(argv[++i]));
  else if (a === '-h' || a === '--help') {
    console.log(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'README.md'), 'utf8'));
    process.exit(0);
  } else {
    console.error(`unknown argument: ${a} (see --help)`);
    process.exit(2);
  }
}
if (opts.skipInstall && !opts.clone) {
  console.error('--skip-install needs --clone DIR (an installed clone from an earlier run)');
  process.exit(2);
}

const LIMITS = { install: 900, firstStart: 180, start: 60, stop: 60 }; // seconds
const TARGET_COLD_S = 10;
const BUDGET_RSS_MB = 300;

const repoRoot = spawnSync('git', ['rev-parse', '--show-toplevel'], {
  cwd: dirname(fileURLToPath(import.meta.url)),
  encoding: 'utf8',
}).stdout.trim();
if (!repoRoot) fail('not inside a git work tree');
if (opts.clone && resolve(opts.clone) === resolve(repoRoot))
  fail('--clone must not be the repository itself');

// ---------- state & cleanup ----------
const work = mkdtempSync(join(tmpdir(), 'ganbu-startup-bench-'));
chmodSync(work, 0o755); // the postgres OS user must be able to traverse to DATA_DIR (and the clone's binaries)
const dataDir = join(work, 'data');
const logDir = join(work, 'logs');
mkdirSync(logDir);
const cloneDir = opts.clone ?? join(work, 'repo');
const children = new Set(); // running `npm` children, spawned detached (own process group)
/**
 * DATABASE_URL in the calling environment: the server runs on that PostgreSQL server instead of the embedded
 * one, in a database of its own made for this run (`ganbu_startup_<pid>`, dropped at the end) — the URL must
 * name a role that may create databases. Its postgres processes are not the server's children: idle RSS is
 * the node process only.
 */
const external = process.env.DATABASE_URL ? externalDatabase(process.env.DATABASE_URL) : null;
let cleanedUp = false;

const t0 = performance.now();
function note(msg) {
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
}
function fail(msg) {
  const err = new Error(msg);
  err.benchFailure = true;
  throw err;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Running (a zombie waiting to be reaped by init counts as gone). */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** pid → { ppid, comm } for every process, from /proc/<pid>/stat. */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), comm });
    } catch {
      // process ended meanwhile
    }
  }
  return table;
}

function descendants(rootPid, table = processTable()) {
  const kids = new Map();
  for (const [pid, { ppid }] of table) {
    if (!kids.has(ppid)) kids.set(ppid, []);
    kids.get(ppid).push(pid);
  }
  const out = [];
  const stack = [...(kids.get(rootPid) ?? [])];
  while (stack.length) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return out;
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

function exeName(pid) {
  try {
    return basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return '';
  }
}

/** Processes whose command line mentions our data dir (the postmaster and its children), found by id. */
function processesUsingDataDir() {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    if (cmdline(Number(name)).some((arg) => arg.includes(dataDir))) out.push(Number(name));
  }
  return out;
}

function externalDatabase(url) {
  const admin = new URL(url);
  const name = `ganbu_startup_${process.pid}`;
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { adminUrl: admin.toString(), url: own.toString(), name, created: false };
}

/** One statement through psql (the bench has no dependencies; psql comes with PostgreSQL). */
function psql(url, sql) {
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' });
  if (r.error) fail(`psql: ${r.error.message} (DATABASE_URL needs the psql client)`);
  if (r.status !== 0) fail(`psql: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

function postmasterPid() {
  try {
    const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

function statusKb(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function pssKb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 10_000;
  while ([...children].some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline)
    await sleep(100);
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // a postmaster (and its backends) left on our data dir: fast shutdown (SIGINT), then SIGKILL
  let leftovers = processesUsingDataDir();
  if (leftovers.length) {
    note(`cleanup: stopping ${leftovers.length} leftover process(es) on ${dataDir}: ${leftovers.join(' ')}`);
    const pm = postmasterPid();
    if (pm) {
      try {
        process.kill(pm, 'SIGINT');
      } catch {
        // gone
      }
    }
    const until = Date.now() + 15_000;
    while ((leftovers = processesUsingDataDir()).length && Date.now() < until) await sleep(200);
    for (const pid of leftovers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
  if (external?.created) {
    const r = spawnSync(
      'psql',
      [external.adminUrl, '-qAtc', `DROP DATABASE IF EXISTS ${external.name} WITH (FORCE)`],
      { encoding: 'utf8' },
    );
    note(
      r.status === 0 ? `dropped database ${external.name}` : `could not drop ${external.name}: ${r.stderr}`,
    );
  }
  if (opts.keep) note(`kept ${work}`);
  else {
    for (let i = 0; i < 5; i++) {
      try {
        rmSync(work, { recursive: true, force: true });
        break;
      } catch {
        await sleep(500);
      }
    }
  }
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    note(`${sig}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}
process.once('exit', () => {
  // last resort, synchronous: never leave our children or our postgres running
  if (cleanedUp) return;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const pid of processesUsingDataDir()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

// ---------- helpers ----------
function freePort() {
  return new Promise((ok, no) => {
    const srv = createServer();
    srv.once('error', no);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

function tail(file, lines = 40) {
  try {
    // eslint-disable-next-line no-control-regex
    const text = readFileSync(file, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Run a command to completion with its output in a log file; returns seconds. */
async function timed(label, cmd, args, cwd, limitS) {
  const log = join(logDir, `${label}.log`);
  const fd = openSync(log, 'w');
  const start = performance.now();
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', fd, fd], detached: true, env: childEnv() });
  closeSync(fd);
  children.add(child);
  const code = await new Promise((ok) => {
    const timer = setTimeout(() => {
      note(`${label}: still running after ${limitS} s, killing it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, limitS * 1000);
    child.once('exit', (c, s) => {
      clearTimeout(timer);
      ok(c ?? s);
    });
  });
  children.delete(child);
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) fail(`${label} (${cmd} ${args.join(' ')}) exited with ${code}; last output:\n${tail(log)}`);
  return seconds;
}

let port = 0;
function childEnv() {
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1' };
  // the server uses its embedded PostgreSQL (or this run's own database on DATABASE_URL's server) and
  // loads the demo district
  delete env.DATABASE_URL;
  if (external) env.DATABASE_URL = external.url;
  delete env.DEMO;
  delete env.WEB_DIST;
  delete env.APP_DB_PASSWORD;
  delete env.ENCRYPTION_KEY;
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  return env;
}

async function healthy() {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

let runNo = 0;
const badStops = []; // SIGTERM stops that did not exit 0
/** `npm start` in the clone; resolves when /api/health answers 200. */
async function startServer(label, limitS) {
  if (await healthy()) fail(`port ${port} already answers /api/health before ${label} started`);
  const log = join(logDir, `${String(++runNo).padStart(2, '0')}-${label}.log`);
  const fd = openSync(log, 'w');
  const start = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: cloneDir,
    stdio: ['ignore', fd, fd],
    detached: true,
    env: childEnv(),
  });
  closeSync(fd);
  children.add(child);
  const exited = new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  let exit = null;
  exited.then((e) => (exit = e));
  const deadline = start + limitS * 1000;
  for (;;) {
    if (exit)
      fail(
        `${label}: npm start exited (${exit.code ?? exit.signal}) before /api/health answered; last output:\n${tail(log)}`,
      );
    if (await healthy()) break;
    if (performance.now() > deadline)
      fail(`${label}: /api/health did not answer within ${limitS} s; last output:\n${tail(log)}`);
    await sleep(100);
  }
  const seconds = (performance.now() - start) / 1000;
  // the server: the node process running scripts/start.mjs under npm (npm → node: the script execs it)
  const table = processTable();
  const serverPid = descendants(child.pid, table).find(
    (pid) => exeName(pid) === 'node' && cmdline(pid).some((a) => a.endsWith('scripts/start.mjs')),
  );
  if (!serverPid)
    fail(
      `${label}: healthy, but no node process running scripts/start.mjs found under npm (pid ${child.pid})`,
    );
  return { child, exited, serverPid, seconds, log };
}

/** SIGTERM to the server process, wait for npm to exit and the postmaster to be gone. */
async function stopServer(server, label) {
  const pm = postmasterPid();
  const start = performance.now();
  process.kill(server.serverPid, 'SIGTERM');
  const res = await Promise.race([server.exited, sleep(LIMITS.stop * 1000).then(() => null)]);
  if (!res)
    fail(
      `${label}: npm start still running ${LIMITS.stop} s after SIGTERM; last output:\n${tail(server.log)}`,
    );
  const deadline = performance.now() + 10_000;
  while (pm && alive(pm) && performance.now() < deadline) await sleep(100);
  children.delete(server.child);
  if (pm && alive(pm))
    fail(`${label}: postgres (pid ${pm}) still running 10 s after the server exited on SIGTERM`);
  const seconds = (performance.now() - start) / 1000;
  if (res.code !== 0) {
    // keep the first error line the server printed after it began stopping
    // eslint-disable-next-line no-control-regex
    const text = readFileSync(server.log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
    const after = text.slice(Math.max(0, text.indexOf('SIGTERM')));
    const lines = after.split('\n');
    const firstError = (
      lines.find((l) => /^\s*(\w*Error|error): /.test(l)) ??
      lines.find((l) => /(error|Error|failed)\b/.test(l)) ??
      '(no error line)'
    ).trim();
    badStops.push({ label, exit: res.code ?? res.signal, firstError, log: basename(server.log) });
    note(`${label}: npm start exited with ${res.code ?? res.signal} after SIGTERM: ${firstError}`);
  }
  return seconds;
}

/** Sample RSS of the server node process and of its postgres processes for `seconds`. */
async function sampleIdle(server, seconds) {
  let nodeRss = 0;
  let pgRss = 0;
  let pgCount = 0;
  let nodePss = 0;
  let pgPss = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const table = processTable();
    const pids = descendants(server.serverPid, table).filter((pid) =>
      table.get(pid)?.comm.startsWith('postgres'),
    );
    const pm = postmasterPid();
    if (pm && !pids.includes(pm)) pids.push(pm, ...descendants(pm, table)); // should not happen: postgres is a child
    const uniq = [...new Set(pids)];
    nodeRss = Math.max(nodeRss, statusKb(server.serverPid, 'VmRSS'));
    const sum = uniq.reduce((s, pid) => s + statusKb(pid, 'VmRSS'), 0);
    if (sum > pgRss) {
      pgRss = sum;
      pgCount = uniq.length;
    }
    nodePss = Math.max(nodePss, pssKb(server.serverPid));
    pgPss = Math.max(
      pgPss,
      uniq.reduce((s, pid) => s + pssKb(pid), 0),
    );
    await sleep(250);
  }
  const hwm = statusKb(server.serverPid, 'VmHWM');
  const mb = (kb) => kb / 1024;
  return {
    nodeMb: mb(nodeRss),
    nodeHwmMb: mb(hwm),
    pgMb: mb(pgRss),
    pgProcs: pgCount,
    nodePssMb: mb(nodePss),
    pgPssMb: mb(pgPss),
  };
}

const fmt = (s) => `${s.toFixed(1)} s`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------- the benchmark ----------
async function main() {
  const results = { cores: availableParallelism(), repo: repoRoot };
  const head = spawnSync('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'], {
    encoding: 'utf8',
  }).stdout.trim();
  const dirty = spawnSync('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no'], {
    encoding: 'utf8',
  }).stdout.trim();
  note(`work dir ${work} (DATA_DIR ${dataDir})`);

  // 1. npm install in a fresh clone
  if (opts.skipInstall) {
    if (!existsSync(join(cloneDir, 'node_modules'))) fail(`--skip-install: ${cloneDir} has no node_modules`);
    results.commit = spawnSync('git', ['-C', cloneDir, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).stdout.trim();
    note(`reusing installed clone ${cloneDir} (commit ${results.commit})`);
    // the first start must include the web build: drop the clone's bundle
    rmSync(join(cloneDir, 'packages', 'web', 'dist'), { recursive: true, force: true });
  } else {
    if (existsSync(cloneDir)) fail(`${cloneDir} already exists`);
    note(
      `git clone ${repoRoot} (HEAD ${head}${dirty ? '; uncommitted changes there are NOT in the clone' : ''})`,
    );
    const c = spawnSync('git', ['clone', '-q', repoRoot, cloneDir], { encoding: 'utf8' });
    if (c.status !== 0) fail(`git clone failed: ${c.stderr}`);
    chmodSync(cloneDir, 0o755);
    results.commit = head;
    note('npm install --no-audit --no-fund …');
    results.installS = await timed(
      'npm-install',
      'npm',
      ['install', '--no-audit', '--no-fund'],
      cloneDir,
      LIMITS.install,
    );
    note(`npm install: ${fmt(results.installS)}`);
  }

  if (external) {
    psql(external.adminUrl, `CREATE DATABASE ${external.name} TEMPLATE template0 ENCODING 'UTF8'`);
    external.created = true;
    results.database = `${psql(external.adminUrl, 'SHOW server_version').split(' ')[0]} (DATABASE_URL, database ${external.name})`;
  } else results.database = 'embedded';
  note(`database: ${results.database}`);

  port = await freePort();
  note(`PORT ${port}`);

  // 2. first start: web build + initdb + migrations + demo seed
  note('first npm start (build + initdb + migrate + demo) …');
  let server = await startServer('first-start', LIMITS.firstStart);
  results.firstStartS = server.seconds;
  note(`first start: ${fmt(server.seconds)}; sampling idle RSS for ${opts.idleSeconds} s`);
  results.rssAfterFirstStart = await sampleIdle(server, opts.idleSeconds);
  results.stopS = [await stopServer(server, 'first-start')];

  // 3. cold starts on the existing data dir
  results.coldS = [];
  for (let i = 1; i <= opts.runs; i++) {
    server = await startServer(`cold-start-${i}`, LIMITS.start);
    results.coldS.push(server.seconds);
    note(`cold start ${i}: ${fmt(server.seconds)}`);
    if (i === 1) {
      note(`sampling idle RSS for ${opts.idleSeconds} s`);
      results.rss = await sampleIdle(server, opts.idleSeconds);
    }
    results.stopS.push(await stopServer(server, `cold-start-${i}`));
  }

  // 5. SIGKILL the server, then start again: it must stop the postgres left running and come up
  server = await startServer('before-sigkill', LIMITS.start);
  const orphan = postmasterPid();
  note(`kill -9 ${server.serverPid} (postgres ${orphan ?? '?'} left running)`);
  process.kill(server.serverPid, 'SIGKILL');
  await Promise.race([server.exited, sleep(LIMITS.stop * 1000)]);
  children.delete(server.child);
  if (orphan && !alive(orphan)) note('note: postgres did not outlive the killed server');
  server = await startServer('after-sigkill', LIMITS.start);
  results.sigkillRestartS = server.seconds;
  results.orphanStopped = orphan ? !alive(orphan) : null;
  note(
    external
      ? `restart after SIGKILL: ${fmt(server.seconds)} (PostgreSQL on DATABASE_URL: no postgres of the app's own)`
      : `restart after SIGKILL: ${fmt(server.seconds)} (old postgres ${orphan ?? '?'} ${results.orphanStopped ? 'stopped' : 'STILL RUNNING'})`,
  );
  results.stopS.push(await stopServer(server, 'after-sigkill'));

  // ---------- report ----------
  const r = results.rss;
  const total = r.nodeMb + r.pgMb;
  const a = results.rssAfterFirstStart;
  const med = median(results.coldS);
  const lines = [
    `startup benchmark (${results.cores} cores) — commit ${results.commit} — PostgreSQL ${results.database}`,
    results.installS === undefined
      ? 'npm install: skipped (--skip-install)'
      : `npm install (fresh clone, warm npm cache): ${fmt(results.installS)}`,
    `first start (build + initdb + migrate + demo): ${fmt(results.firstStartS)}`,
    `cold start, existing data (${results.coldS.length} runs): ${results.coldS.map(fmt).join(', ')}  median ${fmt(med)}  [target ≤ ${TARGET_COLD_S} s: ${med <= TARGET_COLD_S ? 'ok' : 'EXCEEDED'}]`,
    `restart after SIGKILL: ${fmt(results.sigkillRestartS)}${results.orphanStopped === false ? '  (old postgres NOT stopped)' : ''}`,
    `graceful stop (SIGTERM → exit, postgres gone): ${results.stopS.map(fmt).join(', ')}` +
      (badStops.length
        ? `  — ${badStops.length} of ${results.stopS.length} exited non-zero`
        : '  (all exit 0)'),
    ...badStops.map((b) => `  ${b.label}: exit ${b.exit}: ${b.firstError}`),
    external
      ? `idle RSS: node ${r.nodeMb.toFixed(0)} MB (the PostgreSQL server is not the app's: not counted) [budget ≤ ${BUDGET_RSS_MB} MB: ${total <= BUDGET_RSS_MB ? 'ok' : 'EXCEEDED'}]`
      : `idle RSS: node ${r.nodeMb.toFixed(0)} MB, postgres ${r.pgMb.toFixed(0)} MB (total ${total.toFixed(0)} MB) [budget ≤ ${BUDGET_RSS_MB} MB: ${total <= BUDGET_RSS_MB ? 'ok' : 'EXCEEDED'}]`,
    external
      ? `  (after a cold start, peak over ${opts.idleSeconds} s idle; node PSS ${r.nodePssMb.toFixed(0)} MB; node VmHWM ${r.nodeHwmMb.toFixed(0)} MB)`
      : `  (after a cold start, peak over ${opts.idleSeconds} s idle; postgres = sum of VmRSS over ${r.pgProcs} processes, counts shared memory per process; PSS total ${(r.nodePssMb + r.pgPssMb).toFixed(0)} MB; node VmHWM ${r.nodeHwmMb.toFixed(0)} MB)`,
    `  right after the first start: node ${a.nodeMb.toFixed(0)} MB (VmHWM ${a.nodeHwmMb.toFixed(0)} MB), postgres ${a.pgMb.toFixed(0)} MB`,
  ];
  console.log(`\n${lines.join('\n')}`);
  results.badStops = badStops;
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(results, null, 2)}\n`);
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  exitCode = 1;
  console.error(`\nstartup benchmark FAILED: ${e.benchFailure ? e.message : e.stack}`);
  if (!opts.keep) console.error(`(logs are removed with ${work}; run with --keep to keep them)`);
} finally {
  await cleanup();
}
process.exit(exitCode);
