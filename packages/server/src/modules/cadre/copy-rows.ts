import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Rows sent to PostgreSQL by `COPY … FROM STDIN` (text format) into a temporary staging table of the
 * request's transaction, from which one `INSERT … SELECT` moves them into the real table as the app role:
 * row-level security, constraints and defaults apply there as to any insert (COPY itself is refused on a
 * table with row-level security, and would bypass nothing else). The staging table is created on first
 * use in a transaction (`ON COMMIT DROP`, so a rollback or commit removes it) and emptied by the statement
 * that moves its rows on (`stagedRows`).
 */

/** A value in COPY's text format: \N for null, backslash escapes for the characters COPY reads specially. */
function field(v: unknown, json: boolean): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (json) s = JSON.stringify(v);
  else if (typeof v === 'boolean') s = v ? 't' : 'f';
  else if (Array.isArray(v)) s = arrayLiteral(v);
  else if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'bigint') s = String(v);
  else s = JSON.stringify(v);
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A one-dimensional array literal of texts ({"a","b"}), nulls as NULL. */
function arrayLiteral(items: unknown[]): string {
  const quoted = items.map((x) =>
    x === null || x === undefined ? 'NULL' : `"${String(x as string).replace(/[\\"]/g, (c) => `\\${c}`)}"`,
  );
  return `{${quoted.join(',')}}`;
}

/** The COPY text of `rows` (one line each), in pieces of about 64 KiB. */
function* lines(rows: unknown[][], json: boolean[]): Generator<string> {
  let piece = '';
  for (const row of rows) {
    piece += `${row.map((v, i) => field(v, json[i] === true)).join('\t')}\n`;
    if (piece.length >= 65536) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

export interface StagingTable {
  /** the temporary table's name (unqualified; it lives in the session's temporary schema) */
  name: string;
  /** `SELECT <columns> FROM <table>` whose result columns (names and types) the staging table takes */
  like: string;
  columns: readonly string[];
  /** columns whose values are sent as JSON (jsonb columns) */
  json?: ReadonlySet<string>;
}

/**
 * Fill the (empty) staging table with `rows` (values in `columns` order). The caller's statement takes
 * them out again (`stagedRows`), so the table is empty for the next batch of the transaction. `created`
 * names the staging tables this transaction already made (the caller keeps it for one transaction);
 * without it the table is made if missing, one round trip more.
 */
export async function copyToStaging(
  client: pg.ClientBase,
  table: StagingTable,
  rows: unknown[][],
  created: Set<string> = new Set(),
): Promise<void> {
  if (!created.has(table.name)) {
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS ${table.name} ON COMMIT DROP AS ${table.like} WITH NO DATA`,
    );
    created.add(table.name);
  }
  if (rows.length === 0) return;
  const json = table.columns.map((c) => table.json?.has(c) === true);
  await pipeline(
    Readable.from(lines(rows, json)),
    client.query(copyFrom(`COPY ${table.name} (${table.columns.join(', ')}) FROM STDIN`)),
  );
}

/** A CTE `staged` that empties the staging table and yields its rows, to start the moving statement. */
export const stagedRows = (table: StagingTable) =>
  `WITH staged AS (DELETE FROM ${table.name} RETURNING ${table.columns.join(', ')})`;
