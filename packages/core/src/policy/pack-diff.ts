/** One difference between two pack versions: a JSON pointer and the values on each side. */
export interface PackChange {
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * Leaf-by-leaf differences between two packs (arrays by index, objects by key), in document order:
 * what an officer reads to see what a new version changes. `sources` and `version` are compared too.
 */
export function diffPacks(before: unknown, after: unknown): PackChange[] {
  const changes: PackChange[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    const aObj = a !== null && typeof a === 'object';
    const bObj = b !== null && typeof b === 'object';
    if (aObj && bObj && Array.isArray(a) === Array.isArray(b)) {
      const keys = Array.isArray(a)
        ? Array.from({ length: Math.max(a.length, (b as unknown[]).length) }, (_, i) => String(i))
        : [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const k of keys)
        walk(
          (a as Record<string, unknown>)[k],
          (b as Record<string, unknown>)[k],
          `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        );
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ path: path || '/', before: a, after: b });
  };
  walk(before, after, '');
  return changes;
}
