// Run as root, the embedded PostgreSQL runs as the `postgres` OS user, which must traverse every directory
// down to its binaries (node_modules) and the data directory. A fresh clone in a `mktemp -d` directory (mode
// 700) blocks it: directories inside the system temp directory are made traversable (o+x, not readable);
// anywhere else the server refuses with a message saying which directory to open.
import { chmodSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve, sep } from 'node:path';

/** Makes `from` and its parents inside the system temp directory traversable for the postgres OS user. */
export function openTempPathForPostgres(from) {
  if (process.getuid?.() !== 0) return;
  const tmp = resolve(tmpdir());
  for (let dir = resolve(from); dir.startsWith(`${tmp}${sep}`); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      console.log(`[ganbu] ${dir}: made traversable (o+x) for the postgres OS user`);
    }
  }
}
