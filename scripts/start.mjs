// `npm start`: build the web app when its bundle is missing or older than its sources, then run the server.
// npm runs this through `exec` (package.json), so npm's own SIGTERM/SIGINT reach this process directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openTempPathForPostgres } from './postgres-reach.mjs';

// npm runs this on the project's own Node (the `node` package in node_modules/.bin), whatever the machine has
console.log(`[ganbu] Node ${process.version}`);

const webDir = 'packages/web';
const dist = join(webDir, 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// with WEB_DIST the operator serves a build of their own: nothing to build here
const stale =
  !process.env.WEB_DIST &&
  (!existsSync(dist) ||
    Math.max(newestMtime(join(webDir, 'src')), newestMtime('packages/core/src')) > statSync(dist).mtimeMs);
if (stale) {
  console.log('[ganbu] building the web app …');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

openTempPathForPostgres('.');

// Launched by npm, stop with it: when npm goes without forwarding a signal (SIGKILL), this process is
// re-parented — stop as on SIGTERM (PostgreSQL with it) instead of running on unsupervised.
if (process.env.npm_lifecycle_event) {
  const launcher = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === launcher) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 1000);
  watch.unref();
}

// the server runs in this very process (TypeScript through tsx), so signals reach it directly
const { register } = await import('tsx/esm/api');
register();
await import('../packages/server/src/main.ts');
