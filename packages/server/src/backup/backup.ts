import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { AuditHead } from '../modules/audit/chain.ts';

/** Tables whose row order could tell when a slip was used or a ballot cast. */
const SHUFFLED_TABLES = new Set([
  'ballot_tokens',
  'ballot_pending',
  'ballots',
  'ballot_scores',
  'ballot_grades',
  'named_raters',
]);

/**
 * Logical backup: every table of the public schema as COPY text, read inside one REPEATABLE READ
 * transaction (a consistent snapshot), gzip-compressed. Format, line by line:
 *   {"format":"ganbu-backup","version":1,...}      header (with the audit chain's head, SECURITY 34)
 *   {"table":"orgs","columns":[...],"rows":N}      then N COPY text lines of that table
 */
export interface BackupHeader {
  format: 'ganbu-backup';
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: string[];
  /** the audit chain's last row in this snapshot (id, hash, keyed seal); absent in older backups */
  auditHead?: AuditHead | null;
}

async function tablesOf(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ t: string }>(
    `SELECT c.relname AS t FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

/** Stored columns only: generated ones (birth_day, …) are recomputed by PostgreSQL on restore. */
async function columnsOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ c: string }>(
    `SELECT attname AS c FROM pg_attribute
       WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [table],
  );
  return rows.map((r) => r.c);
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function backupDatabase(adminUrl: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  const write = async (s: string | Buffer) => {
    if (!gzip.write(s)) await once(gzip, 'drain');
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesOf(client);
    const migrations = (
      await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    ).rows;
    const head = (
      await client.query<AuditHead>(
        'SELECT a.id::text, a.hash, a.mac FROM audit_log a ORDER BY a.id DESC LIMIT 1',
      )
    ).rows[0];
    const header: BackupHeader = {
      format: 'ganbu-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: migrations.map((m) => m.name),
      tables,
      auditHead: head?.mac ? head : null,
    };
    await write(JSON.stringify(header) + '\n');
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      const n = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`)).rows[0]?.n,
      );
      counts[table] = n;
      await write(JSON.stringify({ table, columns, rows: n }) + '\n');
      const cols = columns.map(quoteIdent).join(', ');
      // the ballot box's tables leave in random order: a dump never keeps the order ballots or slips were
      // written in (SECURITY 30), even one taken while a round is open
      const source = SHUFFLED_TABLES.has(table)
        ? `(SELECT ${cols} FROM ${quoteIdent(table)} ORDER BY random())`
        : `${quoteIdent(table)} (${cols})`;
      const stream = client.query(copyTo(`COPY ${source} TO STDOUT`));
      // the bytes as they come: a chunk may end inside a multi-byte character (decoding each chunk on its own
      // turned such a character into U+FFFD and broke the audit chain of the restored copy)
      for await (const chunk of stream) await write(chunk as Buffer);
    }
    await client.query('COMMIT');
  } finally {
    gzip.end();
    await done;
    await client.end();
  }
  return counts;
}

/** The header line of a backup file (its tables, migrations and audit head). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const raw = createReadStream(file);
  const input = raw.pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      const header = JSON.parse(line) as BackupHeader;
      if (header.format === 'ganbu-backup') return header;
      break;
    }
  } finally {
    lines.close();
    input.destroy();
    raw.destroy();
  }
  throw new Error('not a ganbu backup file');
}

/**
 * Restore into a freshly migrated, empty database (same migrations). Foreign keys and triggers are
 * skipped during the load (session_replication_role = replica, needs a superuser), sequences follow.
 */
export async function restoreDatabase(adminUrl: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    return r.done ? null : r.value;
  };
  const counts: Record<string, number> = {};
  try {
    const first = await next();
    const header = first ? (JSON.parse(first) as BackupHeader) : null;
    if (header?.format !== 'ganbu-backup') throw new Error('not a ganbu backup file');
    const migrations = (
      await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    ).rows.map((r) => r.name);
    if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
      throw new Error(
        `backup has migrations ${header.migrations.join(',')}, target has ${migrations.join(',')}`,
      );
    }
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const table of await tablesOf(client)) {
      if (table === 'schema_migrations') continue;
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
      if (Number(rows[0]?.n) > 0)
        throw new Error(`target table ${table} is not empty: restore needs an empty database`);
    }
    for (let i = 0; i < header.tables.length; i++) {
      const line = await next();
      if (!line) throw new Error('backup file is truncated');
      const meta = JSON.parse(line) as { table: string; columns: string[]; rows: number };
      const skip = meta.table === 'schema_migrations';
      const pass = new PassThrough();
      const copy = skip
        ? null
        : client.query(
            copyFrom(
              `COPY ${quoteIdent(meta.table)} (${meta.columns.map(quoteIdent).join(', ')}) FROM STDIN`,
            ),
          );
      const loading = copy ? pipeline(pass, copy) : Promise.resolve();
      for (let r = 0; r < meta.rows; r++) {
        const row = await next();
        if (row === null) throw new Error(`backup file is truncated in ${meta.table}`);
        if (!pass.write(row + '\n')) await once(pass, 'drain');
      }
      pass.end();
      if (skip) pass.resume();
      await loading;
      counts[meta.table] = meta.rows;
    }
    const { rows: seqs } = await client.query<{ seq: string; tbl: string; col: string }>(
      `SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
         FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
         JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        WHERE s.relnamespace = 'public'::regnamespace`,
    );
    for (const s of seqs) {
      await client.query(
        `SELECT setval('${s.seq}', coalesce((SELECT max(${quoteIdent(s.col)}) FROM ${quoteIdent(s.tbl)}), 0) + 1, false)`,
      );
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    lines.close();
    await client.end();
  }
  return counts;
}
