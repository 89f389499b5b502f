import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const serverMain = resolve(import.meta.dirname, '../../src/main.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'ganbu-durability-'));
chmodSync(dataDir, 0o755);
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGKILL');
  try {
    execFileSync('pkill', ['-f', dataDir]);
  } catch {
    // nothing left running
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

function postmasters(): number {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dataDir}`])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean).length;
  } catch {
    return 0;
  }
}

async function start(port: number): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--import', 'tsx', serverMain], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  p.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  p.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (p.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return p;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy: ${output}`);
}

async function login(base: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'orgdept', password: 'Demo#2026' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function loginAndCreate(port: number, code: string): Promise<number> {
  const base = `http://127.0.0.1:${port}`;
  const { cookie, csrfToken } = await login(base);
  const orgs = (await (await fetch(`${base}/api/orgs`, { headers: { cookie } })).json()) as {
    items: { id: string; kind: string }[];
  };
  const street = orgs.items.find((o) => o.kind === 'street');
  const res = await fetch(`${base}/api/orgs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ parentId: street?.id, code, name: `持久化测试${code}`, kind: 'community' }),
  });
  return res.status;
}

async function countOrg(port: number, code: string): Promise<number> {
  const base = `http://127.0.0.1:${port}`;
  const { cookie } = await login(base);
  const orgs = (await (await fetch(`${base}/api/orgs`, { headers: { cookie } })).json()) as {
    items: { code: string }[];
  };
  return orgs.items.filter((o) => o.code === code).length;
}

/** Each test starts the server; a first start seeds the demo district: minutes on a busy machine. */
describe('[platform] embedded PostgreSQL durability (SECURITY 28)', { timeout: 300_000 }, () => {
  it('after SIGKILL of the app the next start recovers with one postmaster and every acknowledged write', async () => {
    const port = await freePort();
    child = await start(port);
    expect(await loginAndCreate(port, 'K01')).toBe(200);
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));
    // the orphaned postmaster usually keeps running (it may also have gone down with its pipes)
    expect(postmasters(), 'postmasters left after SIGKILL').toBeLessThanOrEqual(1);
    child = await start(port);
    expect(postmasters(), 'postmasters after the restart').toBe(1);
    expect(await countOrg(port, 'K01'), 'the acknowledged write').toBe(1);
  });

  it('SIGTERM stops the app and its PostgreSQL cleanly; data survives a restart', async () => {
    const port = await freePort();
    child?.kill('SIGKILL');
    child = await start(port);
    expect(await loginAndCreate(port, 'K02')).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child?.once('exit', r));
    expect(code).toBe(0);
    expect(postmasters()).toBe(0);
    child = await start(port);
    expect(await countOrg(port, 'K02')).toBe(1);
    child.kill('SIGTERM');
    await new Promise((r) => child?.once('exit', r));
    child = null;
  });
});
