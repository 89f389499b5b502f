import { shippedPacks } from '@ganbu/core';
import type { TestDb } from '../helpers.ts';
import { asSystem } from './system.ts';

/**
 * A computed Fengze street-uplift run of `orgId` for 2026 with one line (the cadre's, ¥12,000.00 on a base of
 * ¥100,000.00) and its frozen inputs — the rows `compute` writes, without gathering (plain SQL in the system
 * scope).
 */
export async function newPayRun(
  db: TestDb,
  r: { orgId: string; cadreId: string; name?: string },
): Promise<{ id: string; lineId: string }> {
  const pack = shippedPacks().find((p) => p.id === 'fengze' && p.version.effectiveFrom === '2018-01-01');
  if (!pack?.pay) throw new Error('newPayRun: no fengze pay section');
  const policy = { pay: pack.pay, orgName: '' };
  return asSystem(db, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO pay_runs (org_id, org_path, name, kind, period, pack_id, pack_effective_from, pack_name, policy,
         budget_fen, state, total_fen, line_count, computed_at)
       SELECT o.id, o.path, $2, 'street-uplift', '2026', 'fengze', '2018-01-01', $3, $4, 1200000, 'computed',
              1200000, 1, now()
         FROM orgs o WHERE o.id = $1 RETURNING id`,
      [r.orgId, r.name ?? '越权测试核算', pack.name, JSON.stringify(policy)],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`newPayRun: unit ${r.orgId} not found`);
    const { rows: lines } = await client.query<{ id: string }>(
      `INSERT INTO pay_lines (run_id, cadre_id, unit_id, unit_path, name, unit_name, amount_fen, base_fen,
         explanation, sort_order)
       SELECT $1, c.id, c.org_id, c.org_path, c.name, o.name, 1200000, 10000000, $3, 0
         FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.id = $2 RETURNING id`,
      [id, r.cadreId, JSON.stringify({ summary: '基数 ¥100,000.00 × 12%', steps: [], notes: [] })],
    );
    if (!lines[0]) throw new Error(`newPayRun: cadre ${r.cadreId} not found`);
    await client.query(`INSERT INTO pay_run_frozen (run_id, inputs, summary) VALUES ($1, $2, $3)`, [
      id,
      JSON.stringify({
        kind: 'street-uplift',
        period: '2026',
        asOf: '2026-12-31',
        pack: { id: 'fengze', effectiveFrom: '2018-01-01', name: pack.name },
        people: [],
        tables: { rankBase: {}, bonusBase: {}, villageBase: {} },
        statistics: {},
        budgetFen: 1200000,
      }),
      JSON.stringify({ unitTotals: [], excluded: [] }),
    ]);
    return { id, lineId: lines[0].id };
  });
}
