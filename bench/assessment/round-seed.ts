/**
 * The province-size round of the assessment benches (issue 10): 100,000 generated cadres as the targets of
 * a closed round, 20 ballots each, and the real server in a child process — shared by `tally.ts` (计票)
 * and `results-memory.ts` (reading the results).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packOn } from '../../packages/server/src/modules/assessment/service/packs.ts';
import {
  rulesFromPack,
  type RoundRules,
} from '../../packages/server/src/modules/assessment/service/rounds.ts';
import { TEST_APP_PASSWORD } from '../../packages/server/test/db-urls.ts';
import { onCleanup, type Stack } from '../registry/lib.ts';

const REPO = resolve(import.meta.dirname, '../..');
const SERVER_MAIN = resolve(REPO, 'packages/server/src/main.ts');
/** post_title of the generated cadres, so the round takes exactly them */
export const MARK = '计票基准对象';

// ------------------------------------------------------------------------------------------ data

/**
 * Who casts the `perTarget` ballots of a target, as 50 profiles cycled over the targets: the first rater
 * group gets its minimum plus 0–3, the others at least their minimum, the last group the rest; profile 0
 * gives the first group one ballot too few (2 % of the targets insufficient).
 */
export function ballotProfiles(rules: RoundRules, perTarget: number): string[][] {
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
export async function generateCadres(stack: Stack, count: number) {
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

/** The command-line options of a generated round (the issue's size by default). */
export const ROUND_OPTIONS = {
  targets: { type: 'string', default: '100000' },
  ballots: { type: 'string', default: '2000000' },
  pack: { type: 'string', default: 'jinan' },
  scheme: { type: 'string', default: 'town-regular' },
} as const;

/** `--targets` cadres, the round over them and `--ballots` ballots spread evenly (`ROUND_OPTIONS`). */
export async function seedRound(
  stack: Stack,
  args: Record<string, string | boolean | undefined>,
): Promise<{ round: { id: string; rules: RoundRules }; targetCount: number; perTarget: number }> {
  const targetCount = Number(args.targets);
  const perTarget = Math.round(Number(args.ballots) / targetCount);
  await generateCadres(stack, targetCount);
  const round = await createRound(stack, String(args.pack), String(args.scheme));
  await generateBallots(stack, round, perTarget);
  return { round, targetCount, perTarget };
}

/** The round (closed, organised by the district) with the generated cadres as its targets. */
export async function createRound(
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
export async function generateBallots(
  stack: Stack,
  round: { id: string; rules: RoundRules },
  perTarget: number,
) {
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

/** 计算结果 through the API with a session's headers; anything but 200 is an error (with the answer). */
export async function computeThroughApi(
  base: string,
  headers: Record<string, string>,
  roundId: string,
): Promise<void> {
  const res = await fetch(`${base}/api/assessment/rounds/${roundId}/transition`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'compute' }),
    signal: AbortSignal.timeout(1_800_000),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`compute: ${res.status} ${body.slice(0, 500)}`);
}

export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

export const procStatus = (pid: number) => {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const f = (n: string) => Number(new RegExp(`^${n}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { hwmKb: f('VmHWM'), rssKb: f('VmRSS') };
};

/**
 * The real server (`packages/server/src/main.ts`) in a child process on the benchmark database, so its
 * peak RSS is the server's alone: migrations are already applied and the district seeded, so it only
 * starts. Stopped by its process id at cleanup.
 */
export async function startServer(
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
