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
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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
import { evaluate, tallyRound } from '../../packages/server/src/modules/assessment/service/compute.ts';
import { packOn } from '../../packages/server/src/modules/assessment/service/packs.ts';
import {
  explainedResult,
  type StoredResult,
} from '../../packages/server/src/modules/assessment/service/stored-results.ts';
import {
  findRound,
  rulesFromPack,
  type RoundRules,
} from '../../packages/server/src/modules/assessment/service/rounds.ts';
import {
  GROUP_AGGREGATE_SQL,
  PLANNER_SETTINGS,
  RESULT_BATCH,
  STORE_SQL,
  streamGroupAggregates,
} from '../../packages/server/src/modules/assessment/repository/tally.ts';
import type { Actor, RequestContext } from '../../packages/server/src/platform/context.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import { TEST_APP_PASSWORD } from '../../packages/server/test/db-urls.ts';
import {
  actorOf,
  authHeaders,
  int,
  login,
  mb,
  onCleanup,
  out,
  progress,
  runBench,
  type Stack,
} from '../registry/lib.ts';

const PLAN_FILE = new URL('./tally-plan.txt', import.meta.url).pathname;
const REPO = resolve(import.meta.dirname, '../..');
const SERVER_MAIN = resolve(REPO, 'packages/server/src/main.ts');
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
/** post_title of the generated cadres, so the round takes exactly them */
const MARK = '计票基准对象';
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

// ------------------------------------------------------------------------------------------ data

/**
 * Who casts the `perTarget` ballots of a target, as 50 profiles cycled over the targets: the first rater
 * group gets its minimum plus 0–3, the others at least their minimum, the last group the rest; profile 0
 * gives the first group one ballot too few (2 % of the targets insufficient).
 */
function ballotProfiles(rules: RoundRules, perTarget: number): string[][] {
  const groups = rules.scheme.raterGroups;
  return Array.from({ length: 50 }, (_, p) => {
    const counts = groups.map((g) => g.minRaters);
    counts[0] = p === 0 ? Math.max(0, groups[0]!.minRaters - 1) : groups[0]!.minRaters + (p % 4);
    const used = counts.reduce((a, b) => a + b, 0);
    if (used > perTarget)
      throw new Error(`${perTarget} ballots per target cannot reach the groups' minimums`);
    counts[counts.length - 1]! += perTarget - used;
    return groups.flatMap((g, i) => Array.from({ length: counts[i]! }, () => g.id));
  });
}

/** 100,000 cadres (only the columns a target needs) spread evenly over the demo district's units. */
async function generateCadres(stack: Stack, count: number) {
  await stack.admin.query(
    `INSERT INTO cadres (org_id, org_path, name, gender, birth_date, post_title)
     SELECT o.ids[1 + g % o.n], o.paths[1 + g % o.n], '计票' || g,
            CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END, date '1965-01-01' + (g % 12000), $2
       FROM generate_series(1, $1::int) g,
            (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths, count(*)::int AS n
               FROM orgs WHERE active AND parent_id IS NOT NULL) o`,
    [count, MARK],
  );
}

/** The round (closed, organised by the district) with the generated cadres as its targets. */
async function createRound(
  stack: Stack,
  packId: string,
  schemeId: string,
): Promise<{ id: string; rules: RoundRules }> {
  const periodEnd = '2026-06-30';
  const pack = await packOn(stack.admin, packId, periodEnd);
  const rules = rulesFromPack(pack, schemeId);
  if (rules.scheme.targetKind !== 'cadre')
    throw new Error(`scheme ${schemeId} assesses units; pick a cadre scheme`);
  const { rows } = await stack.admin.query<{ id: string }>(
    `INSERT INTO assessment_rounds (org_id, org_path, name, pack_id, pack_effective_from, scheme_id, rules,
       period_start, period_end, state)
     SELECT o.id, o.path, '计票基准：全省平时考核', $1, $2, $3, $4, '2026-04-01', $5, 'closed'
       FROM orgs o WHERE o.parent_id IS NULL RETURNING id`,
    [packId, pack.version.effectiveFrom, schemeId, JSON.stringify(rules), periodEnd],
  );
  const id = rows[0]!.id;
  await stack.admin.query(
    `INSERT INTO assessment_targets (round_id, cadre_id, unit_id, unit_path, parent_unit_id, name, post, sort_order)
     SELECT $1, c.id, c.org_id, c.org_path, o.parent_id, c.name, c.post_title,
            row_number() OVER (ORDER BY c.org_path, c.name, c.id)
       FROM cadres c JOIN orgs o ON o.id = c.org_id WHERE c.post_title = $2`,
    [id, MARK],
  );
  return { id, rules };
}

/**
 * `perTarget` ballots per target, each scoring that one target. Ballot ids are md5(round, target, k), so the
 * two inserts agree. Criterion points = maxPoints × (quality + noise) %, in half points; quality 78–99
 * per target, noise ±6 — both hashed from (pair, k, criterion), not random: targets come in pairs (next to
 * each other in the unit) with the same ballots, except that the second one's ballots move half a point
 * from the first criterion to the second. A pair has the same total and group scores and differs in its
 * criterion means, so the quota boundaries tie and the tie-break chain runs down to `criterionScore`.
 * Foreign-key triggers are off during the load (session_replication_role = replica; the rows are
 * consistent by construction); the tables are vacuumed and analysed after, as autovacuum would.
 */
async function generateBallots(stack: Stack, round: { id: string; rules: RoundRules }, perTarget: number) {
  const { scheme } = round.rules;
  const profiles = ballotProfiles(round.rules, perTarget);
  const ownUnit = scheme.raterGroups.filter((g) => g.rates === 'ownUnit').map((g) => g.id);
  const targets = `(SELECT id, unit_id, n, (n + 1) / 2 AS pair, n % 2 = 0 AS second,
                           78 + (hashtext(((n + 1) / 2)::text) & 1023) % 22 AS q
                      FROM (SELECT id, unit_id, row_number() OVER (ORDER BY unit_id, id) AS n
                              FROM assessment_targets WHERE round_id = $1) x)`;
  const groupOf = `($3::text[])[1 + (t.pair % 50) * $2 + (k - 1)]`;
  const maxima = scheme.criteria.map((c) => Math.round(c.maxPoints * 100));
  const noise = (c: number) => `((hashtext(t.pair || '.' || k || '.${c}') & 1048575) / 1048576.0 * 12 - 6)`;
  const points = maxima.map(
    (max, c) => `least(${max}, greatest(0, round(${max} * (t.q + ${noise(c)}) / 5000.0)::int * 50))`,
  );
  // the second of a pair: half a point from criterion 1 to criterion 2, where both stay in range
  const shift =
    maxima.length > 1 ? `CASE WHEN second AND p0 >= 50 AND p1 + 50 <= ${maxima[1]} THEN 50 ELSE 0 END` : '0';
  const finals = maxima.map((_, c) => (c === 0 ? `p0 - sh` : c === 1 ? `p1 + sh` : `p${c}`));
  const client = stack.admin;
  await client.query(`SET session_replication_role = replica`);
  try {
    await client.query(
      `INSERT INTO ballots (id, round_id, group_id, unit_id, cast_on)
       SELECT md5($1::text || t.id::text || k)::uuid, $1, ${groupOf},
              CASE WHEN ${groupOf} = ANY($4::text[]) THEN t.unit_id END, date '2026-06-30'
         FROM ${targets} t, generate_series(1, $2::int) k`,
      [round.id, perTarget, profiles.flat(), ownUnit],
    );
    await client.query(
      `INSERT INTO ballot_scores (ballot_id, round_id, group_id, target_id, points, total)
       SELECT b, $1, grp, tid, ARRAY[${finals.join(', ')}], ${maxima.map((_, c) => `p${c}`).join(' + ')}
         FROM (SELECT md5($1::text || t.id::text || k)::uuid AS b, ${groupOf} AS grp, t.id AS tid, t.second,
                      ${points.map((p, c) => `${p} AS p${c}`).join(', ')}
                 FROM ${targets} t, generate_series(1, $2::int) k) s,
              LATERAL (SELECT ${shift} AS sh) x`,
      [round.id, perTarget, profiles.flat()],
    );
  } finally {
    await client.query(`RESET session_replication_role`);
  }
  await client.query('VACUUM ANALYZE ballots');
  await client.query('VACUUM ANALYZE ballot_scores');
  await client.query('VACUUM ANALYZE assessment_targets');
}

// ------------------------------------------------------------------------------------------ the server

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

const procStatus = (pid: number) => {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const f = (n: string) => Number(new RegExp(`^${n}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { hwmKb: f('VmHWM'), rssKb: f('VmRSS') };
};

/**
 * The real server (`packages/server/src/main.ts`) in a child process on the benchmark database, so its
 * peak RSS is the server's alone: migrations are already applied and the district seeded, so it only
 * starts. Stopped by its process id at cleanup.
 */
async function startServer(
  stack: Stack,
  heapMb: number | null,
  nodeArgs: string[],
): Promise<{ proc: ChildProcess; base: string }> {
  const work = mkdtempSync(join(tmpdir(), 'ganbu-bench-tally-'));
  onCleanup('remove server work dir', () => rmSync(work, { recursive: true, force: true }));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['ENCRYPTION_KEY', 'DEMO', 'LOGIN_RATE_MAX']) delete env[k];
  Object.assign(env, {
    DATABASE_URL: stack.adminUrl,
    APP_DB_PASSWORD: process.env.APP_DB_PASSWORD || TEST_APP_PASSWORD,
    DATA_DIR: work,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WEB_DIST: join(work, 'no-web'),
  });
  const log = openSync(join(work, 'server.log'), 'a');
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const proc = spawn(process.execPath, [...heap, ...nodeArgs, '--import', 'tsx', SERVER_MAIN], {
    cwd: REPO,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  onCleanup(
    'stop the server child',
    async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, sleep(30_000)]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
    40_000,
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null)
      throw new Error(`server exited: ${readFileSync(join(work, 'server.log'), 'utf8').slice(-2000)}`);
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { proc, base };
    await sleep(200);
  }
  throw new Error('server not healthy after 120 s');
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
      targets: { type: 'string', default: '100000' },
      ballots: { type: 'string', default: '2000000' },
      pack: { type: 'string', default: 'jinan' },
      scheme: { type: 'string', default: 'town-regular' },
      'baseline-runs': { type: 'string', default: '3' },
      'compute-runs': { type: 'string', default: '2' },
      sample: { type: 'string', default: '500' },
      'server-heap-mb': { type: 'string', default: '' },
      'server-node-args': { type: 'string', default: '' },
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
    for (let i = 0; i < computeRuns; i++) {
      await asRequest(stack, actor, async (ctx) => {
        const t0 = performance.now();
        rowsOfStream.push(await streamGroupAggregates(ctx.client, round.id, () => undefined));
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
      const { rows: targets } = await ctx.client.query<{
        id: string;
        unit_id: string;
        parent_unit_id: string | null;
      }>(
        `SELECT id, unit_id, parent_unit_id FROM assessment_targets WHERE round_id = $1 ORDER BY sort_order, id`,
        [round.id],
      );
      const targetsMs = lap();
      const aggregates = new Map<string, GroupScoreAggregate[]>();
      await streamGroupAggregates(ctx.client, round.id, (batch) => {
        for (const { targetId, aggregate } of batch)
          aggregates.set(targetId, [...(aggregates.get(targetId) ?? []), aggregate]);
      });
      const streamOnce = lap();
      const members = targets.map((t) => ({
        targetId: t.id,
        unitId: t.unit_id,
        parentId: t.parent_unit_id ?? t.unit_id,
        tally: tallyFromAggregates({ scheme, targetId: t.id, groups: aggregates.get(t.id) ?? [] }),
      }));
      const tallyMs = lap();
      rankTargets(members);
      const rankMs = lap();
      proposeGrades({ scale: round.rules.gradeScale, rule: quotaRule, targets: members });
      const proposeMs = lap();
      return { targetsMs, streamOnce, tallyMs, rankMs, proposeMs };
    });
    const heapMb = Number(args['server-heap-mb'] || NPM_START_HEAP_MB) || null;
    const nodeArgs = String(args['server-node-args']).split(/\s+/).filter(Boolean);
    const server = await startServer(stack, heapMb, nodeArgs);
    const pid = server.proc.pid!;
    const session = await login({ ...stack, baseUrl: server.base }, 'orgdept');
    const computeMs: number[] = [];
    const peaks: number[] = [];
    let rssBefore = 0;
    for (let i = 0; i < computeRuns; i++) {
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // reset the server's peak-RSS mark
      rssBefore = procStatus(pid).rssKb;
      const t0 = performance.now();
      const res = await fetch(`${server.base}/api/assessment/rounds/${round.id}/transition`, {
        method: 'POST',
        headers: { ...authHeaders(session), 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'compute' }),
        signal: AbortSignal.timeout(1_800_000),
      });
      const body = await res.text();
      computeMs.push(performance.now() - t0);
      peaks.push(procStatus(pid).hwmKb);
      if (res.status !== 200) throw new Error(`compute: ${res.status} ${body}`);
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
      for (const [k, v] of Object.entries(PLANNER_SETTINGS))
        await ctx.client.query(`SELECT set_config($1, $2, true)`, [k, v]);
      plans.push(
        await explain(
          ctx.client,
          GROUP_AGGREGATE_SQL,
          round.id,
          "product's aggregate, app role + RLS (orgdept), the product's planner settings",
        ),
      );
    });
    // one batch of the results store, as the server sends it (rolled back)
    const { rows: batch } = await stack.admin.query<{ id: string; grade: string | null; result: string }>(
      `SELECT id, proposed_grade AS grade, result::text AS result FROM assessment_targets
        WHERE round_id = $1 ORDER BY sort_order, id LIMIT $2`,
      [round.id, RESULT_BATCH],
    );
    await asRequest(stack, actor, async (ctx) => {
      const doc = Buffer.concat([
        Buffer.from([1]),
        Buffer.from(`{${batch.map((b) => `"${b.id}":${b.result}`).join(',')}}`),
      ]);
      const grades = JSON.stringify(Object.fromEntries(batch.map((b) => [b.id, b.grade])));
      const { rows } = await ctx.client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${STORE_SQL}`,
        [round.id, batch.map((b) => b.id), doc, grades],
      );
      plans.push(
        [
          `--- one batch of the results store (${batch.length} targets), app role + RLS (orgdept)`,
          STORE_SQL.replace(/\s+/g, ' '),
          '',
          ...rows.map((r) => r['QUERY PLAN']),
          '',
        ].join('\n'),
      );
    });
    const header = `===== ${label} · ${stack.serverVersion} · ${int(size.scores)} score rows · ${new Date().toISOString()}\n`;
    const text = `${header}\n${plans.join('\n')}\n`;
    if (planFileStarted) appendFileSync(PLAN_FILE, text);
    else writeFileSync(PLAN_FILE, text);
    planFileStarted = true;

    // ---------------------------------------------------------------- figures
    const runs = (xs: number[]) => xs.map(sec).join(', ');
    const bestCompute = Math.min(...computeMs);
    out(`machine: ${machine}`);
    out();
    out(
      `(a) fastest hand-written SQL aggregate (${int(rowsOfStream[0] ?? 0)} rows into Node), best of ${baselineRuns} per setting:`,
    );
    for (const b of baseline) out(`  ${b.setting.padEnd(60)} ${runs(b.ms)}`);
    out(
      `  ${"app role + RLS (orgdept), product's settings".padEnd(60)} ${runs(rlsRuns)}   (for comparison, not the baseline)`,
    );
    out(`  baseline = ${sec(best)}`);
    out();
    out(`(b) the product, orgdept's scope, row-level security on:`);
    out(`  ${'aggregate through the cursor (tally-sql.ts)'.padEnd(44)} ${runs(streamMs)}`);
    out(
      `  ${"tallyRound(): every target's exact total".padEnd(44)} ${runs(tallyRoundMs)}   (targets, waivers, the aggregate, tallyFromAggregates)`,
    );
    out(`  ${'evaluate(): aggregate + tally + rank + quota'.padEnd(44)} ${runs(evaluateMs)}`);
    out(
      `    its steps: targets ${sec(steps.targetsMs)}, aggregate ${sec(steps.streamOnce)}, tallyFromAggregates ${sec(steps.tallyMs)}, rankTargets ${sec(steps.rankMs)}, proposeGrades ${sec(steps.proposeMs)} (once; again after a criterion recount)`,
    );
    out(
      `  ${'compute via HTTP (POST …/transition compute)'.padEnd(44)} ${runs(computeMs)}   (server child process: evaluate + store every result + audit, one transaction)`,
    );
    out();
    out(
      `ratio compute / baseline: ${(bestCompute / best).toFixed(2)}×  (target ≤ ${TARGET_RATIO}×: ${bestCompute / best <= TARGET_RATIO ? 'met' : 'MISSED'})`,
    );
    out(
      `ratio tally / baseline: ${(Math.min(...tallyRoundMs) / best).toFixed(2)}×; aggregate through the cursor / baseline: ${(Math.min(...streamMs) / best).toFixed(2)}×; evaluate / baseline: ${(Math.min(...evaluateMs) / best).toFixed(2)}×`,
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
    out(`plans: bench/assessment/tally-plan.txt`);
    if (mismatches > 0) throw new Error(`${mismatches} stored totals differ from the ballot-level recount`);
  },
);
