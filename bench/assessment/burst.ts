/**
 * Reliability benchmark of anonymous ballots (评议票): a burst of concurrent submissions with deliberate
 * duplicates against the in-process app, then a burst against the real server in a child process that is
 * SIGKILLed part-way through and restarted on the same database. Every figure is checked against the
 * database: no acknowledged ballot lost, no slip counted twice, no ballot without its slip used.
 *
 *   node --import tsx bench/assessment/burst.ts [--slips 1000] [--clients 50] [--targets 5]
 *        [--resubmit 10] [--pairs 50] [--kill-at 40] [--part burst|crash|all] [--no-probe]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import {
  ballotTokenHash,
  normaliseBallotCode,
} from '../../packages/server/src/modules/assessment/ballot-token.ts';
import { verifyChain } from '../../packages/server/src/modules/audit/chain.ts';
import { createFieldCipher, type FieldCipher } from '../../packages/server/src/platform/field-cipher.ts';
import { TEST_APP_PASSWORD } from '../../packages/server/test/db-urls.ts';
import {
  authHeaders,
  int,
  login,
  mb,
  ms,
  onCleanup,
  out,
  peakRssKb,
  prng,
  progress,
  resetPeakRss,
  runBench,
  stats,
  type Session,
  type Stack,
} from '../registry/lib.ts';

const REPO = resolve(import.meta.dirname, '../..');
const SERVER_MAIN = resolve(REPO, 'packages/server/src/main.ts');
/** Wenzhou's 万人双评议: the public group rates every target unit and may hold 100,000 slips. */
const PACK = 'wenzhou';
const SCHEME = 'mass-rating';
const GROUP = 'public';
/** one issue call may ask for at most 2,000 slips (TokenIssueInputSchema) */
const ISSUE_CAP = 2000;
/** slip number i is written into target 1's first two criteria, in hundredths: i = c1 + 3000 × c2 */
const MARK = 3000;

// ------------------------------------------------------------------------------------------ small helpers

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const sec = (t: number) => `${(t / 1000).toFixed(1)} s`;

/** Nearest-rank percentile. */
function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

function latencyLine(samples: number[]): string {
  if (!samples.length) return 'none';
  const s = stats(samples);
  return `n=${int(s.n)}  p50 ${ms(s.p50)} ms  p99 ${ms(pct(samples, 99))} ms  max ${ms(s.max)} ms  mean ${ms(s.mean)} ms`;
}

/** A distinct client address per rater (benchmark range 198.18.0.0/15), sent as X-Forwarded-For. */
const raterAddress = (i: number) => `198.${18 + ((i >> 16) & 1)}.${(i >> 8) & 255}.${i & 255}`;

/** Whole-machine CPU ticks (busy, total) from /proc/stat: the machine may be shared with other work. */
function machineTicks(): { busy: number; total: number } {
  const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: total - idle, total };
}

function machineLine(t0: { busy: number; total: number }): string {
  const t1 = machineTicks();
  const busy = (100 * (t1.busy - t0.busy)) / Math.max(1, t1.total - t0.total);
  return `machine: ${availableParallelism()} CPUs, ${busy.toFixed(0)} % busy during the run (all processes), load average ${loadavg()[0]?.toFixed(1)}`;
}

class Checks {
  readonly items: { ok: boolean; text: string }[] = [];
  check(ok: boolean, text: string) {
    this.items.push({ ok, text });
    if (!ok) progress(`CHECK FAILED: ${text}`);
  }
  print() {
    for (const c of this.items) out(`  ${c.ok ? 'ok    ' : 'FAILED'}  ${c.text}`);
  }
  get failed() {
    return this.items.filter((c) => !c.ok).length;
  }
}

function statusSummary(outcomes: Outcome[]): string {
  const by = new Map<string, number>();
  for (const o of outcomes) {
    const key = o.status === 0 ? `no answer (${o.error ?? '?'})` : `${o.status}${o.code ? ` ${o.code}` : ''}`;
    by.set(key, (by.get(key) ?? 0) + 1);
  }
  return [...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${int(n)} × ${k}`)
    .join(', ');
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Run `work` over `jobs` with `lanes` concurrent workers taking the next job; `stop` ends them early. */
async function runLanes<J>(lanes: number, jobs: J[], work: (job: J) => Promise<void>, stop = () => false) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < jobs.length && !stop()) await work(jobs[next++] as J);
    }),
  );
}

// ------------------------------------------------------------------------------------------ HTTP

interface Outcome {
  /** 0: no HTTP answer (connection refused or cut) */
  status: number;
  code: string | null;
  ms: number;
  error: string | null;
}

async function api<T>(
  base: string,
  session: Session | null,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(session ? authHeaders(session) : {}),
      ...headers,
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Log in with fetch like the browser (lib's `login` for an app that is not the in-process one). */
async function loginAt(base: string, username: string): Promise<Session> {
  return login({ baseUrl: base } as Stack, username);
}

/** One ballot submission over keep-alive HTTP: the time until the answer's body is read. */
async function submit(base: string, code: string, body: string, address: string): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}/api/ballot/${code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body,
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    let errorCode: string | null = null;
    if (res.status !== 200) {
      try {
        errorCode = (JSON.parse(text) as { code?: string }).code ?? null;
      } catch {
        errorCode = null;
      }
    }
    return { status: res.status, code: errorCode, ms: performance.now() - t0, error: null };
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    return {
      status: 0,
      code: null,
      ms: performance.now() - t0,
      error: `${e instanceof Error ? e.message : String(e)}${cause}`,
    };
  }
}

// ------------------------------------------------------------------------------------------ the round

interface Round {
  id: string;
  /** in ballot-page order */
  targetIds: string[];
  /** maximum points per criterion */
  maxPoints: number[];
  codes: string[];
  issueCalls: number;
  issueMs: number;
}

/**
 * Through the API as orgdept, like the organiser's pages: a Wenzhou mass-rating round over `targets`
 * departments, `slips` slips of the public group (issue calls of at most 2,000), opened; then the first
 * slip's ballot page gives the targets and criteria.
 */
async function setUpRound(base: string, session: Session, targets: number, slips: number): Promise<Round> {
  const orgs = await api<{ items: { id: string; parentId: string | null; kind: string; active: boolean }[] }>(
    base,
    session,
    'GET',
    '/api/orgs',
  );
  const root = orgs.items.find((o) => o.parentId === null);
  const units = orgs.items.filter((o) => o.kind === 'department' && o.active).slice(0, targets);
  if (!root || units.length < targets) throw new Error(`the demo district lacks ${targets} departments`);
  const round = await api<{ id: string; targetCount: number }>(
    base,
    session,
    'POST',
    '/api/assessment/rounds',
    {
      name: '2026年度“万人双评议”（压力测试）',
      packId: PACK,
      schemeId: SCHEME,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      orgId: root.id,
      population: { unitIds: units.map((u) => u.id) },
    },
  );
  if (round.targetCount !== targets) throw new Error(`round has ${round.targetCount} targets`);
  const codes: string[] = [];
  let issueCalls = 0;
  const t0 = performance.now();
  while (codes.length < slips) {
    const count = Math.min(ISSUE_CAP, slips - codes.length);
    const r = await api<{ codes: string[] }>(
      base,
      session,
      'POST',
      `/api/assessment/rounds/${round.id}/tokens`,
      {
        groupId: GROUP,
        count,
      },
    );
    if (r.codes.length !== count) throw new Error(`asked for ${count} slips, got ${r.codes.length}`);
    codes.push(...r.codes);
    issueCalls++;
  }
  const issueMs = performance.now() - t0;
  if (new Set(codes).size !== codes.length) throw new Error('two slips share a code');
  await api(base, session, 'POST', `/api/assessment/rounds/${round.id}/transition`, { action: 'open' });
  const page = await api<{ targets: { id: string }[]; criteria: { maxPoints: number }[] }>(
    base,
    null,
    'GET',
    `/api/ballot/${codes[0]}`,
    undefined,
    { 'x-forwarded-for': raterAddress(0) },
  );
  if (page.targets.length !== targets) throw new Error(`ballot page shows ${page.targets.length} targets`);
  const maxPoints = page.criteria.map((c) => c.maxPoints);
  if (maxPoints.length < 2 || (maxPoints[0] ?? 0) < 30 || (maxPoints[1] ?? 0) < 30)
    throw new Error('the scheme has no two criteria of 30 points to carry the slip number');
  return { id: round.id, targetIds: page.targets.map((t) => t.id), maxPoints, codes, issueCalls, issueMs };
}

/**
 * The ballot of slip `i`: target 1's first two criteria carry the slip number (so the database can be
 * checked slip by slip, although ballots are anonymous); the other points between 60 % and 100 % of the
 * maximum, in halves. A resubmission ('again') keeps the number and gives full marks elsewhere, so a
 * duplicate that got stored would show as a slip number counted twice and as a wrong sum of points.
 */
function ballotOf(round: Round, i: number, variant: 'first' | 'again') {
  const rand = prng(i * 2 + (variant === 'again' ? 1 : 0) + 17);
  return {
    scores: round.targetIds.map((targetId, t) => ({
      targetId,
      points: round.maxPoints.map((max, k) => {
        if (t === 0 && k === 0) return (i % MARK) / 100;
        if (t === 0 && k === 1) return Math.floor(i / MARK) / 100;
        return variant === 'again' ? max : Math.round((0.6 + 0.4 * rand()) * max * 2) / 2;
      }),
    })),
  };
}

const hundredthsOf = (b: ReturnType<typeof ballotOf>) =>
  b.scores.reduce((a, s) => a + s.points.reduce((x, p) => x + Math.round(p * 100), 0), 0);

// ------------------------------------------------------------------------------------------ the database

interface DbState {
  ballots: number;
  scoreRows: number;
  /** ballots whose number of score rows is not the number of targets */
  incomplete: number;
  pointsSum: number;
  tokens: { issued: number; used: number; revoked: number };
  perGroup: { group: string; ballots: number; used: number }[];
  /** slip number → ballots carrying it */
  marks: Map<number, number>;
  /** token hash → state */
  slipState: Map<string, string>;
  castAudits: number;
  refusedAudits: number;
}

/**
 * The round's ballots wherever they are: in the pool while the round is open (`ballot_pending`, one row
 * per ballot with its scores as JSON), in `ballots`/`ballot_scores` once it is closed (migration 0010).
 */
const ALL_BALLOTS = `
  SELECT x.group_id, (SELECT count(*) FROM ballot_scores s WHERE s.ballot_id = x.id)::int AS score_rows,
         (SELECT coalesce(sum(s.total), 0) FROM ballot_scores s WHERE s.ballot_id = x.id)::bigint AS points
    FROM ballots x WHERE x.round_id = $1
  UNION ALL
  SELECT p.group_id, jsonb_array_length(p.scores),
         (SELECT coalesce(sum((e ->> 'total')::int), 0) FROM jsonb_array_elements(p.scores) e)::bigint
    FROM ballot_pending p WHERE p.round_id = $1`;

async function readDb(db: pg.ClientBase, round: Round): Promise<DbState> {
  const id = round.id;
  const tokens = await db.query<{ state: string; n: number }>(
    `SELECT state, count(*)::int AS n FROM ballot_tokens WHERE round_id = $1 GROUP BY state`,
    [id],
  );
  const tokenCount = (s: string) => tokens.rows.find((r) => r.state === s)?.n ?? 0;
  const groups = await db.query<{ group_id: string; ballots: number; used: number }>(
    `SELECT group_id, sum(b)::int AS ballots, sum(u)::int AS used FROM (
       SELECT group_id, 1 AS b, 0 AS u FROM (${ALL_BALLOTS}) a
       UNION ALL SELECT group_id, 0, 1 FROM ballot_tokens WHERE round_id = $1 AND state = 'used') x
      GROUP BY group_id ORDER BY group_id`,
    [id],
  );
  const totals = await db.query<{ ballots: number; score_rows: number; incomplete: number; points: string }>(
    `SELECT count(*)::int AS ballots, coalesce(sum(score_rows), 0)::int AS score_rows,
            (count(*) FILTER (WHERE score_rows <> $2))::int AS incomplete, coalesce(sum(points), 0)::text AS points
       FROM (${ALL_BALLOTS}) a`,
    [id, round.targetIds.length],
  );
  const marks = new Map<number, number>();
  const pts = await db.query<{ points: number[] }>(
    `SELECT points FROM ballot_scores WHERE round_id = $1 AND target_id = $2
     UNION ALL
     SELECT ARRAY(SELECT jsonb_array_elements_text(e -> 'points')::int)
       FROM ballot_pending p, jsonb_array_elements(p.scores) e
      WHERE p.round_id = $1 AND (e ->> 'target_id')::uuid = $2`,
    [id, round.targetIds[0]],
  );
  for (const r of pts.rows) {
    const i = (r.points[0] ?? 0) + MARK * (r.points[1] ?? 0);
    marks.set(i, (marks.get(i) ?? 0) + 1);
  }
  const slips = await db.query<{ token_hash: string; state: string }>(
    `SELECT token_hash, state FROM ballot_tokens WHERE round_id = $1`,
    [id],
  );
  // a refused submission is audited in full (the first few of a minute) or counted: per minute in
  // audit_refusal_counts, then in that minute's summary row
  const audits = await db.query<{ cast: number; refused: number }>(
    `SELECT (SELECT count(*) FROM audit_log WHERE action = 'assessment.ballot.cast' AND object_id = $1)::int AS cast,
            ((SELECT count(*) FROM audit_log WHERE action = $2 AND result = 'failure')
             + (SELECT coalesce(sum(count), 0) FROM audit_refusal_counts WHERE action = $2)
             + (SELECT coalesce(sum((e ->> 'count')::int), 0)
                  FROM audit_log a, jsonb_array_elements(a.after -> 'counted') e
                 WHERE a.action = 'request.refused.summary' AND e ->> 'action' = $2))::int AS refused`,
    [id, 'POST /api/ballot/:token'],
  );
  const t = totals.rows[0];
  return {
    ballots: t?.ballots ?? NaN,
    scoreRows: t?.score_rows ?? NaN,
    incomplete: t?.incomplete ?? NaN,
    pointsSum: Number(t?.points ?? NaN),
    tokens: { issued: tokenCount('issued'), used: tokenCount('used'), revoked: tokenCount('revoked') },
    perGroup: groups.rows.map((g) => ({ group: g.group_id, ballots: g.ballots, used: g.used })),
    marks,
    slipState: new Map(slips.rows.map((r) => [r.token_hash, r.state])),
    castAudits: audits.rows[0]?.cast ?? NaN,
    refusedAudits: audits.rows[0]?.refused ?? NaN,
  };
}

const slipHash = (cipher: FieldCipher, code: string) =>
  ballotTokenHash(cipher, normaliseBallotCode(code) as string);

/** The checks that hold at any moment: every ballot has its slip used, and the other way round. */
function consistencyChecks(c: Checks, s: DbState, round: Round, cipher: FieldCipher, label: string) {
  const usedSlips = round.codes
    .map((code, i) => ({ i, state: s.slipState.get(slipHash(cipher, code)) }))
    .filter((x) => x.state === 'used')
    .map((x) => x.i);
  c.check(
    s.ballots === s.tokens.used,
    `${label}: ballots stored ${int(s.ballots)} == slips used ${int(s.tokens.used)}`,
  );
  c.check(
    s.perGroup.every((g) => g.ballots === g.used),
    `${label}: per group ballots == slips used (${s.perGroup.map((g) => `${g.group} ${int(g.ballots)}/${int(g.used)}`).join(', ') || 'no group'})`,
  );
  const doubled = [...s.marks.values()].filter((n) => n > 1).length;
  const unknownMarks = [...s.marks.keys()].filter((i) => i >= round.codes.length).length;
  const usedWithout = usedSlips.filter((i) => !s.marks.has(i)).length;
  const ballotWithoutUse = [...s.marks.keys()].filter(
    (i) => i < round.codes.length && s.slipState.get(slipHash(cipher, round.codes[i] as string)) !== 'used',
  ).length;
  c.check(
    doubled === 0 && unknownMarks === 0,
    `${label}: no slip counted twice (${doubled} slip numbers on more than one ballot, ${unknownMarks} unknown)`,
  );
  c.check(
    usedWithout === 0 && ballotWithoutUse === 0,
    `${label}: slip by slip, used ⇔ its ballot stored (${usedWithout} used without ballot, ${ballotWithoutUse} ballots whose slip is not 'used')`,
  );
  c.check(
    s.scoreRows === s.ballots * round.targetIds.length && s.incomplete === 0,
    `${label}: ballot_scores rows ${int(s.scoreRows)} == ballots × ${round.targetIds.length} targets (${s.incomplete} incomplete ballots)`,
  );
  c.check(
    s.castAudits === 0,
    `${label}: no ballot audited on its own (${int(s.castAudits)} 'assessment.ballot.cast' rows)`,
  );
  return usedSlips;
}

async function checkChain(c: Checks, db: pg.ClientBase, cipher: FieldCipher, label: string) {
  const chain = await verifyChain(db, cipher);
  c.check(
    chain.firstBrokenId === null,
    `${label}: audit hash chain intact (${int(chain.checked)} rows${chain.firstBrokenId ? `, broken at ${chain.firstBrokenId}` : ''})`,
  );
}

async function checkAdmin(db: pg.ClientBase) {
  const { rows } = await db.query<{ ok: boolean }>(
    `SELECT rolsuper OR rolbypassrls AS ok FROM pg_roles WHERE rolname = current_user`,
  );
  if (!rows[0]?.ok)
    throw new Error(
      'the admin login must be a superuser (or BYPASSRLS) to count ballots past row-level security',
    );
}

/**
 * Where the app's database connections spend the burst: pg_stat_activity of the app role sampled every
 * `everyMs` on a connection of its own. Returns a stop function giving the mean number of connections
 * per state (running, waiting for a lock, waiting for the app, idle in the pool, …).
 */
async function sampleBackends(url: string, everyMs = 25): Promise<() => Promise<string>> {
  const db = new pg.Client({ connectionString: url });
  db.on('error', (e) => progress(`sampler connection: ${e.message}`));
  await db.connect();
  const sums = new Map<string, number>();
  const holderSums = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query<{ w: string; n: number }>(
        `SELECT CASE WHEN state = 'active' AND wait_event IS NOT NULL THEN 'waiting ' || wait_event_type || ':' || wait_event
                     WHEN state = 'active' THEN 'running a statement'
                     WHEN state = 'idle in transaction' THEN 'in a transaction, waiting for the app'
                     ELSE coalesce(state, '?') || ' (in the pool)' END AS w, count(*)::int AS n
           FROM pg_stat_activity
          WHERE datname = current_database() AND usename = 'ganbu_app' AND pid <> pg_backend_pid()
          GROUP BY 1`,
      );
      for (const r of rows) sums.set(r.w, (sums.get(r.w) ?? 0) + r.n);
      const holder = await db.query<{ w: string }>(
        `SELECT CASE WHEN a.state = 'active' AND a.wait_event IS NOT NULL THEN 'waiting ' || a.wait_event_type || ':' || a.wait_event
                     WHEN a.state = 'active' THEN 'running a statement'
                     WHEN a.state = 'idle in transaction' THEN 'in a transaction, waiting for the app'
                     ELSE a.state END AS w
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.objid = 727201`,
      );
      const hw = `audit lock holder: ${holder.rows[0]?.w ?? 'none'}`;
      holderSums.set(hw, (holderSums.get(hw) ?? 0) + 1);
      samples++;
      await sleep(everyMs);
    }
  })();
  return async () => {
    running = false;
    await loop;
    await db.end();
    const mean = (m: Map<string, number>) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([w, n]) => `${(n / Math.max(1, samples)).toFixed(2)} ${w}`)
        .join(', ');
    return `${mean(sums)}\n  ${mean(holderSums)}`;
  };
}

// ------------------------------------------------------------------------------------------ 1. burst

interface Job {
  kind: 'single' | 'pair' | 'again';
  i: number;
}

async function burst(stack: Stack, args: Record<string, string | boolean | undefined>) {
  const slips = Number(args.slips);
  const clients = Number(args.clients);
  const targets = Number(args.targets);
  const resubmits = Math.round((slips * Number(args.resubmit)) / 100);
  const pairs = Math.min(Number(args.pairs), slips - resubmits);
  const base = stack.baseUrl;
  out(`\n== 1. Burst — ${stack.target.label}, ${stack.serverVersion} (app in this process) ==`);
  await checkAdmin(stack.admin);
  const orgdept = await login(stack, 'orgdept');
  const round = await setUpRound(base, orgdept, targets, slips);
  out(
    `round: ${PACK} / ${SCHEME}, group '${GROUP}', ${targets} target units, ${int(slips)} slips issued in ` +
      `${round.issueCalls} call(s) (${sec(round.issueMs)}), opened`,
  );

  // which slips are resubmitted after their acknowledgement, and which are first submitted twice at once
  const rand = prng(2026);
  const order = round.codes.map((_, i) => i);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [order[k], order[j]] = [order[j] as number, order[k] as number];
  }
  const again = new Set(order.slice(0, resubmits));
  const paired = new Set(order.slice(resubmits, resubmits + pairs));
  // resubmissions are queued ~3 rounds of clients after their first submission (and wait for its answer)
  const jobs: Job[] = [];
  const later = new Map<number, Job[]>();
  for (let i = 0; i < slips; i++) {
    jobs.push({ kind: paired.has(i) ? 'pair' : 'single', i });
    if (again.has(i)) {
      const at = jobs.length + 3 * clients;
      later.set(at, [...(later.get(at) ?? []), { kind: 'again', i }]);
    }
    const due = later.get(jobs.length);
    if (due) {
      later.delete(jobs.length);
      jobs.push(...due);
    }
  }
  for (const js of later.values()) jobs.push(...js);
  const first = round.codes.map((_, i) => JSON.stringify(ballotOf(round, i, 'first')));
  const expectedSum = round.codes.reduce((a, _, i) => a + hundredthsOf(ballotOf(round, i, 'first')), 0);

  const firstDone: Promise<void>[] = [];
  const release: (() => void)[] = [];
  for (let i = 0; i < slips; i++) firstDone.push(new Promise<void>((r) => (release[i] = r)));
  const results: { job: Job; o: Outcome }[] = [];
  let connections = 0;
  const countConnection = () => connections++;
  stack.app.server.on('connection', countConnection);
  const stopSampler = await sampleBackends(stack.adminUrl);
  const rss0 = resetPeakRss();
  const cpu0 = process.cpuUsage();
  const ticks0 = machineTicks();
  progress(
    `burst: ${int(jobs.length)} jobs (${int(slips)} slips, ${resubmits} resubmissions, ${pairs} simultaneous pairs) from ${clients} clients`,
  );
  const t0 = performance.now();
  await runLanes(clients, jobs, async (job) => {
    const code = round.codes[job.i] as string;
    const address = raterAddress(job.i);
    if (job.kind === 'again') {
      await firstDone[job.i];
      const body = JSON.stringify(ballotOf(round, job.i, 'again'));
      results.push({ job, o: await submit(base, code, body, address) });
    } else if (job.kind === 'pair') {
      const body = first[job.i] as string;
      const [a, b] = await Promise.all([
        submit(base, code, body, address),
        submit(base, code, body, address),
      ]);
      results.push({ job, o: a }, { job, o: b });
    } else {
      results.push({ job, o: await submit(base, code, first[job.i] as string, address) });
    }
    if (job.kind !== 'again') release[job.i]?.();
  });
  const wallMs = performance.now() - t0;
  const peak = peakRssKb();
  const cpu = process.cpuUsage(cpu0);
  const machine = machineLine(ticks0);
  stack.app.server.off('connection', countConnection);
  const backends = await stopSampler();

  const accepted = results.filter((r) => r.o.status === 200);
  const refused = results.filter((r) => r.o.status === 409 && r.o.code === 'TOKEN_USED');
  out(
    `load: ${clients} clients, ${int(results.length)} POST /api/ballot/{code} over ${connections} TCP connections ` +
      `(keep-alive): ${int(slips - pairs)} single first submissions, ${pairs} slips submitted twice at the same ` +
      `moment, ${resubmits} resubmissions of acknowledged slips`,
  );
  out(`answers: ${statusSummary(results.map((r) => r.o))}`);
  out(`accepted submissions (200):        ${latencyLine(accepted.map((r) => r.o.ms))}`);
  out(`refused duplicates (409):          ${latencyLine(refused.map((r) => r.o.ms))}`);
  out(
    `wall time ${sec(wallMs)}; throughput ${(accepted.length / (wallMs / 1000)).toFixed(0)} accepted ballots/s, ` +
      `${(results.length / (wallMs / 1000)).toFixed(0)} requests/s`,
  );
  out(
    `CPU of this process (app + clients): ${((cpu.user + cpu.system) / 1000 / wallMs).toFixed(2)} cores on average`,
  );
  out(machine);
  out(`app database connections (mean of samples): ${backends}`);
  out(
    `peak RSS of this process (app + ${clients} clients): ${mb(peak)} (before: ${mb(rss0.rssKb)}${rss0.reset ? '' : ', mark not reset'})`,
  );

  const c = new Checks();
  const byJob = (kind: Job['kind']) => results.filter((r) => r.job.kind === kind);
  c.check(accepted.length === slips, `accepted (HTTP 200) ${int(accepted.length)} == slips ${int(slips)}`);
  c.check(
    byJob('single').every((r) => r.o.status === 200),
    `every single first submission got 200 (${byJob('single').filter((r) => r.o.status !== 200).length} did not)`,
  );
  const pairOk = [...paired].every((i) => {
    const two = results.filter((r) => r.job.kind === 'pair' && r.job.i === i).map((r) => r.o);
    return (
      two.length === 2 &&
      two.filter((o) => o.status === 200).length === 1 &&
      two.filter((o) => o.status === 409 && o.code === 'TOKEN_USED').length === 1
    );
  });
  c.check(pairOk, `each of the ${pairs} simultaneous pairs: exactly one 200 and one 409 TOKEN_USED`);
  c.check(
    byJob('again').length === resubmits &&
      byJob('again').every((r) => r.o.status === 409 && r.o.code === 'TOKEN_USED'),
    `every resubmission (${resubmits}) got 409 TOKEN_USED (${byJob('again').filter((r) => !(r.o.status === 409 && r.o.code === 'TOKEN_USED')).length} did not)`,
  );
  const s = await readDb(stack.admin, round);
  c.check(
    s.ballots === accepted.length && s.ballots === slips,
    `ballots stored ${int(s.ballots)} == accepted ${int(accepted.length)} == ${int(slips)} (lost ${Math.max(0, accepted.length - s.ballots)}, extra ${Math.max(0, s.ballots - accepted.length)})`,
  );
  c.check(
    s.tokens.used === slips && s.tokens.issued === 0,
    `slips used ${int(s.tokens.used)}, still issued ${s.tokens.issued}, revoked ${s.tokens.revoked}`,
  );
  const usedSlips = consistencyChecks(c, s, round, stack.cipher, 'database');
  c.check(
    usedSlips.length === slips && s.marks.size === slips,
    `every slip number 0…${slips - 1} on exactly one stored ballot (${int(s.marks.size)} distinct)`,
  );
  c.check(
    s.pointsSum === expectedSum,
    `sum of stored points ${int(s.pointsSum)} == sum of the first submissions ${int(expectedSum)} (no resubmitted ballot stored)`,
  );
  c.check(
    s.refusedAudits === refused.length,
    `refused submissions audited (in full or counted): ${int(s.refusedAudits)} == ${int(refused.length)}`,
  );
  await checkChain(c, stack.admin, stack.cipher, 'database');
  const turnout = await api<{ items: { groupId: string; issued: number; used: number; ballots: number }[] }>(
    base,
    orgdept,
    'GET',
    `/api/assessment/rounds/${round.id}/turnout`,
  );
  const pub = turnout.items.find((g) => g.groupId === GROUP);
  c.check(
    pub?.issued === slips && pub.used === slips && pub.ballots === slips,
    `turnout page (organiser): issued ${pub?.issued}, used ${pub?.used}, ballots ${pub?.ballots}`,
  );
  // closing settles the ballot box: every pooled ballot moves, unchanged, under a new id, in one transaction
  const closeStart = performance.now();
  await api(base, orgdept, 'POST', `/api/assessment/rounds/${round.id}/transition`, { action: 'close' });
  out(`close (settles ${int(slips)} pooled ballots): ${sec(performance.now() - closeStart)}`);
  const settled = await readDb(stack.admin, round);
  const stored = async (sql: string) =>
    Number((await stack.admin.query<{ n: string }>(sql, [round.id])).rows[0]?.n ?? NaN);
  const pooled = await stored(`SELECT count(*) AS n FROM ballot_pending WHERE round_id = $1`);
  c.check(
    pooled === 0 && settled.ballots === slips && settled.pointsSum === expectedSum,
    `after close: ${int(settled.ballots)} ballots stored, ${pooled} left in the pool, same sum of points`,
  );
  consistencyChecks(c, settled, round, stack.cipher, 'after close');
  const xmins = await stored(
    `SELECT count(DISTINCT xmin::text) AS n FROM (SELECT xmin FROM ballots WHERE round_id = $1
      UNION ALL SELECT xmin FROM ballot_scores WHERE round_id = $1) x`,
  );
  const linked = await stored(
    `SELECT count(*) AS n FROM ballot_tokens t JOIN ballots b ON b.xmin = t.xmin WHERE t.round_id = $1`,
  );
  c.check(
    xmins === 1 && linked === 0,
    `after close: every ballot row written by the close (${xmins} distinct xmin), none shares a slip's xmin (${linked})`,
  );
  out('checks:');
  c.print();

  if (!args['no-probe']) {
    // the per-address limit of the ballot routes (ballot-routes.ts: the app's ballotRateMax per minute,
    // BALLOT_RATE_MAX in the server's environment), from one address: ten more than the limit, so the
    // last ten show the 429
    const limit = stack.app.config.ballotRateMax;
    const probe: Outcome[] = [];
    const probeBody = JSON.stringify(ballotOf(round, 0, 'again'));
    for (let k = 0; k < limit + 10; k++)
      probe.push(await submit(base, 'AAAA-AAAA-AAAA', probeBody, '198.19.255.254'));
    out(
      `rate limit (${limit} a minute): ${limit + 10} POST /api/ballot/{code} from one client address within ${sec(probe.reduce((a, o) => a + o.ms, 0))}: ${statusSummary(probe)}`,
    );
  }
  if (c.failed) throw new Error(`${c.failed} burst check(s) failed`);
}

// ------------------------------------------------------------------------------------------ 2. crash

/** The real server (`packages/server/src/main.ts`) in a child process, started and killed by its id. */
class ServerChild {
  proc: ChildProcess | null = null;
  starts = 0;
  constructor(
    readonly work: string,
    readonly dataDir: string,
    readonly port: number,
    readonly databaseUrl: string | null,
  ) {}

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
  get logFile() {
    return join(this.work, 'server.log');
  }

  async start(limitMs: number): Promise<number> {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of [
      'DATABASE_URL',
      'APP_DB_PASSWORD',
      'ENCRYPTION_KEY',
      'DEMO',
      'WEB_DIST',
      'LOGIN_RATE_MAX',
    ])
      delete env[k];
    Object.assign(env, {
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: join(this.work, 'no-web'),
    });
    if (this.databaseUrl) {
      env.DATABASE_URL = this.databaseUrl;
      env.APP_DB_PASSWORD = process.env.APP_DB_PASSWORD || TEST_APP_PASSWORD;
    }
    const log = openSync(this.logFile, 'a');
    const t0 = performance.now();
    const p = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
      cwd: REPO,
      env,
      stdio: ['ignore', log, log],
    });
    closeSync(log); // the child has its own copy
    this.proc = p;
    this.starts++;
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      if (p.exitCode !== null || p.signalCode !== null)
        throw new Error(`server exited (${p.exitCode ?? p.signalCode}): ${this.tail()}`);
      const ok = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - t0;
      await sleep(100);
    }
    throw new Error(`server not healthy after ${limitMs / 1000} s: ${this.tail()}`);
  }

  tail() {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '';
    }
  }

  exited(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
    return new Promise((r) => p.once('exit', () => r()));
  }

  async stop() {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    p.kill('SIGTERM');
    await Promise.race([this.exited(), sleep(60_000)]);
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await this.exited();
  }

  /** VmHWM / VmRSS of the server process. */
  memory(): { hwmKb: number; rssKb: number } {
    try {
      const text = readFileSync(`/proc/${this.proc?.pid}/status`, 'utf8');
      const f = (n: string) => Number(new RegExp(`^${n}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
      return { hwmKb: f('VmHWM'), rssKb: f('VmRSS') };
    } catch {
      return { hwmKb: NaN, rssKb: NaN };
    }
  }

  resetPeak(): boolean {
    try {
      writeFileSync(`/proc/${this.proc?.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  /** The embedded postmaster of this data directory, when running: its pid and port. */
  postmaster(): { pid: number; port: number } | null {
    const file = join(this.dataDir, 'pg', 'postmaster.pid');
    if (!existsSync(file)) return null;
    const lines = readFileSync(file, 'utf8').split('\n');
    const pid = Number(lines[0]);
    try {
      process.kill(pid, 0);
    } catch {
      return null;
    }
    return { pid, port: Number(lines[3]) };
  }

  secrets(): { pgSuperPassword: string; encryptionKey: string } {
    return JSON.parse(readFileSync(join(this.dataDir, 'secrets.json'), 'utf8')) as {
      pgSuperPassword: string;
      encryptionKey: string;
    };
  }

  /** Admin URL of the database the server uses. */
  adminUrl(): string {
    if (this.databaseUrl) return this.databaseUrl;
    const pm = this.postmaster();
    if (!pm) throw new Error('the embedded PostgreSQL is not running');
    return `postgres://postgres:${encodeURIComponent(this.secrets().pgSuperPassword)}@127.0.0.1:${pm.port}/ganbu`;
  }

  /** Cleanup: the server, then a postmaster it left running (fast shutdown), both by pid. */
  async kill() {
    const p = this.proc;
    if (p && p.exitCode === null && p.signalCode === null) {
      p.kill('SIGKILL');
      await this.exited();
    }
    const pm = this.postmaster();
    if (!pm) return;
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(pm.pid, sig);
      } catch {
        // already gone
      }
    };
    signal('SIGINT'); // fast shutdown
    const deadline = Date.now() + 30_000;
    while (this.postmaster() && Date.now() < deadline) await sleep(200);
    if (this.postmaster()) signal('SIGQUIT');
  }
}

type Fate = 'acked' | 'answered' | 'no-answer' | 'not-sent';

async function crash(stack: Stack, args: Record<string, string | boolean | undefined>) {
  const slips = Number(args.slips);
  const clients = Number(args.clients);
  const targets = Number(args.targets);
  const killAt = Math.round((slips * Number(args['kill-at'])) / 100);
  const work = mkdtempSync(join(tmpdir(), 'ganbu-bench-crash-'));
  chmodSync(work, 0o755); // the postgres OS user must reach the embedded data directory
  onCleanup('remove crash work dir', () => rmSync(work, { recursive: true, force: true }));
  let databaseUrl: string | null = null;
  if (stack.target.kind === 'server') {
    const name = `ganbu_bench_${process.pid}_crash`;
    databaseUrl = withDatabase(stack.target.url as string, name);
    const maintUrl = withDatabase(stack.target.url as string, 'postgres');
    const drop = async () => {
      const m = new pg.Client({ connectionString: maintUrl });
      await m.connect();
      try {
        await m.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await m.end();
      }
    };
    await drop();
    onCleanup(`drop database ${name}`, drop);
  }
  const server = new ServerChild(work, join(work, 'data'), await freePort(), databaseUrl);
  onCleanup('stop the server child and its PostgreSQL', () => server.kill(), 90_000);
  out(`\n== 2. Crash — ${stack.target.label} (server in a child process) ==`);
  progress(`crash: starting packages/server/src/main.ts on ${databaseUrl ? 'DATABASE_URL' : server.dataDir}`);
  const firstStart = await server.start(300_000);
  out(
    `server: node --import tsx packages/server/src/main.ts, ${databaseUrl ? `DATABASE_URL …/${new URL(databaseUrl).pathname.slice(1)}` : `DATA_DIR ${server.dataDir} (embedded PostgreSQL)`}; ` +
      `first start (${databaseUrl ? '' : 'initdb, '}migrations, demo seed) ${sec(firstStart)}`,
  );
  const orgdept = await loginAt(server.base, 'orgdept');
  const round = await setUpRound(server.base, orgdept, targets, slips);
  const cipher = createFieldCipher(server.secrets().encryptionKey);
  out(`round: ${PACK} / ${SCHEME}, ${targets} targets, ${int(slips)} slips in '${GROUP}', opened`);

  const fate: Fate[] = round.codes.map(() => 'not-sent');
  const bodies = round.codes.map((_, i) => JSON.stringify(ballotOf(round, i, 'first')));
  const ackMs: number[] = [];
  let acked = 0;
  let inFlight = 0;
  let killed = false;
  let atKill = { acked: 0, inFlight: 0, sent: 0, ms: 0 };
  let sent = 0;
  let peakBeforeKill = { hwmKb: NaN, rssKb: NaN };
  const reset = server.resetPeak();
  const ticks0 = machineTicks();
  const t0 = performance.now();
  progress(`crash: ${clients} clients submitting; SIGKILL after ${killAt} acknowledgements`);
  const order = round.codes.map((_, i) => i);
  await runLanes(
    clients,
    order,
    async (i) => {
      inFlight++;
      sent++;
      const o = await submit(server.base, round.codes[i] as string, bodies[i] as string, raterAddress(i));
      inFlight--;
      if (o.status === 200) {
        fate[i] = 'acked';
        ackMs.push(o.ms);
        acked++;
      } else fate[i] = o.status === 0 ? 'no-answer' : 'answered';
      if (!killed && acked >= killAt) {
        killed = true;
        const mem = server.memory();
        atKill = { acked, inFlight, sent, ms: performance.now() - t0 };
        server.proc?.kill('SIGKILL');
        progress(`crash: SIGKILL at ${sec(atKill.ms)}: ${acked} acknowledged, ${inFlight} in flight`);
        peakBeforeKill = mem;
      }
    },
    () => killed,
  );
  await server.exited();
  const machine = machineLine(ticks0);
  const answeredOther = fate.filter((f) => f === 'answered').length;
  const noAnswer = fate.map((f, i) => ({ f, i })).filter((x) => x.f === 'no-answer');
  const notSent = fate.filter((f) => f === 'not-sent').length;
  out(
    `burst: ${clients} clients; SIGKILL of the server after ${int(atKill.acked)} acknowledged (${args['kill-at']} %) at ` +
      `${sec(atKill.ms)}; ${int(atKill.inFlight)} requests were in flight: ${acked - atKill.acked} still answered 200 ` +
      `(already on the wire), ${int(noAnswer.length)} ended without an answer, ${answeredOther} answered otherwise; ` +
      `${int(notSent)} slips not yet sent`,
  );
  out(`acknowledged submissions (200) before the restart: ${latencyLine(ackMs)}`);
  out(machine);
  out(
    `server process peak RSS during the burst: ${mb(peakBeforeKill.hwmKb)} (VmRSS at the kill ${mb(peakBeforeKill.rssKb)}${reset ? '' : '; peak mark not reset, includes start-up'})`,
  );

  const restart = await server.start(120_000);
  out(`restart on the same ${databaseUrl ? 'database' : 'data directory'}: healthy after ${sec(restart)}`);
  const c = new Checks();
  const db = new pg.Client({ connectionString: server.adminUrl() });
  db.on('error', (e) => progress(`crash admin connection: ${e.message}`));
  await db.connect();
  try {
    await checkAdmin(db);
    const before = await readDb(db, round);
    const stateOf = (i: number) => before.slipState.get(slipHash(cipher, round.codes[i] as string));
    const ackedSlips = fate.map((f, i) => ({ f, i })).filter((x) => x.f === 'acked');
    const lostAcked = ackedSlips.filter((x) => stateOf(x.i) !== 'used' || before.marks.get(x.i) !== 1).length;
    c.check(
      lostAcked === 0,
      `after restart: every acknowledged ballot (${int(ackedSlips.length)}) stored, its slip used (${lostAcked} missing)`,
    );
    consistencyChecks(c, before, round, cipher, 'after restart');
    const unsentUsed = fate.filter((f, i) => f === 'not-sent' && stateOf(i) !== 'issued').length;
    c.check(
      unsentUsed === 0,
      `after restart: slips never sent are all still 'issued' (${unsentUsed} are not)`,
    );
    const storedUnknown = noAnswer.filter((x) => stateOf(x.i) === 'used').length;
    out(
      `after restart: ${int(before.ballots)} ballots, slips used ${int(before.tokens.used)} / issued ${int(before.tokens.issued)}; ` +
        `of the ${noAnswer.length} submissions without an answer ${storedUnknown} were stored (committed before the kill), ` +
        `${noAnswer.length - storedUnknown} not (rolled back)`,
    );

    // the raters whose ballot was not acknowledged try again
    const remaining = fate.map((f, i) => ({ f, i })).filter((x) => x.f !== 'acked');
    const resumed: { i: number; o: Outcome; wasUsed: boolean }[] = [];
    server.resetPeak();
    const t1 = performance.now();
    await runLanes(clients, remaining, async ({ i }) => {
      const o = await submit(server.base, round.codes[i] as string, bodies[i] as string, raterAddress(i));
      resumed.push({ i, o, wasUsed: stateOf(i) === 'used' });
    });
    const resumeMs = performance.now() - t1;
    const resumeMem = server.memory();
    const ok = resumed.filter((r) => r.o.status === 200);
    out(
      `resume: ${int(remaining.length)} remaining slips from ${clients} clients in ${sec(resumeMs)}: ${statusSummary(resumed.map((r) => r.o))}`,
    );
    out(`accepted submissions after restart: ${latencyLine(ok.map((r) => r.o.ms))}`);
    out(`server process peak RSS during the resume: ${mb(resumeMem.hwmKb)}`);
    const wrong = resumed.filter((r) =>
      r.wasUsed ? !(r.o.status === 409 && r.o.code === 'TOKEN_USED') : r.o.status !== 200,
    ).length;
    c.check(
      wrong === 0,
      `resume: unused slips accepted (200), slips stored before the kill refused 409 TOKEN_USED (${wrong} otherwise)`,
    );
    const after = await readDb(db, round);
    c.check(
      after.ballots === slips && after.tokens.used === slips && after.tokens.issued === 0,
      `final: ballots ${int(after.ballots)} == slips used ${int(after.tokens.used)} == ${int(slips)} (issued ${after.tokens.issued})`,
    );
    consistencyChecks(c, after, round, cipher, 'final');
    c.check(
      after.marks.size === slips,
      `final: every slip number on exactly one ballot (${int(after.marks.size)} distinct)`,
    );
    await checkChain(c, db, cipher, 'final');
  } finally {
    await db.end().catch(() => undefined);
  }
  out('checks:');
  c.print();
  await server.stop();
  if (c.failed) throw new Error(`${c.failed} crash check(s) failed`);
}

// ------------------------------------------------------------------------------------------ main

await runBench(
  {
    name: 'ballot burst',
    timeoutS: 1800,
    options: {
      slips: { type: 'string', default: '1000' },
      clients: { type: 'string', default: '50' },
      targets: { type: 'string', default: '5' },
      resubmit: { type: 'string', default: '10' },
      pairs: { type: 'string', default: '50' },
      'kill-at': { type: 'string', default: '40' },
      part: { type: 'string', default: 'all' },
      'no-probe': { type: 'boolean', default: false },
    },
  },
  async (stack, args) => {
    const part = String(args.part);
    if (!['burst', 'crash', 'all'].includes(part)) throw new Error('--part burst|crash|all');
    const failures: Error[] = [];
    if (part !== 'crash')
      await burst(stack, args).catch((e: unknown) => {
        failures.push(e instanceof Error ? e : new Error(String(e)));
        progress(`burst: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      });
    if (part !== 'burst') await crash(stack, args);
    if (failures[0]) throw failures[0];
  },
);
