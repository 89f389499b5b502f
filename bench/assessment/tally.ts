/**
 * Tally benchmark (计票) of a province-size round: 100,000 targets, 2,000,000 ballots. Times the fastest
 * hand-written SQL aggregate over the round's ballot rows and the product's tally — the compute transition
 * through the HTTP API as orgdept — in the same run, on the embedded PostgreSQL and on DATABASE_URL.
 *
 *   node --import tsx bench/assessment/tally.ts [--targets 100000] [--ballots 2000000]
 *        [--pack jinan --scheme town-regular] [--baseline-runs 3] [--compute-runs 2] [--sample 500]
 *        [--server-heap-mb N]   (the server child's --max-old-space-size; default: what `npm start` sets,
 *                                package.json config.serverHeapMb; 0 for none)
 *        [--server-node-args "…"]   (more node flags for the server child, e.g. --cpu-prof --cpu-prof-dir=DIR)
 *        [--plan-file PATH]   (where the EXPLAIN output goes; default bench/assessment/tally-plan.txt)
 *
 * To iterate on one generated round: `tally-hold.ts` generates it and keeps the database, `tally-variants.ts`
 * measures the tally variants (CPU, interleaved) against it.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import {
  evaluateRound,
  proposeGrades,
  rankTargets,
  tallyFromAggregates,
  toFractionString,
  type GroupScoreAggregate,
  type StoredBallotScore,
  type Waiver,
} from '@ganbu/core';
import type pg from 'pg';
import { backendPid, sample as cpuSample } from '../lib/cpu.ts';
import {
  computeThroughApi,
  createRound,
  generateBallots,
  generateCadres,
  procStatus,
  ROUND_OPTIONS,
  startServer,
} from './round-seed.ts';
import { evaluate, tallyRound } from '../../packages/server/src/modules/assessment/service/compute.ts';
import {
  explainedResult,
  type StoredResult,
} from '../../packages/server/src/modules/assessment/service/stored-results.ts';
import { findRound } from '../../packages/server/src/modules/assessment/service/rounds.ts';
import {
  PLANNER_SETTINGS,
  RESULT_BATCH,
  STORE_SETTINGS,
  STORE_SQL,
  stageResults,
} from '../../packages/server/src/modules/assessment/repository/tally.ts';
import {
  BALLOT_ROUND_HINT,
  streamTargetAggregates,
  targetAggregateSql,
} from '../../packages/server/src/modules/assessment/repository/tally-targets.ts';
import { previousTallyRound } from './tally-previous.ts';
import { withPerRowPolicy } from './tally-policy.ts';
import type { Actor, RequestContext } from '../../packages/server/src/platform/context.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import {
  actorOf,
  authHeaders,
  int,
  login,
  mb,
  out,
  progress,
  runBench,
  type Stack,
} from '../registry/lib.ts';

const REPO = resolve(import.meta.dirname, '../..');
const TARGET_RATIO = 1.5;
/** the heap cap `npm start` gives the server (package.json config.serverHeapMb) */
const NPM_START_HEAP_MB = (
  JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { config: { serverHeapMb: string } }
).config.serverHeapMb;
/** a stored result's status: compact results carry it at the top, whole ones in the tally */
const STATUS = `coalesce(result->>'status', result->'tally'->>'status')`;
const RSS_BUDGET_KB = 1024 * 1024;
/** the server at rest: ≤ 300 MB RSS (the guide's idle budget, measured with the demo district) */
const IDLE_BUDGET_KB = 300 * 1024;
/** the hand-written aggregate: what any tally has to read, and nothing more */
const BASELINE_SQL = `SELECT target_id, group_id, count(*), sum(total), max(total), min(total)
  FROM ballot_scores WHERE round_id = $1 GROUP BY 1, 2`;

// ------------------------------------------------------------------------------------------ machine

function machineTicks(): { busy: number; total: number } {
  const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - (f[3] ?? 0) - (f[4] ?? 0), total };
}

/** CPU use of the whole machine since `t0`: the benchmark machine may be shared. */
function machineLine(t0: { busy: number; total: number }): string {
  const t1 = machineTicks();
  const busy = (100 * (t1.busy - t0.busy)) / Math.max(1, t1.total - t0.total);
  return `${availableParallelism()} CPUs, ${busy.toFixed(0)} % busy over the measurements (all processes), load average ${loadavg()[0]?.toFixed(1)}`;
}

const sec = (v: number) => `${(v / 1000).toFixed(2)} s`;

/** utime + stime of a process, ms (0 when it is gone or not readable). */
function processCpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU of the server child and of every backend of the benchmark database (the server's pool among them). */
async function computeCpu(
  stack: Stack,
  serverPid: number,
): Promise<{ server: number; backends: Map<number, number> }> {
  const { rows } = await stack.admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return {
    server: processCpuMs(serverPid),
    backends: new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)])),
  };
}

/** CPU the backends spent between two snapshots (a backend that appeared in between counts from 0). */
function backendsDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

// ------------------------------------------------------------------------------------------ timing

/** The hand-written aggregate, read completely into Node (array rows, as the product reads them). */
async function timeAggregate(
  client: pg.ClientBase,
  sql: string,
  roundId: string,
): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const r = await client.query({ text: sql, values: [roundId], rowMode: 'array' });
  return { ms: performance.now() - t0, rows: r.rows.length };
}

/** `fn` inside BEGIN … ROLLBACK on an app-role connection with orgdept's scope, like a request. */
async function asRequest<T>(stack: Stack, actor: Actor, fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
  const client = await stack.pool.connect();
  try {
    await client.query('BEGIN');
    await setScope(client, actor);
    const ctx: RequestContext = {
      client,
      actor,
      now: new Date(),
      clientAddress: '127.0.0.1',
      audited: false,
      audit: async () => undefined,
    };
    return await fn(ctx);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

async function explain(client: pg.ClientBase, sql: string, roundId: string, who: string): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [
    roundId,
  ]);
  return [`--- ${who}`, sql.replace(/\s+/g, ' '), '', ...rows.map((r) => r['QUERY PLAN']), ''].join('\n');
}

let planFileStarted = false;

await runBench(
  {
    name: 'tally',
    timeoutS: 3600,
    options: {
      ...ROUND_OPTIONS,
      'baseline-runs': { type: 'string', default: '3' },
      'compute-runs': { type: 'string', default: '2' },
      sample: { type: 'string', default: '500' },
      'server-heap-mb': { type: 'string', default: '' },
      'server-node-args': { type: 'string', default: '' },
      // where the plans go (two runs at once, one per database, each to its own file)
      'plan-file': { type: 'string', default: new URL('./tally-plan.txt', import.meta.url).pathname },
    },
  },
  async (stack, args) => {
    const targetCount = Number(args.targets);
    const ballotCount = Number(args.ballots);
    const perTarget = Math.round(ballotCount / targetCount);
    const baselineRuns = Number(args['baseline-runs']);
    const computeRuns = Number(args['compute-runs']);
    const label = stack.target.label;

    // ---------------------------------------------------------------- the round
    const g0 = performance.now();
    progress(`${label}: ${int(targetCount)} cadres`);
    await generateCadres(stack, targetCount);
    const round = await createRound(stack, String(args.pack), String(args.scheme));
    progress(`${label}: ${int(targetCount * perTarget)} ballots (${perTarget} per target)`);
    await generateBallots(stack, round, perTarget);
    const genS = (performance.now() - g0) / 1000;
    const { rows: sizes } = await stack.admin.query<{
      targets: number;
      ballots: number;
      scores: number;
      size: string;
    }>(
      `SELECT (SELECT count(*)::int FROM assessment_targets WHERE round_id = $1) AS targets,
              (SELECT count(*)::int FROM ballots WHERE round_id = $1) AS ballots,
              (SELECT count(*)::int FROM ballot_scores WHERE round_id = $1) AS scores,
              pg_size_pretty(pg_total_relation_size('ballot_scores')) AS size`,
      [round.id],
    );
    const size = sizes[0]!;
    const { scheme, quotaRule } = round.rules;

    out();
    out(`== tally · ${label} · ${stack.serverVersion}`);
    out(
      `round: ${int(size.targets)} targets, ${int(size.ballots)} ballots, ${int(size.scores)} score rows (ballot_scores ${size.size}); generated in ${genS.toFixed(0)} s`,
    );
    out(
      `scheme: ${String(args.pack)} ${scheme.id} — ${scheme.raterGroups
        .map(
          (g) =>
            `${g.id} ${g.weight} % ${g.aggregation.method === 'trimmedMean' ? `trimmed from ${g.aggregation.minBallots}` : 'mean'} (min ${g.minRaters})`,
        )
        .join(
          ', ',
        )}; quota ${quotaRule ? `${quotaRule.share} % per ${quotaRule.groupBy}${quotaRule.poolRemainders ? ', remainders pooled' : ''}, ties by ${quotaRule.tieBreak.map((t) => t.by).join(' → ')}` : 'none'}`,
    );
    const ticks0 = machineTicks();

    // ---------------------------------------------------------------- (a) the hand-written aggregate
    progress(`${label}: hand-written aggregate`);
    const baseline: { setting: string; ms: number[] }[] = [];
    // default settings; more work_mem (a hash aggregate in memory); and the product's planner settings
    const settings: [string, Record<string, string>][] = [
      ['default settings', {}],
      ['work_mem 256MB', { work_mem: '256MB' }],
      ["the product's settings (+ no index scan)", PLANNER_SETTINGS],
    ];
    for (const [name, values] of settings) {
      for (const [k, v] of Object.entries(values))
        await stack.admin.query(`SELECT set_config($1, $2, false)`, [k, v]);
      const runs: number[] = [];
      for (let i = 0; i < baselineRuns; i++)
        runs.push((await timeAggregate(stack.admin, BASELINE_SQL, round.id)).ms);
      await stack.admin.query('RESET ALL');
      baseline.push({ setting: `admin login (no RLS), ${name}`, ms: runs });
    }
    const actor = await actorOf(stack, 'orgdept');
    const rlsRuns: number[] = [];
    await asRequest(stack, actor, async (ctx) => {
      for (const [k, v] of Object.entries(PLANNER_SETTINGS))
        await ctx.client.query(`SELECT set_config($1, $2, true)`, [k, v]);
      for (let i = 0; i < baselineRuns; i++)
        rlsRuns.push((await timeAggregate(ctx.client, BASELINE_SQL, round.id)).ms);
    });
    const best = Math.min(...baseline.flatMap((b) => b.ms));

    // ---------------------------------------------------------------- (b) the product
    progress(`${label}: the product's tally`);
    const rowsOfStream: number[] = [];
    const streamMs: number[] = [];
    const tallyRoundMs: number[] = [];
    const evaluateMs: number[] = [];
    // CPU time (the backend's + this process's), the baseline and the tally interleaved: what each costs,
    // whatever the load of a shared machine does to the wall time
    const cpuBaseline: number[] = [];
    const cpuTally: number[] = [];
    // the tally before one statement per target (tally-previous.ts), on the same data, interleaved too
    const cpuPrevious: number[] = [];
    // the product's tally under ballot_scores' policy of before migration 0036 (the round checked per row)
    const cpuPerRow: number[] = [];
    const adminPid = await backendPid(stack.admin);
    for (let i = 0; i < computeRuns; i++) {
      await stack.admin.query(`SELECT set_config('work_mem', '256MB', false)`);
      const b = await cpuSample(adminPid, () => timeAggregate(stack.admin, BASELINE_SQL, round.id));
      await stack.admin.query('RESET ALL');
      if (b.s.cpuMs !== null) cpuBaseline.push(b.s.cpuMs);
      await asRequest(stack, actor, async (ctx) => {
        const r = await findRound(ctx.client, round.id);
        const t = await cpuSample(await backendPid(ctx.client), () => previousTallyRound(ctx, r));
        if (t.s.cpuMs !== null) cpuPrevious.push(t.s.cpuMs);
      });
      await asRequest(stack, actor, async (ctx) => {
        const r = await findRound(ctx.client, round.id);
        const t = await cpuSample(await backendPid(ctx.client), () => tallyRound(ctx, r));
        if (t.s.cpuMs !== null) cpuTally.push(t.s.cpuMs);
      });
      await withPerRowPolicy(stack.admin, () =>
        asRequest(stack, actor, async (ctx) => {
          const r = await findRound(ctx.client, round.id);
          const t = await cpuSample(await backendPid(ctx.client), () => tallyRound(ctx, r));
          if (t.s.cpuMs !== null) cpuPerRow.push(t.s.cpuMs);
        }),
      );
    }
    const groupIds = scheme.raterGroups.map((g) => g.id);
    for (let i = 0; i < computeRuns; i++) {
      await asRequest(stack, actor, async (ctx) => {
        const t0 = performance.now();
        rowsOfStream.push(await streamTargetAggregates(ctx.client, round.id, groupIds, () => undefined));
        streamMs.push(performance.now() - t0);
      });
      await asRequest(stack, actor, async (ctx) => {
        const r = await findRound(ctx.client, round.id);
        const t0 = performance.now();
        await tallyRound(ctx, r);
        tallyRoundMs.push(performance.now() - t0);
      });
      await asRequest(stack, actor, async (ctx) => {
        const r = await findRound(ctx.client, round.id);
        const t0 = performance.now();
        await evaluate(ctx, r);
        evaluateMs.push(performance.now() - t0);
      });
    }
    // where evaluate() spends its time: its steps one by one (first pass, before any criterion recount)
    const steps = await asRequest(stack, actor, async (ctx) => {
      const lap = (() => {
        let t = performance.now();
        return () => {
          const now = performance.now();
          const d = now - t;
          t = now;
          return d;
        };
      })();
      const targets: { id: string; unitId: string; parentUnitId: string | null }[] = [];
      const aggregates: GroupScoreAggregate[][] = [];
      await streamTargetAggregates(ctx.client, round.id, groupIds, (t, groups) => {
        targets.push(t);
        aggregates.push(groups);
      });
      const streamOnce = lap();
      const members = targets.map((t, i) => ({
        targetId: t.id,
        unitId: t.unitId,
        parentId: t.parentUnitId ?? t.unitId,
        tally: tallyFromAggregates({ scheme, targetId: t.id, groups: aggregates[i]! }),
      }));
      const tallyMs = lap();
      rankTargets(members);
      const rankMs = lap();
      proposeGrades({ scale: round.rules.gradeScale, rule: quotaRule, targets: members });
      const proposeMs = lap();
      return { streamOnce, tallyMs, rankMs, proposeMs };
    });
    const heapMb = Number(args['server-heap-mb'] || NPM_START_HEAP_MB) || null;
    const nodeArgs = String(args['server-node-args']).split(/\s+/).filter(Boolean);
    const server = await startServer(stack, heapMb, nodeArgs);
    const pid = server.proc.pid!;
    const session = await login({ ...stack, baseUrl: server.base }, 'orgdept');
    const computeMs: number[] = [];
    const computeCpuMs: number[] = [];
    const peaks: number[] = [];
    let rssBefore = 0;
    for (let i = 0; i < computeRuns; i++) {
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // reset the server's peak-RSS mark
      rssBefore = procStatus(pid).rssKb;
      const cpu0 = await computeCpu(stack, pid);
      const t0 = performance.now();
      await computeThroughApi(server.base, authHeaders(session), round.id);
      computeMs.push(performance.now() - t0);
      const cpu1 = await computeCpu(stack, pid);
      computeCpuMs.push(cpu1.server - cpu0.server + backendsDelta(cpu0.backends, cpu1.backends));
      peaks.push(procStatus(pid).hwmKb);
    }
    // idle memory after a compute (issue 10 §12): the server left alone for 10 s, then its RSS sampled for 5 s
    await new Promise((r) => setTimeout(r, 10_000));
    let idleAfterKb = 0;
    for (let k = 0; k < 20; k++) {
      idleAfterKb = Math.max(idleAfterKb, procStatus(pid).rssKb);
      await new Promise((r) => setTimeout(r, 250));
    }
    const machine = machineLine(ticks0);

    // ---------------------------------------------------------------- what was stored, checked
    progress(`${label}: checking the stored results`);
    const { rows: stored } = await stack.admin.query<{
      sufficient: number;
      insufficient: number;
      recounted: number;
      excellent: number;
      avg_bytes: number;
      table: string;
      hot: string;
    }>(
      `SELECT count(*) FILTER (WHERE ${STATUS} = 'sufficient')::int AS sufficient,
              count(*) FILTER (WHERE ${STATUS} = 'insufficient')::int AS insufficient,
              count(*) FILTER (WHERE result->>'v' IS NULL)::int AS recounted,
              count(*) FILTER (WHERE proposed_grade = 'excellent')::int AS excellent,
              avg(pg_column_size(result))::int AS avg_bytes,
              pg_size_pretty(pg_total_relation_size('assessment_targets')) AS table,
              (SELECT format('%s of %s', n_tup_hot_upd, n_tup_upd) FROM pg_stat_user_tables
                WHERE relname = 'assessment_targets') AS hot
         FROM assessment_targets WHERE round_id = $1`,
      [round.id],
    );
    const { rows: summary } = await stack.admin.query<{ boundaries: number; criterion: number }>(
      `SELECT jsonb_array_length(summary->'boundaries') AS boundaries,
              (SELECT count(*)::int FROM jsonb_array_elements(summary->'boundaries') b,
                      jsonb_array_elements(b->'steps') s
                WHERE s->'tieBreak'->>'by' = 'criterionScore' AND s->>'outcome' = 'applied') AS criterion
         FROM assessment_rounds WHERE id = $1`,
      [round.id],
    );
    // a sample of targets recounted from their ballots: the stored totals must be the exact same fractions
    // (compact results are rebuilt as the results page rebuilds them, which checks the stored total too)
    const { rows: sampleRows } = await stack.admin.query<{
      id: string;
      unit_id: string;
      parent_unit_id: string | null;
      result: StoredResult;
    }>(
      `SELECT id, unit_id, parent_unit_id, result
         FROM assessment_targets WHERE round_id = $1 ORDER BY md5(id::text) LIMIT $2`,
      [round.id, Number(args.sample)],
    );
    const sample = sampleRows.map((r) => ({
      ...r,
      total: explainedResult(round.rules.scheme, r)?.tally.total?.fraction ?? null,
    }));
    const { rows: scores } = await stack.admin.query<StoredBallotScore>(
      `SELECT target_id AS "targetId", ballot_id AS "ballotId", group_id AS "groupId", points
         FROM ballot_scores WHERE round_id = $1 AND target_id = ANY($2::uuid[]) ORDER BY ballot_id`,
      [round.id, sample.map((s) => s.id)],
    );
    const recount = evaluateRound({
      rules: round.rules,
      targets: sample.map((s) => ({ id: s.id, unitId: s.unit_id, parentUnitId: s.parent_unit_id })),
      scores,
      waivers: [] as Waiver[],
    });
    const mismatches = sample.filter((s) => {
      const t = recount.tallies.get(s.id)!.total;
      return (t ? toFractionString(t) : null) !== s.total;
    }).length;

    // ---------------------------------------------------------------- plans
    progress(`${label}: EXPLAIN`);
    const plans = [
      await explain(
        stack.admin,
        BASELINE_SQL,
        round.id,
        'hand-written aggregate, admin login, default work_mem',
      ),
    ];
    await asRequest(stack, actor, async (ctx) => {
      // the statement's settings as streamTargetAggregates sets them: the planner's, and the named round
      for (const [k, v] of Object.entries({ ...PLANNER_SETTINGS, [BALLOT_ROUND_HINT]: round.id }))
        await ctx.client.query(`SELECT set_config($1, $2, true)`, [k, v]);
      const sql = targetAggregateSql(groupIds.length);
      const { rows } = await ctx.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [
        round.id,
        ...groupIds,
      ]);
      plans.push(
        [
          "--- the product's statement (a row per target with its groups' figures), app role + RLS (orgdept), its settings and named round",
          sql.replace(/\s+/g, ' '),
          '',
          ...rows.map((r) => r['QUERY PLAN']),
          '',
        ].join('\n'),
      );
    });
    // the results store: a first chunk of the results staged, then the UPDATE from the staging table (rolled back)
    const { rows: batch } = await stack.admin.query<{ id: string; grade: string | null; result: string }>(
      `SELECT id, proposed_grade AS grade, result::text AS result FROM assessment_targets
        WHERE round_id = $1 ORDER BY sort_order, id LIMIT $2`,
      [round.id, RESULT_BATCH],
    );
    await asRequest(stack, actor, async (ctx) => {
      await stageResults(ctx.client, batch.length, (i) => batch[i]!);
      for (const [k, v] of Object.entries(STORE_SETTINGS))
        await ctx.client.query(`SELECT set_config($1, $2, true)`, [k, v]);
      const { rows } = await ctx.client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${STORE_SQL}`,
        [round.id],
      );
      plans.push(
        [
          `--- the results store from the staging table (${batch.length} targets staged), app role + RLS (orgdept), its settings`,
          STORE_SQL.replace(/\s+/g, ' '),
          '',
          ...rows.map((r) => r['QUERY PLAN']),
          '',
        ].join('\n'),
      );
    });
    const header = `===== ${label} · ${stack.serverVersion} · ${int(size.scores)} score rows · ${new Date().toISOString()}\n`;
    const text = `${header}\n${plans.join('\n')}\n`;
    const planFile = String(args['plan-file']);
    if (planFileStarted) appendFileSync(planFile, text);
    else writeFileSync(planFile, text);
    planFileStarted = true;

    // ---------------------------------------------------------------- figures
    const runs = (xs: number[]) => xs.map(sec).join(', ');
    const bestCompute = Math.min(...computeMs);
    out(`machine: ${machine}`);
    out();
    out(
      `(a) fastest hand-written SQL aggregate (${int(2 * (rowsOfStream[0] ?? 0))} rows into Node), best of ${baselineRuns} per setting:`,
    );
    for (const b of baseline) out(`  ${b.setting.padEnd(60)} ${runs(b.ms)}`);
    out(
      `  ${"app role + RLS (orgdept), product's settings".padEnd(60)} ${runs(rlsRuns)}   (for comparison, not the baseline)`,
    );
    out(`  baseline = ${sec(best)}`);
    out();
    out(`(b) the product, orgdept's scope, row-level security on:`);
    out(
      `  ${'the statement through its cursor'.padEnd(44)} ${runs(streamMs)}   (${int(rowsOfStream[0] ?? 0)} rows: a target each with its groups' figures, tally-targets.ts)`,
    );
    out(
      `  ${"tallyRound(): every target's exact total".padEnd(44)} ${runs(tallyRoundMs)}   (waivers, the statement, tallyFromAggregates)`,
    );
    out(`  ${'evaluate(): aggregate + tally + rank + quota'.padEnd(44)} ${runs(evaluateMs)}`);
    out(
      `    its steps: the statement (targets + aggregates) ${sec(steps.streamOnce)}, tallyFromAggregates ${sec(steps.tallyMs)}, rankTargets ${sec(steps.rankMs)}, proposeGrades ${sec(steps.proposeMs)} (once; again after a criterion recount)`,
    );
    out(
      `  ${'compute via HTTP (POST …/transition compute)'.padEnd(44)} ${runs(computeMs)}   (server child process: evaluate + store every result + audit, one transaction)`,
    );
    out();
    out(
      `ratio compute / baseline: ${(bestCompute / best).toFixed(2)}×  (target ≤ ${TARGET_RATIO}×: ${bestCompute / best <= TARGET_RATIO ? 'met' : 'MISSED'})`,
    );
    out(
      `ratio tally / baseline: ${(Math.min(...tallyRoundMs) / best).toFixed(2)}×; the statement through its cursor / baseline: ${(Math.min(...streamMs) / best).toFixed(2)}×; evaluate / baseline: ${(Math.min(...evaluateMs) / best).toFixed(2)}×`,
    );
    const cpuRatio = (xs: number[]) =>
      cpuBaseline.length && xs.length ? `${(Math.min(...xs) / Math.min(...cpuBaseline)).toFixed(2)}×` : 'n/a';
    out(
      `CPU time (database backend + Node), interleaved: baseline ${runs(cpuBaseline)}; tallyRound() ${runs(cpuTally)} → ratio ${cpuRatio(cpuTally)} (target ≤ ${TARGET_RATIO}×: ${cpuBaseline.length && cpuTally.length && Math.min(...cpuTally) / Math.min(...cpuBaseline) <= TARGET_RATIO ? 'met' : 'MISSED'}); tallyRound() under ballot_scores' policy of before 0036 (the round checked per ballot row) ${runs(cpuPerRow)} → ratio ${cpuRatio(cpuPerRow)}; the previous tally (target list + (target, group) aggregate, tally-previous.ts) ${runs(cpuPrevious)} → ratio ${cpuRatio(cpuPrevious)}; compute via HTTP (server process + the database's backends) ${runs(computeCpuMs)} → ratio ${cpuRatio(computeCpuMs)}`,
    );
    const peak = Math.max(...peaks);
    out(
      `server peak RSS during compute: ${peaks.map(mb).join(', ')} (server child process${heapMb ? `, --max-old-space-size=${heapMb}` : ''}; ${mb(rssBefore)} before the request; budget ${mb(RSS_BUDGET_KB)}: ${peak <= RSS_BUDGET_KB ? 'met' : 'EXCEEDED'})`,
    );
    out(
      `server idle RSS after the compute (10 s later, peak of 5 s): ${mb(idleAfterKb)} (node only; idle budget with the demo district ${mb(IDLE_BUDGET_KB)}: ${idleAfterKb <= IDLE_BUDGET_KB ? 'met' : 'EXCEEDED'})`,
    );
    out();
    const s = stored[0]!;
    out(
      `stored: ${int(s.sufficient)} sufficient, ${int(s.insufficient)} insufficient, ${int(s.excellent)} proposed 好/优秀; result jsonb ${int(s.avg_bytes)} bytes per target (assessment_targets ${s.table}; row updates without index writes (HOT): ${s.hot})`,
    );
    out(
      `quota boundaries: ${int(summary[0]?.boundaries ?? 0)}, ${int(summary[0]?.criterion ?? 0)} settled by the criterion tie-break; ${int(s.recounted)} targets recounted from their ballots for it`,
    );
    out(
      `check: ${sample.length} sampled targets recounted from their ballots (evaluateRound): ${mismatches === 0 ? 'every total identical' : `${mismatches} MISMATCHES`}`,
    );
    out(`plans: ${String(args['plan-file'])}`);
    if (mismatches > 0) throw new Error(`${mismatches} stored totals differ from the ballot-level recount`);
  },
);
