import type pg from 'pg';

/**
 * `pay_tables` (the district's base amounts per year, kind and key) and `pay_statistics` (figures a policy
 * refers to). Both are district-wide: row-level security lets any signed-in user read and 组织部 (or the
 * system context) write.
 */

export type PayTableKind = 'rank-base' | 'bonus-base' | 'village-base';

export interface PayTableRowRecord {
  kind: PayTableKind;
  key: string;
  label: string;
  amountFen: number;
  updatedAt: string;
}

interface TableRow {
  kind: PayTableKind;
  key: string;
  label: string;
  amount_fen: string;
  updated_at: Date;
}

const toRow = (r: TableRow): PayTableRowRecord => ({
  kind: r.kind,
  key: r.key,
  label: r.label,
  amountFen: Number(r.amount_fen),
  updatedAt: r.updated_at.toISOString(),
});

const KIND_ORDER = `array_position(ARRAY['rank-base','bonus-base','village-base'], kind)`;

/** The year's rows (of one kind, or all), in kind order, then by amount (largest first) and key. */
export async function selectTable(
  client: pg.ClientBase,
  year: number,
  kind?: PayTableKind,
): Promise<PayTableRowRecord[]> {
  const { rows } = await client.query<TableRow>(
    `SELECT kind, key, label, amount_fen, updated_at FROM pay_tables
      WHERE year = $1 AND ($2::text IS NULL OR kind = $2)
      ORDER BY ${KIND_ORDER}, amount_fen DESC, key`,
    [year, kind ?? null],
  );
  return rows.map(toRow);
}

/** Replace the year's rows of one kind (delete, then one multi-row insert). */
export async function replaceKind(
  client: pg.ClientBase,
  year: number,
  kind: PayTableKind,
  rows: { key: string; label: string; amountFen: number }[],
  userId: string | null,
): Promise<void> {
  await client.query('DELETE FROM pay_tables WHERE year = $1 AND kind = $2', [year, kind]);
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO pay_tables (year, kind, key, label, amount_fen, updated_by)
     SELECT $1, $2, r.key, r.label, r.amount_fen, $6
       FROM unnest($3::text[], $4::text[], $5::bigint[]) AS r(key, label, amount_fen)`,
    [
      year,
      kind,
      rows.map((r) => r.key),
      rows.map((r) => r.label),
      rows.map((r) => String(r.amountFen)),
      userId,
    ],
  );
}

/** Every key the district has ever given an amount, by kind (an old rank keeps its place in the table). */
export async function selectUsedKeys(client: pg.ClientBase): Promise<{ kind: PayTableKind; key: string }[]> {
  const { rows } = await client.query<{ kind: PayTableKind; key: string }>(
    'SELECT DISTINCT kind, key FROM pay_tables ORDER BY kind, key',
  );
  return rows;
}

/** The ranks (职级) the registry's cadres carry today, as written on their records (in the caller's scope). */
export async function selectRegistryRanks(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ rank: string }>(
    `SELECT DISTINCT rank FROM cadres WHERE rank <> '' AND deactivated_at IS NULL ORDER BY rank`,
  );
  return rows.map((r) => r.rank);
}

export interface PayStatisticRecord {
  key: string;
  year: number;
  valueFen: number;
  source: string;
}

export async function selectStatistics(client: pg.ClientBase): Promise<PayStatisticRecord[]> {
  const { rows } = await client.query<{ key: string; year: number; value_fen: string; source: string }>(
    'SELECT key, year, value_fen, source FROM pay_statistics ORDER BY key, year DESC',
  );
  return rows.map((r) => ({ key: r.key, year: r.year, valueFen: Number(r.value_fen), source: r.source }));
}

export async function selectStatistic(
  client: pg.ClientBase,
  key: string,
  year: number,
): Promise<PayStatisticRecord | null> {
  return (await selectStatistics(client)).find((s) => s.key === key && s.year === year) ?? null;
}

export async function upsertStatistic(
  client: pg.ClientBase,
  s: PayStatisticRecord,
  userId: string | null,
): Promise<void> {
  await client.query(
    `INSERT INTO pay_statistics (key, year, value_fen, source, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (key, year) DO UPDATE
       SET value_fen = EXCLUDED.value_fen, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by,
           updated_at = now()`,
    [s.key, s.year, String(s.valueFen), s.source, userId],
  );
}
