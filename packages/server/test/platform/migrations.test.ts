import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  editedMigrationMessage,
  ensureRoles,
  migrate,
  migrationChecksum,
  migrationFiles,
} from '../../src/db/bootstrap.ts';
import { TEST_APP_PASSWORD, withDatabase } from '../db-urls.ts';

/**
 * Migrations carry a checksum: a database whose applied migration's file was edited refuses to start, with
 * one line naming the file; a database migrated before checksums existed records them on its first start.
 * Runs on a fresh, empty database and a temporary copy of the migrations folder.
 */
const realDir = new URL('../../src/db/migrations/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ganbu-migrations-'));
const name = `ganbu_t_${process.ppid}_mig${process.pid}`;
const base = inject('adminBaseUrl');
let admin: pg.Client;

async function maintenance(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  cpSync(realDir, dir, { recursive: true });
  await maintenance(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  admin = new pg.Client({ connectionString: withDatabase(base, name) });
  await admin.connect();
  await ensureRoles(admin, TEST_APP_PASSWORD);
});

afterAll(async () => {
  await admin?.end();
  await maintenance(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

const recorded = async () =>
  (
    await admin.query<{ name: string; checksum: string | null }>(
      'SELECT name, checksum FROM schema_migrations ORDER BY name',
    )
  ).rows;

describe('[platform] migrations carry a checksum', () => {
  it('a fresh database records the SHA-256 of every migration it applies', async () => {
    const files = migrationFiles(dir);
    expect(await migrate(admin, dir)).toEqual(files.map((f) => f.name));
    expect(await recorded()).toEqual(files.map((f) => ({ name: f.name, checksum: f.checksum })));
    const first = files[0];
    if (!first) throw new Error('no migrations');
    expect(first.checksum).toBe(migrationChecksum(readFileSync(join(realDir, first.name), 'utf8')));
    expect(first.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an unchanged set starts again and applies nothing', async () => {
    expect(await migrate(admin, dir)).toEqual([]);
  });

  it('an edited, already applied migration refuses the start with one line naming the file', async () => {
    const file = join(dir, '0005_assessment.sql');
    const original = readFileSync(file, 'utf8');
    const before = (await recorded()).find((r) => r.name === '0005_assessment.sql')?.checksum ?? '';
    appendFileSync(file, '\n-- an afterthought\n');
    try {
      const after = migrationChecksum(readFileSync(file, 'utf8'));
      const refusal = migrate(admin, dir);
      await expect(refusal).rejects.toThrow(editedMigrationMessage('0005_assessment.sql', before, after));
      await expect(refusal).rejects.toThrow(
        /^migration 0005_assessment\.sql was edited after it was applied to this database \(checksum [0-9a-f]{12}…≠[0-9a-f]{12}…\): restore the file or migrate the database by a new migration$/,
      );
    } finally {
      writeFileSync(file, original);
    }
    // nothing was recorded or applied by the refused start; the restored file starts again
    expect((await recorded()).find((r) => r.name === '0005_assessment.sql')?.checksum).toBe(before);
    expect(await migrate(admin, dir)).toEqual([]);
  });

  it('an edit is refused even when a new migration is waiting, and the new one is not applied', async () => {
    const file = join(dir, '0001_platform.sql');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('CREATE FUNCTION app_setting', 'CREATE FUNCTION  app_setting'));
    writeFileSync(join(dir, '0999_later.sql'), 'CREATE TABLE later_test (id int);');
    try {
      await expect(migrate(admin, dir)).rejects.toThrow(/^migration 0001_platform\.sql was edited/);
      expect((await recorded()).map((r) => r.name)).not.toContain('0999_later.sql');
    } finally {
      writeFileSync(file, original);
    }
    expect(await migrate(admin, dir)).toEqual(['0999_later.sql']);
    rmSync(join(dir, '0999_later.sql'));
  });

  it('CRLF line endings are the same file', () => {
    expect(migrationChecksum('SELECT 1;\r\nSELECT 2;\r\n')).toBe(migrationChecksum('SELECT 1;\nSELECT 2;\n'));
  });

  it('a database migrated before checksums existed records them on its first start, then checks them', async () => {
    // as such a database looked: no checksum column
    await admin.query('ALTER TABLE schema_migrations DROP COLUMN checksum');
    expect(await migrate(admin, dir)).toEqual([]);
    const files = migrationFiles(dir);
    expect((await recorded()).filter((r) => r.name !== '0999_later.sql')).toEqual(
      files.map((f) => ({ name: f.name, checksum: f.checksum })),
    );
    // an empty checksum (column present, value missing) is recorded too
    await admin.query(`UPDATE schema_migrations SET checksum = NULL WHERE name = '0002_cadre_registry.sql'`);
    expect(await migrate(admin, dir)).toEqual([]);
    expect((await recorded()).find((r) => r.name === '0002_cadre_registry.sql')?.checksum).toBe(
      files.find((f) => f.name === '0002_cadre_registry.sql')?.checksum,
    );
    const file = join(dir, '0002_cadre_registry.sql');
    const original = readFileSync(file, 'utf8');
    appendFileSync(file, '\n');
    try {
      await expect(migrate(admin, dir)).rejects.toThrow(/^migration 0002_cadre_registry\.sql was edited/);
    } finally {
      writeFileSync(file, original);
    }
  });
});
