import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Secret } from 'otpauth';
import { afterAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/modules/auth/totp.ts';

/**
 * `npm start` itself, as a newcomer and an operator run it (SECURITY 28, 35): a fresh DATA_DIR under the
 * OS temp dir, WEB_DIST set so that no web build runs. Every process is found by that DATA_DIR.
 */
const root = resolve(import.meta.dirname, '../../../..');
const base = mkdtempSync(join(tmpdir(), 'ganbu-start-'));
chmodSync(base, 0o755);
const demoDir = join(base, 'demo');
const prodDir = join(base, 'prod');
const webDist = join(base, 'web');
const serverMain = resolve(import.meta.dirname, '../../src/main.ts');

afterAll(() => {
  for (const dir of [demoDir, prodDir]) for (const pid of processesOf(dir)) kill(pid, 'SIGKILL');
  rmSync(base, { recursive: true, force: true });
});

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Processes whose command line or environment names the directory: npm, node, postgres. */
function processesOf(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (cmdline.includes(dir) || environ.split('\0').includes(`DATA_DIR=${dir}`)) found.push(Number(entry));
    } catch {
      // exited meanwhile, or not readable
    }
  }
  return found;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

interface Started {
  proc: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function envFor(dataDir: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['HOST', 'NODE_ENV', 'DEMO', 'npm_lifecycle_event']) delete env[k];
  return {
    ...env,
    DATA_DIR: dataDir,
    PORT: String(port),
    WEB_DIST: webDist,
    DATABASE_URL: '',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

function launch(
  cmd: string,
  args: string[],
  dataDir: string,
  port: number,
  extra?: Record<string, string>,
): Started {
  const proc = spawn(cmd, args, {
    cwd: root,
    env: envFor(dataDir, port, extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, port, output: () => output, exited };
}

async function healthy(s: Started): Promise<void> {
  await until(
    `health on ${s.port}`,
    async () => {
      if (s.proc.exitCode !== null) throw new Error(`exited ${s.proc.exitCode}: ${s.output()}`);
      // healthy, and its start-up lines (printed before it listens) all read
      if (!s.output().includes('[ganbu] ready on')) return false;
      return fetch(`http://127.0.0.1:${s.port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    150_000,
  );
}

function cli(dataDir: string, ...args: string[]) {
  return spawnSync('npm', ['run', '-s', 'cli', '--', ...args], {
    cwd: root,
    env: envFor(dataDir, 0),
    encoding: 'utf8',
  });
}

/** What the README once said: base32 of sha256 of a fixed string and the user name. */
function publicFormulaSecret(username: string): string {
  const bytes = createHash('sha256').update(`ganbu-demo-totp:${username}`).digest().subarray(0, 20);
  return new Secret({ buffer: new Uint8Array(bytes).buffer }).base32;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

let first: {
  output: string;
  admins: Record<string, { password: string; totpSecret: string }>;
  slips: string[];
};

/** Each test starts the server; a first start seeds the demo district: minutes on a busy machine. */
describe(
  '[platform] npm start: safe defaults, stops with its launcher (SECURITY 28, 35)',
  { timeout: 300_000 },
  () => {
    it('first start: demo admins with random secrets printed once, loopback only; SIGTERM to npm stops node and PostgreSQL', async () => {
      const s = launch('npm', ['start'], demoDir, await freePort());
      await healthy(s);
      const output = s.output();
      const admins: Record<string, { password: string; totpSecret: string }> = Object.fromEntries(
        [
          ...output.matchAll(
            /^\[ganbu\] +(sysadmin|secadmin|auditor) +password: (\S+) +TOTP secret: ([A-Z2-7]+)$/gm,
          ),
        ].map((m): [string, { password: string; totpSecret: string }] => [
          m[1] as string,
          { password: m[2] as string, totpSecret: m[3] as string },
        ]),
      );
      expect(Object.keys(admins).sort()).toEqual(['auditor', 'secadmin', 'sysadmin']);
      const slips = [...output.matchAll(/\/ballot#([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})$/gm)].map(
        (m) => m[1] as string,
      );
      expect(slips).toHaveLength(5);
      first = { output, admins, slips };
      for (const [username, a] of Object.entries(admins)) {
        expect(a.password).not.toBe('Demo#2026');
        expect(a.totpSecret).not.toBe(publicFormulaSecret(username));
        expect(count(output, a.password), 'password printed once').toBe(1);
        expect(count(output, a.totpSecret), 'secret and its otpauth URI').toBe(2);
      }
      for (const code of slips) expect(count(output, code)).toBe(1);
      // none of it in the server's (pino) log
      const logLines = output.split('\n').filter((l) => l.startsWith('{'));
      expect(logLines.length).toBeGreaterThan(0);
      for (const secret of [...Object.values(admins).flatMap((a) => [a.password, a.totpSecret]), ...slips])
        expect(logLines.join('\n')).not.toContain(secret);

      // the printed secrets open the account
      const login = await fetch(`http://127.0.0.1:${s.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'sysadmin',
          password: admins.sysadmin?.password,
          totp: totpCode(admins.sysadmin?.totpSecret as string, new Date()),
        }),
      });
      expect(login.status).toBe(200);
      // and so does the CLI's current code for a demo administrator
      const before = new Date();
      const code = cli(demoDir, 'demo-totp', '--username', 'auditor');
      const after = new Date();
      expect(code.status, code.stderr).toBe(0);
      expect([
        totpCode(admins.auditor?.totpSecret as string, before),
        totpCode(admins.auditor?.totpSecret as string, after),
      ]).toContain(code.stdout.trim());
      expect(cli(demoDir, 'demo-totp', '--username', 'orgdept').status).toBe(1);

      // loopback only: the machine's other addresses do not answer
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) {
        const reached = await fetch(`http://${external.address}:${s.port}/api/health`).then(
          () => true,
          () => false,
        );
        expect(reached, `reachable on ${external.address}`).toBe(false);
      }

      expect(processesOf(demoDir).length).toBeGreaterThanOrEqual(3); // npm, node, postgres
      s.proc.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      await until(
        'no node and no postgres of the data directory',
        () => processesOf(demoDir).length === 0,
        20_000,
      );

      // nothing of the printed secrets in any file of the data directory (hash and cipher text only)
      const secrets = [
        ...Object.values(admins).flatMap((a) => [a.password, a.totpSecret]),
        ...slips,
        ...slips.map((c) => c.replace(/-/g, '')),
      ];
      for (const file of filesUnder(demoDir)) {
        if (statSync(file).size === 0) continue;
        const bytes = readFileSync(file);
        for (const secret of secrets) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    });

    it('later starts print no secret; SIGKILL of npm still stops the server and PostgreSQL', async () => {
      const s = launch('npm', ['start'], demoDir, await freePort());
      await healthy(s);
      const output = s.output();
      expect(output).not.toContain('password:');
      for (const a of Object.values(first.admins)) {
        expect(output).not.toContain(a.password);
        expect(output).not.toContain(a.totpSecret);
      }
      for (const code of first.slips) expect(output).not.toContain(code);
      s.proc.kill('SIGKILL');
      await s.exited;
      await until('the server follows its killed launcher', () => processesOf(demoDir).length === 0, 20_000);
    });

    it('the audit head written while running is the one audit-verify finds', () => {
      expect(existsSync(join(demoDir, 'audit-head.json'))).toBe(true);
      const r = cli(demoDir, 'audit-verify');
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^audit chain intact: \d+ rows$/m);
      expect(r.stdout).toContain('the chain contains the recorded head row');
      expect(processesOf(demoDir)).toEqual([]);
    });

    it('NODE_ENV=production or DEMO=false refuses a database holding demo accounts, in one line', async () => {
      for (const [extra, setting] of [
        [{ NODE_ENV: 'production' }, 'NODE_ENV=production'],
        [{ DEMO: 'false' }, 'DEMO=false'],
      ] as const) {
        const s = launch(process.execPath, ['--import', 'tsx', serverMain], demoDir, await freePort(), extra);
        const code = await Promise.race([
          s.exited,
          new Promise((r) => setTimeout(() => r('still running'), 90_000)),
        ]);
        expect(code, s.output()).toBe(1);
        const refusal = s
          .output()
          .split('\n')
          .filter((l) => l.includes('failed to start'));
        expect(refusal).toHaveLength(1);
        expect(refusal[0]).toContain(`拒绝启动：${setting} 时不允许演示账号`);
        expect(refusal[0]).toContain('sysadmin');
        await until('PostgreSQL stopped after the refusal', () => processesOf(demoDir).length === 0, 20_000);
      }
    });

    it('NODE_ENV=production on an empty database starts without the demo district', async () => {
      const s = launch('npm', ['start'], prodDir, await freePort(), { NODE_ENV: 'production' });
      await healthy(s);
      expect(s.output()).not.toContain('demo district');
      expect(s.output()).not.toContain('password');
      const login = await fetch(`http://127.0.0.1:${s.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'orgdept', password: 'Demo#2026' }),
      });
      expect(login.status).toBe(401);
      s.proc.kill('SIGTERM');
      expect(await s.exited).toBe(0);
      await until('no process of the data directory', () => processesOf(prodDir).length === 0, 20_000);
    });
  },
);
