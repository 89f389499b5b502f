/**
 * Pay-run benchmark (issue 13): a performance-bonus run over a district of 100,000 cadres — the kind that
 * gathers the most (every cadre's published grade and their eligibility for `bonus` as of the period end) —
 * timed as the product runs it: `compute` (gather + freeze the inputs, core `computePay`, store the lines
 * and the frozen inputs) in the organisation department's scope, inside one transaction, on the embedded
 * PostgreSQL (and DATABASE_URL when set). Then the lines' first page with the visible totals, and a what-if.
 *
 *   node --import tsx bench/pay/pay-run.ts [--cadres 100000] [--runs 3]
 */
import type pg from 'pg';
import { compute, createRun, listLines, whatIf } from '../../packages/server/src/modules/pay/service/runs.ts';
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

await runBench(
  {
    name: 'pay-run',
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
    const year = 2026;

    // ------------------------------------------------------------------ seed (admin, past RLS)
    const { rows: have } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cadres`);
    const toAdd = Math.max(0, nCadres - (have[0]?.n ?? 0));
    progress(
      `seeding ${int(toAdd)} cadres in the streets and departments (the demo district has ${int(have[0]?.n ?? 0)})`,
    );
    const t0 = performance.now();
    await admin.query(
      `WITH o AS (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths, count(*)::int AS n
                    FROM orgs WHERE active AND kind IN ('street', 'department'))
       INSERT INTO cadres (org_id, org_path, name, gender, birth_date, rank, category)
       SELECT o.ids[1 + g % o.n], o.paths[1 + g % o.n], '测评' || g, CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END,
              to_char(date '1965-01-01' + (g % 12000), 'YYYY-MM-DD'),
              (ARRAY['正科级','副科级','一级主任科员','二级科员'])[1 + g % 4], 'comprehensive'
         FROM generate_series(1, $1::int) g, o`,
      [toAdd],
    );
    // one published 2026 annual round grading every cadre of the streets and departments (15 % 优秀, 3 % 基本称职,
    // 1 % 不称职, 1 % ungraded, the rest 称职)
    const { rows: root } = await admin.query<{ id: string; path: string }>(
      `SELECT id, path::text FROM orgs WHERE parent_id IS NULL`,
    );
    const { rows: rules } = await admin.query<{ rules: unknown }>(
      `SELECT rules FROM assessment_rounds WHERE scheme_id = 'street-annual' LIMIT 1`,
    );
    const { rows: round } = await admin.query<{ id: string }>(
      `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
         period_start, period_end, state)
       VALUES ($1, $2::ltree, '${year}年度机关工作人员考核（基准）', 'fengze', '2018-01-01', 'street-annual', $3,
         '${year}-01-01', '${year}-12-31', 'published') RETURNING id`,
      [root[0]!.id, root[0]!.path, JSON.stringify(rules[0]!.rules)],
    );
    await admin.query(
      `INSERT INTO assessment_targets (round_id, cadre_id, unit_id, unit_path, name, final_grade, published)
       SELECT $1, c.id, c.org_id, c.org_path, c.name,
              CASE WHEN n % 100 < 15 THEN 'excellent' WHEN n % 100 < 18 THEN 'basic' WHEN n % 100 = 18 THEN 'incompetent'
                   ELSE 'competent' END, true
         FROM (SELECT c.*, row_number() OVER (ORDER BY c.id) AS n FROM cadres c JOIN orgs o ON o.id = c.org_id
                WHERE o.kind IN ('street', 'department') AND c.deactivated_at IS NULL) c
        WHERE n % 100 <> 99`,
      [round[0]!.id],
    );
    // the district's 2026 bonus table (区直机关同等次绩效奖), yuan → fen
    for (const [key, yuan] of [
      ['excellent', 30_000],
      ['competent', 24_000],
      ['basic', 16_000],
      ['incompetent', 0],
    ] as const)
      await admin.query(
        `INSERT INTO pay_tables (year, kind, key, label, amount_fen) VALUES ($1, 'bonus-base', $2, $2, $3)
         ON CONFLICT (year, kind, key) DO UPDATE SET amount_fen = EXCLUDED.amount_fen`,
        [year, key, yuan * 100],
      );
    await admin.query(`ANALYZE cadres, assessment_targets, assessment_rounds, pay_tables`);
    const counts = (
      await admin.query<{ c: number; t: number }>(
        `SELECT (SELECT count(*)::int FROM cadres) c, (SELECT count(*)::int FROM assessment_targets WHERE round_id = $1) t`,
        [round[0]!.id],
      )
    ).rows[0]!;
    progress(`  seeded in ${ms(performance.now() - t0)} ms`);

    // ------------------------------------------------------------------ measure (orgdept scope, one transaction)
    const actor = await actorOf(stack, 'orgdept');
    const client = await stack.pool.connect();
    const ctxOf = (c: pg.PoolClient): RequestContext => ({
      client: c,
      actor,
      now: new Date(`${year}-12-06T06:00:00Z`),
      clientAddress: '127.0.0.1',
      audited: false,
      audit: async () => {},
    });
    const times: number[] = [];
    const lineReads: number[] = [];
    const whatIfs: number[] = [];
    let result: { lineCount: number; totalFen: number | null; excluded: number } | null = null;
    try {
      await client.query('BEGIN');
      await setScope(client, actor);
      const ctx = ctxOf(client);
      const run = await createRun(ctx, { kind: 'performance-bonus', period: String(year), packId: 'fengze' });
      resetPeakRss();
      for (let i = 0; i < runs + 1; i++) {
        const a = performance.now();
        const r = await compute(ctx, run.id);
        const b = performance.now();
        result = { lineCount: r.lineCount, totalFen: r.totalFen, excluded: r.excluded.length };
        const l0 = performance.now();
        await listLines(ctx, run.id, { page: 1, pageSize: 50 });
        const l1 = performance.now();
        await whatIf(ctx, run.id, { packId: 'wenzhou' });
        const w1 = performance.now();
        progress(
          `  run ${i}: compute ${ms(b - a)} ms, lines page ${ms(l1 - l0)} ms, what-if ${ms(w1 - l1)} ms`,
        );
        if (i === 0) continue; // warm-up
        times.push(b - a);
        lineReads.push(l1 - l0);
        whatIfs.push(w1 - l1);
      }
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const s = (xs: number[]) => {
      const st = stats(xs);
      return `p50 ${ms(st.p50)} ms  mean ${ms(st.mean)} ms  max ${ms(st.max)} ms`;
    };
    out(`# pay run — ${stack.target.label}, ${stack.serverVersion}`);
    out(`district: ${int(counts.c)} cadres, ${int(counts.t)} graded in the ${year} annual round`);
    out(
      `run: fengze performance bonus ${year} over the district as orgdept: ${int(result!.lineCount)} lines, ` +
        `total ¥${((result!.totalFen ?? 0) / 100).toLocaleString('en-US')}, ${int(result!.excluded)} excluded; ${runs} runs after one warm-up`,
    );
    out(`compute (gather + computePay + store lines and frozen inputs): ${s(times)}   target ≤ 10,000 ms`);
    out(`lines, first page with the visible totals: ${s(lineReads)}`);
    out(`what-if under wenzhou (frozen inputs, both computations, comparePay): ${s(whatIfs)}`);
    out(`peak RSS of this process: ${mb(peakRssKb())}   target ≤ 1,024 MB`);
  },
);
