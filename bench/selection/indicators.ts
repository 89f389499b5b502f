/**
 * Structure-indicator benchmark (issue 14, R-SEL-1): every indicator shipped in every pack, computed over a
 * district of 100,000 cadres with its breakdown at district level (the district's figures and one row per
 * child unit, as `GET /api/indicators/:id/breakdown` answers), timed as the product runs it — the service in
 * the organisation department's scope (全部), inside one transaction, on the embedded PostgreSQL (and
 * DATABASE_URL when set). Also the first page of the people behind each number and the whole list
 * (`GET /api/indicators`) of each pack.
 *
 *   node --import tsx bench/selection/indicators.ts [--cadres 100000] [--runs 3]
 */
import { SHIPPED_PACK_IDS, shippedPacks } from '@ganbu/core';
import type pg from 'pg';
import {
  breakdown,
  listIndicators,
  people,
} from '../../packages/server/src/modules/selection/indicators/service.ts';
import type { RequestContext } from '../../packages/server/src/platform/context.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import {
  actorOf,
  int,
  mb,
  ms,
  out,
  peakRssKb,
  progress,
  resetPeakRss,
  runBench,
  stats,
} from '../registry/lib.ts';
import { seedDistrict } from '../lib/district.ts';

await runBench(
  {
    name: 'selection-indicators',
    timeoutS: 1800,
    options: {
      cadres: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '3' },
    },
  },
  async (stack, args) => {
    const nCadres = Number(args.cadres);
    const runs = Number(args.runs);
    const admin = stack.admin;
    const asOf = '2026-11-02';

    // ------------------------------------------------------------------ seed (admin, past RLS)
    const district = await seedDistrict(admin, { cadres: nCadres, prefix: '指标' });
    const t0 = performance.now();
    // pools: 副处级 reserve (one cadre in 150 of the 正科级), the young pool, and village/community reserves
    // (one to three per village and community)
    await admin.query(
      `INSERT INTO pool_members (cadre_id, org_path, kind, level, unit_org_id, unit_path, entered_on, entry_reason)
       SELECT c.id, c.org_path, 'reserve', '副处级', c.org_id, c.org_path, date '2025-01-01', '基准'
         FROM cadres c WHERE c.rank = '正科级' AND abs(hashtext(c.id::text)) % 150 = 0
       UNION ALL
       SELECT c.id, c.org_path, 'young', '正科级', c.org_id, c.org_path, date '2025-01-01', '基准'
         FROM cadres c WHERE c.birth_day > date '1991-11-02' AND abs(hashtext(c.id::text)) % 40 = 0`,
    );
    await admin.query(
      `INSERT INTO pool_members (cadre_id, org_path, kind, level, unit_org_id, unit_path, entered_on, entry_reason)
       SELECT p.id, p.org_path, 'reserve', '村(社区)两委', p.org_id, p.org_path, date '2025-06-01', '基准'
         FROM (SELECT c.id, c.org_id, c.org_path, row_number() OVER (PARTITION BY c.org_id ORDER BY c.id) AS n,
                      1 + abs(hashtext(o.code)) % 3 AS quota
                 FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE o.kind IN ('village','community')) p
        WHERE p.n <= p.quota`,
    );
    await admin.query(`ANALYZE cadres, pool_members, orgs`);
    const counts = (
      await admin.query<{ c: number; o: number; p: number }>(
        `SELECT (SELECT count(*)::int FROM cadres) c, (SELECT count(*)::int FROM orgs) o,
                (SELECT count(*)::int FROM pool_members) p`,
      )
    ).rows[0]!;
    progress(`  pools seeded in ${ms(performance.now() - t0)} ms`);
    const districtId = district.id;

    // ------------------------------------------------------------------ measure (orgdept scope, one transaction)
    const actor = await actorOf(stack, 'orgdept');
    const lines: string[] = [];
    const worst = { ms: 0, what: '' };
    resetPeakRss();
    for (const packId of SHIPPED_PACK_IDS) {
      const pack = shippedPacks()
        .filter((p) => p.id === packId)
        .sort((a, b) => b.version.effectiveFrom.localeCompare(a.version.effectiveFrom))[0];
      const indicators = pack?.selection?.indicators ?? [];
      if (indicators.length === 0) {
        lines.push(`${packId}: no indicators`);
        continue;
      }
      await admin.query(
        `INSERT INTO settings (key, value) VALUES ('policy.pack', to_jsonb($1::text))
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [packId],
      );
      const client: pg.PoolClient = await stack.pool.connect();
      try {
        await client.query('BEGIN');
        await setScope(client, actor);
        const ctx: RequestContext = {
          client,
          actor,
          now: new Date(`${asOf}T04:00:00Z`),
          clientAddress: '127.0.0.1',
          audited: false,
          audit: async () => {},
        };
        const q = { orgId: districtId, asOf };
        const listTimes: number[] = [];
        for (let i = 0; i < runs + 1; i++) {
          const a = performance.now();
          await listIndicators(ctx, q);
          if (i > 0) listTimes.push(performance.now() - a);
        }
        lines.push(`${packId}: GET /api/indicators (${indicators.length} indicators): ${fmt(listTimes)}`);
        for (const ind of indicators) {
          const times: number[] = [];
          const peopleTimes: number[] = [];
          let answer = '';
          for (let i = 0; i < runs + 1; i++) {
            const a = performance.now();
            const b = await breakdown(ctx, ind.id, q);
            const m = performance.now();
            await people(ctx, ind.id, { ...q, part: 'numerator', page: 1, pageSize: 20 });
            const e = performance.now();
            if (i === 0) {
              answer =
                `${b.indicator.valueText} (population ${int(b.indicator.population)}, ${b.rows.length} rows` +
                (b.indicator.units
                  ? `, units ${b.indicator.units.meeting}/${b.indicator.units.judged}`
                  : '') +
                `, gap ${b.indicator.gap})`;
              continue; // warm-up
            }
            times.push(m - a);
            peopleTimes.push(e - m);
          }
          const p50 = stats(times).p50;
          if (p50 > worst.ms) Object.assign(worst, { ms: p50, what: `${packId}/${ind.id}` });
          lines.push(`  ${ind.id}: ${answer}`);
          lines.push(`    value + district breakdown: ${fmt(times)}`);
          lines.push(`    people, first page:         ${fmt(peopleTimes)}`);
        }
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      progress(`  ${packId} done`);
    }

    out(`# structure indicators — ${stack.target.label}, ${stack.serverVersion}`);
    out(
      `district: ${int(counts.c)} cadres, ${int(counts.o)} units, ${int(counts.p)} pool memberships; ` +
        `as orgdept (全部) on ${asOf}; ${runs} runs after one warm-up`,
    );
    for (const l of lines) out(l);
    out(`slowest value + breakdown (p50): ${ms(worst.ms)} ms (${worst.what})   target ≤ 500 ms each`);
    out(`peak RSS of this process: ${mb(peakRssKb())}`);
  },
);

function fmt(xs: number[]): string {
  const st = stats(xs);
  return `p50 ${ms(st.p50)} ms  mean ${ms(st.mean)} ms  max ${ms(st.max)} ms`;
}
