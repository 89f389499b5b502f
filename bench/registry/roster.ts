/**
 * Roster query benchmark (target 1): the roster's usual requests over 100,000 cadres (the default page,
 * a rank sort, two derived-fact filters, three filters + a birth-date sort) through the HTTP API,
 * interleaved with the same SQL run directly as the app role with the request's scope (RLS included).
 *
 *   node --import tsx bench/registry/roster.ts [--cadres 100000] [--requests 100] [--warmup 10]
 *     [--queries default,rank,leadership,grassroots,birth]
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CadreListQuerySchema, type CadreListQuery } from '@ganbu/core';
import type pg from 'pg';
import {
  listRoster,
  ROSTER_COUNT_CAP,
  rosterCount,
  rosterSelect,
} from '../../packages/server/src/modules/cadre/repository.ts';
import { backendPid, sample } from '../lib/cpu.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import {
  actorOf,
  authHeaders,
  int,
  login,
  ms,
  out,
  progress,
  runBench,
  stats,
  type Stack,
  type Stats,
} from './lib.ts';

const PLAN_FILE = new URL('./roster-plan.txt', import.meta.url).pathname;
const QUERY = 'ageMax=40&education=大学&streetOrTownship=true&sort=birthDate&order=desc&pageSize=50';
const PAGES = 20;
const TARGET_P95_MS = 50;

/**
 * Bulk cadres as the admin login, in one INSERT … SELECT: units weighted by kind (streets and townships
 * larger), birth dates 1962–2002, 62 % men, education 大学/大专/研究生, political status, category and
 * rank spreads, derived-fact flags with plausible shares. ID number and phone carry real ciphertexts
 * (1,000 distinct ones, cycled) so the roster decrypts and masks them as it does in production.
 */
async function generateCadres(stack: Stack, count: number) {
  const ids: string[] = [];
  const phones: string[] = [];
  for (let i = 0; i < 1000; i++) {
    ids.push(stack.cipher.encrypt(`35050319${70 + (i % 30)}0101${String(i).padStart(3, '0')}X`));
    phones.push(stack.cipher.encrypt(`139${String(i * 7919).padStart(8, '0')}`));
  }
  await stack.admin.query('SELECT setseed(0.2026)');
  await stack.admin.query(
    `WITH w AS (
       SELECT o.id, o.path, o.kind
         FROM orgs o,
              generate_series(1, CASE o.kind WHEN 'street' THEN 6 WHEN 'township' THEN 6
                                             WHEN 'department' THEN 2 ELSE 1 END)
        WHERE o.parent_id IS NOT NULL AND o.active
     ), o AS (
       SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths,
              array_agg(kind ORDER BY path) AS kinds, count(*)::int AS n FROM w
     ), s AS (
       SELECT g, 1 + floor(random() * o.n)::int AS oi, random() AS r_name1, random() AS r_name2,
              random() AS r_gender, random() AS r_birth, random() AS r_edu, random() AS r_pol, random() AS r_cat,
              random() AS r_rank, random() AS r_fact1, random() AS r_fact2, random() AS r_fact3, random() AS r_months
         FROM generate_series(1, $1::int) g, o
     )
     INSERT INTO cadres (org_id, org_path, name, gender, birth_date, ethnicity, native_place, political_status,
                         full_time_education, category, rank, post_title, fact_street_or_township,
                         fact_street_leadership, fact_township_secretary, fact_grassroots_months,
                         id_number_enc, phone_enc)
     SELECT o.ids[s.oi], o.paths[s.oi],
            substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹', 1 + floor(s.r_name1 * 30)::int, 1)
              || substr('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志文斌辉海燕红鹏飞', 1 + floor(s.r_name2 * 40)::int, 1)
              || CASE WHEN s.r_name2 < 0.7
                      THEN substr('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志文斌辉海燕红鹏飞', 1 + (g % 40), 1)
                      ELSE '' END,
            CASE WHEN s.r_gender < 0.62 THEN 'male' ELSE 'female' END,
            to_char(date '1962-01-01' + floor(s.r_birth * (date '2002-12-31' - date '1962-01-01' + 1))::int, 'YYYY-MM-DD'),
            '汉族', '福建泉州',
            CASE WHEN s.r_pol < 0.75 THEN '中共党员' WHEN s.r_pol < 0.78 THEN '中共预备党员'
                 WHEN s.r_pol < 0.85 THEN '共青团员' WHEN s.r_pol < 0.88 THEN '民主党派' ELSE '群众' END,
            CASE WHEN s.r_edu < 0.15 THEN '{"education":"研究生","degree":"硕士","school":"","major":""}'::jsonb
                 WHEN s.r_edu < 0.70 THEN '{"education":"大学","degree":"学士","school":"","major":""}'::jsonb
                 ELSE '{"education":"大专","degree":"","school":"","major":""}'::jsonb END,
            CASE WHEN o.kinds[s.oi] IN ('village', 'community') THEN 'village_community'
                 WHEN s.r_cat < 0.6 THEN 'comprehensive' WHEN s.r_cat < 0.8 THEN 'law_enforcement'
                 WHEN s.r_cat < 0.9 THEN 'professional_technical' ELSE 'public_institution' END,
            (ARRAY['二级科员','一级科员','四级主任科员','三级主任科员','二级主任科员','一级主任科员','副科级','正科级','副处级'])
              [1 + floor(s.r_rank * 9)::int],
            (ARRAY['科员','副主任','主任','副科长','科长','副书记','委员'])[1 + floor(s.r_rank * 7)::int],
            s.r_fact1 < CASE WHEN o.kinds[s.oi] IN ('street', 'township', 'village', 'community') THEN 0.85 ELSE 0.25 END,
            s.r_fact2 < 0.12,
            s.r_fact3 < 0.015,
            floor(s.r_months * 240)::int,
            ($2::text[])[1 + g % 1000], ($3::text[])[1 + (g * 7) % 1000]
       FROM s, o`,
    [count, ids, phones],
  );
  // as autovacuum does after a bulk insert: the visibility map lets the roster use index-only scans
  await stack.admin.query('VACUUM ANALYZE cadres');
  await stack.admin.query('ANALYZE orgs');
}

/**
 * The roster requests measured: the page as it opens (sort by unit), a sort by rank, two filters on
 * derived facts (a fact_* flag and the grassroots years), and the original three-filter query.
 */
const QUERIES: { key: string; label: string; query: string }[] = [
  { key: 'default', label: 'default page (sort=org)', query: 'sort=org&order=asc&pageSize=20' },
  { key: 'rank', label: 'sort by rank', query: 'sort=rank&order=asc&pageSize=20' },
  {
    key: 'leadership',
    label: 'fact filter 街道领导经历',
    query: 'streetLeadership=true&sort=org&order=asc&pageSize=20',
  },
  {
    key: 'grassroots',
    label: 'derived filter 基层工作 ≥ 10 年',
    query: 'grassrootsYearsMin=10&sort=org&order=asc&pageSize=20',
  },
  { key: 'birth', label: 'age + education + street (original)', query: QUERY },
];

const queryOf = (query: string, page: number) =>
  CadreListQuerySchema.parse(Object.fromEntries(new URLSearchParams(`${query}&page=${page}`)));

const today = () => new Date().toISOString().slice(0, 10);

const loadAvg = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

interface Pair {
  http: Stats;
  sql: Stats;
  tx: Stats;
  /** this process's CPU per HTTP request (app + client JavaScript), ms */
  httpNodeCpu: number;
  /** backend + this process CPU per SQL sample, ms (null: backend not readable here) */
  sqlCpu: number | null;
  total: number;
  /** the count stopped at the cap (the page shows "10,000+") */
  capped: boolean;
  load: string;
}

/**
 * One query for one user: HTTP and SQL samples alternate (one HTTP request, then the same page's SQL), so
 * load drift moves both alike. The SQL sample is what the route's transaction does, on a connection of the
 * app's pool: BEGIN, the user's scope (the server's own setScope), `listRoster` itself (every statement it
 * sends), COMMIT; `sql` times `listRoster` only, `tx` the whole transaction.
 */
async function pairRun(
  stack: Stack,
  username: string,
  query: string,
  requests: number,
  warmup: number,
): Promise<Pair> {
  const session = await login(stack, username);
  const headers = authHeaders(session);
  const actor = await actorOf(stack, username);
  const client = await stack.pool.connect();
  try {
    const pid = await backendPid(client);
    let total = -1;
    let capped = false;
    const http = async (page: number) => {
      const t0 = performance.now();
      const res = await fetch(`${stack.baseUrl}/api/cadres?${query}&page=${page}`, {
        headers,
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await res.json()) as { items: unknown[]; total: number; totalCapped?: boolean };
      const dt = performance.now() - t0;
      if (res.status !== 200)
        throw new Error(`GET /api/cadres?${query} as ${username}: ${res.status} ${JSON.stringify(body)}`);
      if (total !== -1 && body.total !== total) throw new Error('total changed between requests');
      total = body.total;
      capped = body.totalCapped === true;
      const pageSize = queryOf(query, page).pageSize;
      if (body.items.length > pageSize || (page === 1 && body.items.length !== Math.min(pageSize, total)))
        throw new Error(`page ${page}: ${body.items.length} items of ${total}`);
      return dt;
    };
    const sql = async (page: number) => {
      const q = queryOf(query, page);
      const t0 = performance.now();
      await client.query('BEGIN');
      await setScope(client, actor);
      const t1 = performance.now();
      const r = await listRoster(
        client,
        q,
        today(),
        undefined,
        undefined,
        ROSTER_COUNT_CAP,
        actor.scopeMode !== 'all',
      );
      const t2 = performance.now();
      await client.query('COMMIT');
      const t3 = performance.now();
      const n = r.count?.total ?? -1;
      if (n !== total) throw new Error(`${username}: SQL total ${n} ≠ HTTP total ${total}`);
      return { sql: t2 - t1, tx: t3 - t0 };
    };
    const pageOf = (i: number) => (i % PAGES) + 1;
    for (let i = 0; i < warmup; i++) {
      await http(pageOf(i));
      await sql(pageOf(i));
    }
    const h: number[] = [];
    const s: number[] = [];
    const t: number[] = [];
    let nodeCpu = 0;
    let sqlCpu: number | null = 0;
    for (let i = 0; i < requests; i++) {
      const c0 = process.cpuUsage();
      h.push(await http(pageOf(i)));
      const c1 = process.cpuUsage(c0);
      nodeCpu += (c1.user + c1.system) / 1000;
      const { value, s: cpu } = await sample(pid, () => sql(pageOf(i)));
      s.push(value.sql);
      t.push(value.tx);
      sqlCpu = sqlCpu === null || cpu.cpuMs === null ? null : sqlCpu + cpu.cpuMs;
    }
    return {
      http: stats(h),
      sql: stats(s),
      tx: stats(t),
      httpNodeCpu: nodeCpu / requests,
      sqlCpu: sqlCpu === null ? null : sqlCpu / requests,
      total,
      capped,
      load: loadAvg(),
    };
  } finally {
    client.release();
  }
}

/** The statements `listRoster` sends for page 1 of `query` (for EXPLAIN). */
function rosterStatements(q: CadreListQuery, day: string, narrow: boolean) {
  const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const { sql, params } = rosterSelect(q, day, page, undefined, undefined, narrow);
  const count = rosterCount(q, day, ROSTER_COUNT_CAP, undefined, undefined, narrow);
  return { page: { sql, params }, count };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of page 1 and the count: as the app role in `username`'s scope, or with
 * `username` null on the admin login (row-level security bypassed, for comparison).
 */
async function explain(
  stack: Stack,
  username: string | null,
  query: { key: string; query: string },
): Promise<{ text: string; summary: string[] }> {
  const actor = username ? await actorOf(stack, username) : null;
  const pooled = username ? await stack.pool.connect() : null;
  const client: pg.ClientBase = pooled ?? stack.admin;
  const who = actor
    ? `${actor.username} (${actor.scopeMode}${actor.scopeMode === 'subtree' ? ` ${actor.orgPath}` : ''})`
    : 'admin login (RLS bypassed)';
  try {
    const narrow = actor !== null && actor.scopeMode !== 'all';
    const { page, count } = rosterStatements(queryOf(query.query, 1), today(), narrow);
    const parts: string[] = [];
    const summary: string[] = [];
    for (const [label, st] of [
      ['page', page],
      ['count', count],
    ] as const) {
      await client.query('BEGIN');
      if (actor) await setScope(client, actor);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${st.sql}`,
        st.params,
      );
      await client.query('ROLLBACK');
      const plan = rows.map((r) => r['QUERY PLAN']);
      const timing = plan
        .filter((l) => /^(Planning|Execution) Time/.test(l))
        .map((l) => l.replace(' Time:', ''))
        .join(', ');
      summary.push(`${query.key.padEnd(10)} ${label.padEnd(5)} ${who}: ${timing}`);
      parts.push(
        `--- ${query.key} · ${who}: ${label}`,
        st.sql.replace(/\s+/g, ' '),
        `params: ${JSON.stringify(st.params)}`,
        '',
      );
      parts.push(...plan, '');
    }
    return { text: parts.join('\n'), summary };
  } finally {
    pooled?.release();
  }
}

const row = (label: string, s: Stats) =>
  `    ${label.padEnd(34)} p50 ${ms(s.p50).padStart(6)}  p95 ${ms(s.p95).padStart(6)}  max ${ms(s.max).padStart(6)}  mean ${ms(s.mean).padStart(6)} ms`;

let planFileStarted = false;
await runBench(
  {
    name: 'roster',
    timeoutS: 2400,
    options: {
      cadres: { type: 'string', default: '100000' },
      requests: { type: 'string', default: '100' },
      warmup: { type: 'string', default: '10' },
      queries: { type: 'string', default: QUERIES.map((q) => q.key).join(',') },
    },
  },
  async (stack, args) => {
    const wanted = Number(args.cadres);
    const requests = Number(args.requests);
    const warmup = Number(args.warmup);
    const keys = String(args.queries).split(',');
    const queries = QUERIES.filter((q) => keys.includes(q.key));
    const { rows } = await stack.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM cadres');
    const existing = rows[0]?.n ?? 0;
    progress(
      `${stack.target.label}: generating ${int(wanted - existing)} cadres (demo has ${int(existing)})`,
    );
    const g0 = performance.now();
    await generateCadres(stack, Math.max(0, wanted - existing));
    const genS = (performance.now() - g0) / 1000;
    const { rows: after } = await stack.admin.query<{ n: number; size: string }>(
      `SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('cadres')) AS size FROM cadres`,
    );

    out();
    out(`== roster · ${stack.target.label} · ${stack.serverVersion}`);
    out(
      `cadres: ${int(after[0]?.n ?? 0)} (${after[0]?.size}; ${int(wanted - existing)} generated + ANALYZE in ${genS.toFixed(1)} s)`,
    );
    out(
      `per query and user: ${warmup} warm-up pairs, then ${requests} pairs (one HTTP request, then the same page's SQL), pages 1..${PAGES}; times in ms; load average before: ${loadAvg()}`,
    );

    const summary: string[] = [];
    for (const user of ['orgdept', 'street1']) {
      const scope = user === 'orgdept' ? 'all units' : 'subtree of one street';
      for (const q of queries) {
        progress(`${stack.target.label}: ${user}: ${q.key}`);
        const r = await pairRun(stack, user, q.query, requests, warmup);
        const ratio50 = r.http.p50 / r.sql.p50;
        const ratio95 = r.http.p95 / r.sql.p95;
        out();
        out(
          `  ${user} (${scope}) · ${q.label}: ${int(r.total)}${r.capped ? '+ (capped count)' : ''} matching · load ${r.load}`,
        );
        out(`    GET /api/cadres?${q.query}&page=1..${PAGES}`);
        out(row('HTTP request (fetch → JSON)', r.http));
        out(row('SQL (listRoster statements)', r.sql));
        out(row('SQL transaction (BEGIN…COMMIT)', r.tx));
        out(
          `    ratio HTTP / SQL: p50 ${ratio50.toFixed(2)}×  p95 ${ratio95.toFixed(2)}×; CPU per sample: HTTP (Node) ${ms(r.httpNodeCpu)} ms, SQL (backend + Node) ${r.sqlCpu === null ? 'n/a' : `${ms(r.sqlCpu)} ms`}`,
        );
        summary.push(
          `  ${`${user} ${q.key}`.padEnd(22)} total ${`${int(r.total)}${r.capped ? '+' : ''}`.padStart(7)}  HTTP p50/p95 ${ms(r.http.p50).padStart(5)} / ${ms(r.http.p95).padStart(5)}  SQL ${ms(r.sql.p50).padStart(5)} / ${ms(r.sql.p95).padStart(5)}  ratio ${ratio50.toFixed(2)}× / ${ratio95.toFixed(2)}×  p95 ≤ ${TARGET_P95_MS}: ${r.http.p95 <= TARGET_P95_MS ? 'met' : 'EXCEEDED'}  ratio ≤ 1.5: ${ratio95 <= 1.5 ? 'met' : 'EXCEEDED'}`,
        );
      }
    }
    out();
    out(`summary (${stack.target.label}; load average now ${loadAvg()}):`);
    for (const s of summary) out(s);

    progress(`${stack.target.label}: EXPLAIN`);
    const { rows: who } = await stack.admin.query<{ bypass: boolean }>(
      `SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
    );
    const plans = [];
    for (const q of queries) {
      plans.push(await explain(stack, 'orgdept', q), await explain(stack, 'street1', q));
      if (who[0]?.bypass) plans.push(await explain(stack, null, q));
    }
    out();
    out('EXPLAIN (ANALYZE, BUFFERS), page 1:');
    for (const p of plans) for (const s of p.summary) out(`  ${s}`);
    const header = `===== ${stack.target.label} · ${stack.serverVersion} · ${int(after[0]?.n ?? 0)} cadres · ${new Date().toISOString()}\n`;
    const text = `${header}\n${plans.map((p) => p.text).join('\n')}\n`;
    if (planFileStarted) appendFileSync(PLAN_FILE, text);
    else writeFileSync(PLAN_FILE, text);
    planFileStarted = true;
    out(`  full plans: bench/registry/roster-plan.txt`);
  },
);
