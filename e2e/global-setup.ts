import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** the demo administrators' secrets, as the first start printed them on its terminal */
    adminSecrets: Record<string, { password: string; totpSecret: string }>;
  }
}

/** The lines `npm start` prints once for the demo administrators (packages/server/src/demo/admin-secrets.ts). */
function printedAdminSecrets(output: string): Record<string, { password: string; totpSecret: string }> {
  const found = [
    ...output.matchAll(
      /^\[ganbu\] +(sysadmin|secadmin|auditor) +password: (\S+) +TOTP secret: ([A-Z2-7]+)$/gm,
    ),
  ];
  if (found.length !== 3)
    throw new Error(`the server did not print the demo administrators' secrets: ${output}`);
  return Object.fromEntries(
    found.map((m): [string, { password: string; totpSecret: string }] => [
      m[1] as string,
      { password: m[2] as string, totpSecret: m[3] as string },
    ]),
  );
}

const root = resolve(import.meta.dirname, '..');

/** Build the web app if needed, start the real server on a fresh embedded database with the demo district. */
export default async function setup(project: TestProject) {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('browser journeys need Debian chromium: apt-get install -y chromium fonts-noto-cjk');
  }
  mkdirSync(join(root, 'e2e', 'screenshots'), { recursive: true });
  // vitest sets NODE_ENV=test, which would make Vite build React's development runtime (jsxDEV, owner
  // stacks; several times slower): the journeys measure the production bundle users get
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'packages/web'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('web build failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'ganbu-e2e-'));
  chmodSync(dataDir, 0o755);
  const port = await new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
  const server: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'packages/server/src/main.ts')],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        LOGIN_RATE_MAX: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  // the demo district seeds at start-up: minutes on a loaded 2-core machine
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${output}`);
    // healthy, and its start-up lines (printed before it listens) all read
    if (
      output.includes('[ganbu] ready on') &&
      (await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      break;
    if (Date.now() > deadline) throw new Error(`server not healthy: ${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminSecrets', printedAdminSecrets(output));
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    try {
      execFileSync('pkill', ['-f', dataDir]);
    } catch {
      // stopped cleanly
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
