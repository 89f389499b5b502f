// Build check: the JavaScript (gzipped) a phone must load before the public ballot page (/ballot) is
// usable stays within budget. Reads Vite's manifest of `packages/web/dist` (build with `--manifest`),
// walks the ballot entry's static imports (what the browser loads before the first render) plus the
// ballot's i18n bundle in the default language (awaited before the first render), gzips each file and sums.
// Usage: node scripts/check-bundle.mjs [distDir] [entry ...]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BALLOT_BUDGET_KB = 150;
const root = resolve(import.meta.dirname, '..');
const dist = resolve(process.argv[2] ?? join(root, 'packages/web/dist'));
const entries =
  process.argv.length > 3 ? process.argv.slice(3) : ['ballot.html', 'src/modules/ballot/i18n/zh-CN.ts'];
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`no ${manifestPath}: build the web app first (npx vite build --manifest in packages/web)`);
  process.exit(1);
}
/** @type {Record<string, { file: string; imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const files = new Set();
const walk = (key) => {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const next of chunk.imports ?? []) walk(next);
};
for (const e of entries) walk(e);

let total = 0;
const rows = [...files]
  .filter((f) => f.endsWith('.js'))
  .map((f) => {
    const size = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
    total += size;
    return { f, size };
  })
  .sort((a, b) => b.size - a.size);
for (const r of rows) console.log(`${(r.size / 1024).toFixed(1).padStart(8)} KB  ${r.f}`);
const kb = total / 1024;
console.log(
  `ballot page: ${kb.toFixed(1)} KB gzipped JavaScript before it is usable (budget ${BALLOT_BUDGET_KB} KB)`,
);
if (kb > BALLOT_BUDGET_KB) {
  console.error(`over budget by ${(kb - BALLOT_BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
