import type pg from 'pg';

/**
 * Runs one report query over the whole district (100,000 cadres: a few hundred thousand rows sorted and
 * grouped) with a larger `work_mem`, so its sorts stay in memory instead of spilling to disk; the setting
 * is put back afterwards (it is transaction-local, and the request's transaction goes on).
 *
 * `hashPlans`: also without nested loops and sorts (`enable_nestloop`, `enable_sort` off) for the query.
 * Under row-level security the planner expects one row from each scanned table (the scope's quals are
 * parameters it cannot estimate), so a join of 100,000 cadres to a per-cadre table becomes 100,000 index
 * look-ups and their grouping a sort of 100,000 wide rows; a report that joins and groups whole tables says
 * so here and gets hash joins and hash aggregates.
 */
export async function withReportMemory<T>(
  client: pg.ClientBase,
  run: () => Promise<T>,
  opts: { hashPlans?: boolean } = {},
): Promise<T> {
  const { rows } = await client.query<{ old: string; nestloop: string; sort: string }>(
    `SELECT current_setting('work_mem') AS old, current_setting('enable_nestloop') AS nestloop,
            current_setting('enable_sort') AS sort, set_config('work_mem', '64MB', true),
            set_config('enable_nestloop', CASE WHEN $1::boolean THEN 'off' ELSE current_setting('enable_nestloop') END, true),
            set_config('enable_sort', CASE WHEN $1::boolean THEN 'off' ELSE current_setting('enable_sort') END, true)`,
    [opts.hashPlans === true],
  );
  try {
    return await run();
  } finally {
    await client.query(
      `SELECT set_config('work_mem', $1, true), set_config('enable_nestloop', $2, true),
              set_config('enable_sort', $3, true)`,
      [rows[0]!.old, rows[0]!.nestloop, rows[0]!.sort],
    );
  }
}
