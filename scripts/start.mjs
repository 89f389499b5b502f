// `npm start`: build the web app when its bundle is missing or older than its sources, then run the server.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';

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

const stale =
  !existsSync(dist) ||
  Math.max(newestMtime(join(webDir, 'src')), newestMtime('packages/core/src')) > statSync(dist).mtimeMs;
if (stale) {
  console.log('[ganbu] building the web app …');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Run as root, the embedded PostgreSQL runs as the `postgres` OS user, which must traverse every directory
// down to its binaries (node_modules) and the data directory. A fresh clone in a `mktemp -d` directory (mode
// 700) blocks it: directories inside the system temp directory are made traversable (o+x, not readable);
// anywhere else the server refuses with a message saying which directory to open.
if (process.getuid?.() === 0) {
  const tmp = resolve(tmpdir());
  for (let dir = resolve('.'); dir.startsWith(`${tmp}${sep}`); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      console.log(`[ganbu] ${dir}: made traversable (o+x) for the postgres OS user`);
    }
  }
}

// the server runs in this very process (TypeScript through tsx), so signals reach it directly
const { register } = await import('tsx/esm/api');
register();
await import('../packages/server/src/main.ts');
