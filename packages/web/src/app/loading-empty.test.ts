import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 10 §5: "暂无数据" must not show under a table's loading spinner. antd's Table leaves out its empty
 * placeholder while `loading` only when `dataSource` is undefined (its own empty list); a page that passes
 * `data ?? []` while the query is pending shows both. Every table hands its query's data as it is.
 */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

describe('tables while loading', () => {
  it('never fall back to an empty list (antd would show 暂无数据 under the spinner)', () => {
    const root = join(import.meta.dirname, '..');
    const offenders = tsxFiles(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => /dataSource=\{[^}]*\?\? \[\]\}/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});
