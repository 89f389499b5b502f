import { chmodSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataDirReachable } from './embedded.ts';

const base = mkdtempSync(join(tmpdir(), 'ganbu-reach-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('[platform] data directory reachable by the postgres OS user', () => {
  it('refuses a directory under a mode-700 parent with one clear line, accepts an open one', () => {
    const closed = join(base, 'closed');
    mkdirSync(join(closed, 'data'), { recursive: true });
    chmodSync(closed, 0o700);
    chmodSync(base, 0o755);
    const open = join(base, 'open');
    mkdirSync(open);
    chmodSync(open, 0o755);
    if (userInfo().uid !== 0) {
      expect(checkDataDirReachable(join(closed, 'data'))).toBeNull(); // postgres runs as this user then
      return;
    }
    const message = checkDataDirReachable(join(closed, 'data'));
    expect(message).toContain(closed);
    expect(message).toContain('DATA_DIR');
    expect(message?.split('\n')).toHaveLength(1);
    expect(checkDataDirReachable(join(open, 'not-yet-created'))).toBeNull();
  });
});
