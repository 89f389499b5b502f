import type pg from 'pg';

/**
 * Runs one report query over the whole district (100,000 cadres: a few hundred thousand rows sorted and
 * grouped) with a larger `work_mem`, so its sorts stay in memory instead of spilling to disk; the setting
 * is put back afterwards (it is transaction-local, and the request's transaction goes on).
 */
export async function withReportMemory<T>(client: pg.ClientBase, run: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<{ old: string }>(
    `SELECT current_setting('work_mem') AS old, set_config('work_mem', '64MB', true)`,
  );
  try {
    return await run();
  } finally {
    await client.query(`SELECT set_config('work_mem', $1, true)`, [rows[0]!.old]);
  }
}
