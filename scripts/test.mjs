// `npm test`: lint, typecheck, the ballot page's bundle budget, core and web tests, server tests on the
// embedded PostgreSQL and (when DATABASE_URL is set) on that server too, browser journeys; ends with one line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openTempPathForPostgres } from './postgres-reach.mjs';

const root = resolve(import.meta.dirname, '..');
// the embedded PostgreSQL of the server tests and journeys must reach node_modules (a clone in `mktemp -d`)
openTempPathForPostgres(root);
const out = join(root, '.tmp', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

let passed = 0;
let failed = 0;
const lines = [];

function run(name, cmd, args, opts = {}) {
  const start = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd ?? root,
    stdio: 'inherit',
    env: { ...process.env, ...opts.env },
  });
  const secs = ((Date.now() - start) / 1000).toFixed(1);
  return { ok: r.status === 0, secs };
}

/** A gate (lint, typecheck) counts as one test. */
function gate(name, cmd, args) {
  if (!want(name)) return;
  const r = run(name, cmd, args);
  if (r.ok) passed++;
  else failed++;
  lines.push(`${name}: ${r.ok ? 'ok' : 'FAILED'} (${r.secs} s)`);
}

function vitest(name, dir, env = {}) {
  if (!want(name)) return;
  const json = join(out, `${name}.json`);
  const r = run(
    name,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`],
    {
      cwd: join(root, dir),
      env,
    },
  );
  let p = 0;
  let f = 0;
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    p = report.numPassedTests;
    f = report.numFailedTests;
  }
  if (!r.ok && f === 0) f = 1; // the runner itself failed
  if (p + f === 0) f = 1; // a suite that ran no test is a failure
  passed += p;
  failed += f;
  lines.push(`${name}: ${p} passed, ${f} failed (${r.secs} s)`);
}

// The project brings its Node (the npm package `node`, in node_modules/.bin): npm scripts and the tools they
// start through npx run on it even where the machine's own Node is older. Node 20 is past its end of life.
const MIN_NODE = 24;
const major = (v) => Number(String(v).replace(/^v/, '').split('.')[0]);
const toolsNode = spawnSync('npx', ['node', '-p', 'process.version'], { cwd: root, encoding: 'utf8' });
const toolsVersion = toolsNode.stdout?.trim() || 'unknown';
console.log(`ganbu tests on Node ${process.version} (tools started through npx: Node ${toolsVersion})`);
if (want('node')) {
  const ok = major(process.version) >= MIN_NODE && major(toolsVersion) >= MIN_NODE;
  if (!ok)
    console.log(
      `\n▶ node: the tests need Node ${MIN_NODE} or newer: run them with \`npm test\` (npm puts the project's Node first)`,
    );
  if (ok) passed++;
  else failed++;
  lines.push(`node: ${ok ? 'ok' : 'FAILED'} (Node ${process.version}, tools ${toolsVersion})`);
}
gate('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
gate('format', 'npx', ['prettier', '--check', '.']);
gate('typecheck', 'npx', ['tsc', '-p', 'packages/core', '--noEmit']);
gate('typecheck-server', 'npx', ['tsc', '-p', 'packages/server', '--noEmit']);
gate('typecheck-web', 'npx', ['tsc', '-p', 'packages/web', '--noEmit']);
gate('typecheck-e2e', 'npx', ['tsc', '-p', 'e2e', '--noEmit']);
// the public ballot page's JavaScript (gzipped, before it is usable) within its budget, on a fresh build
gate('bundle', 'sh', [
  '-c',
  'cd packages/web && npx vite build --logLevel warn && cd ../.. && node scripts/check-bundle.mjs',
]);
vitest('core', 'packages/core');
vitest('web', 'packages/web');
vitest('server-embedded', 'packages/server', { DATABASE_URL: '' });
if (process.env.DATABASE_URL)
  vitest('server-postgres', 'packages/server', { DATABASE_URL: process.env.DATABASE_URL });
vitest('e2e', 'e2e', { DATABASE_URL: '' });

console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
