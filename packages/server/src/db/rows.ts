import type pg from 'pg';

/**
 * The data layer's one way to read rows: parameterised SQL on node-postgres, each row turned into the
 * record the code works with by a typed mapper (`Row` is the shape the SQL selects, in snake_case).
 * See docs/ARCHITECTURE.md, "Data access".
 */
export async function queryRows<Row extends pg.QueryResultRow, T>(
  client: pg.ClientBase,
  sql: string,
  params: readonly unknown[],
  map: (row: Row) => T,
): Promise<T[]> {
  const { rows } = await client.query<Row>(sql, params as unknown[]);
  return rows.map(map);
}

/** The first row mapped, or null when the query returns none. */
export async function queryRow<Row extends pg.QueryResultRow, T>(
  client: pg.ClientBase,
  sql: string,
  params: readonly unknown[],
  map: (row: Row) => T,
): Promise<T | null> {
  const { rows } = await client.query<Row>(sql, params as unknown[]);
  return rows[0] ? map(rows[0]) : null;
}
