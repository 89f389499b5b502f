/**
 * Roster query benchmark (target 1): 3 filters + sort + a page of 50 over 100,000 cadres, through the
 * HTTP API, and the same SQL run directly as the app role with the request's scope (RLS included).
 *
 *   node --import tsx bench/registry/roster.ts [--cadres 100000] [--requests 200] [--warmup 20]
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { CadreListQuerySchema, type CadreListQuery } from '@ganbu/core';
import type pg from 'pg';
import { rosterSelect, rosterWhere } from '../../packages/server/src/modules/cadre/repository.ts';
import type { Actor } from '../../packages/server/src/platform/context.ts';
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

async function httpRun(stack: Stack, username: string, requests: number, warmup: number) {
  const session = await login(stack, username);
  const headers = authHeaders(session);
  let total = -1;
  const one = async (page: number) => {
    const t0 = performance.now();
    const res = await fetch(`${stack.baseUrl}/api/cadres?${QUERY}&page=${page}`, {
      headers,
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as { items: unknown[]; total: number };
    const dt = performance.now() - t0;
    if (res.status !== 200)
      throw new Error(`GET /api/cadres as ${username}: ${res.status} ${JSON.stringify(body)}`);
    if (total !== -1 && body.total !== total) throw new Error('total changed between requests');
    total = body.total;
    if (body.items.length !== Math.min(50, Math.max(0, total - (page - 1) * 50)))
      throw new Error(`page ${page}: ${body.items.length} items of ${total}`);
    return dt;
  };
  for (let i = 0; i < warmup; i++) await one((i % PAGES) + 1);
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push(await one((i % PAGES) + 1));
  return { stats: stats(samples), total };
}

/** The two statements `listRoster` sends (page and count, pipelined on one connection). */
function rosterStatements(q: CadreListQuery, today: string) {
  const { sql, params } = rosterSelect(q, today, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const where = rosterWhere(q, today);
  return {
    page: { sql, params },
    count: { sql: `SELECT count(*)::int AS n FROM cadres c ${where.sql}`, params: where.params },
  };
}

const queryOf = (page: number) =>
  CadreListQuerySchema.parse(Object.fromEntries(new URLSearchParams(`${QUERY}&page=${page}`)));

/**
 * The same SQL directly: BEGIN, the request's scope via set_config (the server's own setScope; none when
 * `actor` is null), page + count queries, COMMIT. `sql` times the two queries; `tx` the whole transaction.
 */
async function sqlRun(client: pg.ClientBase, actor: Actor | null, requests: number, warmup: number) {
  const one = async (page: number) => {
    const today = new Date().toISOString().slice(0, 10);
    const { page: p, count: c } = rosterStatements(queryOf(page), today);
    const t0 = performance.now();
    await client.query('BEGIN');
    if (actor) await setScope(client, actor);
    const t1 = performance.now();
    const [, n] = await Promise.all([
      client.query(p.sql, p.params),
      client.query<{ n: number }>(c.sql, c.params),
    ]);
    const t2 = performance.now();
    await client.query('COMMIT');
    const t3 = performance.now();
    return { sql: t2 - t1, tx: t3 - t0, total: n.rows[0]?.n ?? 0 };
  };
  for (let i = 0; i < warmup; i++) await one((i % PAGES) + 1);
  const sql: number[] = [];
  const tx: number[] = [];
  let total = 0;
  for (let i = 0; i < requests; i++) {
    const r = await one((i % PAGES) + 1);
    sql.push(r.sql);
    tx.push(r.tx);
    total = r.total;
  }
  return { sql: stats(sql), tx: stats(tx), total };
}

/** As the app role, on a connection of the app's pool, in `username`'s scope (RLS applies). */
async function sqlRunAs(stack: Stack, username: string, requests: number, warmup: number) {
  const actor = await actorOf(stack, username);
  const client = await stack.pool.connect();
  try {
    return await sqlRun(client, actor, requests, warmup);
  } finally {
    client.release();
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of page 1 and the count: as the app role in `username`'s scope, or with
 * `username` null on the admin login (row-level security bypassed, for comparison).
 */
async function explain(stack: Stack, username: string | null): Promise<{ text: string; summary: string[] }> {
  const actor = username ? await actorOf(stack, username) : null;
  const pooled = username ? await stack.pool.connect() : null;
  const client: pg.ClientBase = pooled ?? stack.admin;
  const who = actor
    ? `${actor.username} (${actor.scopeMode}${actor.scopeMode === 'subtree' ? ` ${actor.orgPath}` : ''})`
    : 'admin login (RLS bypassed)';
  try {
    const { page, count } = rosterStatements(queryOf(1), new Date().toISOString().slice(0, 10));
    const parts: string[] = [];
    const summary: string[] = [];
    for (const [label, st] of [
      ['page query (page 1)', page],
      ['count query', count],
    ] as const) {
      await client.query('BEGIN');
      if (actor) await setScope(client, actor);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${st.sql}`,
        st.params,
      );
      await client.query('ROLLBACK');
      const plan = rows.map((r) => r['QUERY PLAN']);
      const timing = plan.filter((l) => /^(Planning|Execution) Time/.test(l)).join(', ');
      summary.push(`${who} ${label}: ${timing}`);
      parts.push(
        `--- ${who}: ${label}`,
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
  `  ${label.padEnd(38)} p50 ${ms(s.p50).padStart(6)}  p95 ${ms(s.p95).padStart(6)}  max ${ms(s.max).padStart(6)}  mean ${ms(s.mean).padStart(6)} ms`;

let planFileStarted = false;

await runBench(
  {
    name: 'roster',
    timeoutS: 1800,
    options: {
      cadres: { type: 'string', default: '100000' },
      requests: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
    },
  },
  async (stack, args) => {
    const wanted = Number(args.cadres);
    const requests = Number(args.requests);
    const warmup = Number(args.warmup);
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
    out(`query: GET /api/cadres?${QUERY}&page=1..${PAGES}`);
    out(`${requests} timed requests after ${warmup} warm-up, one at a time; times in ms`);

    const results: { user: string; http: Stats; sql: Stats; tx: Stats; total: number }[] = [];
    for (const user of ['orgdept', 'street1']) {
      progress(`${stack.target.label}: ${user}: HTTP`);
      const http = await httpRun(stack, user, requests, warmup);
      progress(`${stack.target.label}: ${user}: SQL`);
      const sql = await sqlRunAs(stack, user, requests, warmup);
      if (sql.total !== http.total)
        throw new Error(`${user}: SQL total ${sql.total} ≠ HTTP total ${http.total}`);
      results.push({ user, http: http.stats, sql: sql.sql, tx: sql.tx, total: http.total });
    }
    for (const r of results) {
      const scope = r.user === 'orgdept' ? 'all units' : 'subtree of one street';
      out();
      out(`${r.user} (${scope}): ${int(r.total)} matching cadres`);
      out(row('HTTP request (fetch → JSON)', r.http));
      out(row('SQL only (page + count queries)', r.sql));
      out(row('SQL transaction (BEGIN…COMMIT)', r.tx));
      out(
        `  ratio HTTP / SQL only:                 p50 ${(r.http.p50 / r.sql.p50).toFixed(2)}×  p95 ${(r.http.p95 / r.sql.p95).toFixed(2)}×`,
      );
      out(
        `  target p95 ≤ ${TARGET_P95_MS} ms: ${r.http.p95 <= TARGET_P95_MS ? 'met' : 'EXCEEDED'} (${ms(r.http.p95)} ms)`,
      );
    }
    const [all, sub] = results;
    // the row-level security predicate itself: orgdept's query (scope all: same rows) on the admin login,
    // which bypasses the policies (superuser or BYPASSRLS)
    const { rows: who } = await stack.admin.query<{ bypass: boolean }>(
      `SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
    );
    out();
    if (all && sub && who[0]?.bypass) {
      progress(`${stack.target.label}: SQL without row-level security`);
      const bare = await sqlRun(stack.admin, null, requests, warmup);
      if (bare.total !== all.total) throw new Error(`no-RLS total ${bare.total} ≠ ${all.total}`);
      out(`row-level security cost (same SQL, orgdept's rows):`);
      out(row('SQL only, app role + RLS (orgdept)', all.sql));
      out(row('SQL only, admin login (RLS bypassed)', bare.sql));
      out(
        `  RLS adds p50 ${ms(all.sql.p50 - bare.sql.p50)} ms (${((100 * (all.sql.p50 - bare.sql.p50)) / bare.sql.p50).toFixed(0)} %); street1 (subtree, ${int(sub.total)} matches) SQL p50 ${ms(sub.sql.p50)} ms vs orgdept ${ms(all.sql.p50)} ms`,
      );
    } else if (all && sub) {
      out(
        `row-level security: the admin login does not bypass RLS, so no unfiltered run; street1 SQL p50 ${ms(sub.sql.p50)} ms vs orgdept ${ms(all.sql.p50)} ms`,
      );
    }

    progress(`${stack.target.label}: EXPLAIN`);
    const plans = [await explain(stack, 'orgdept'), await explain(stack, 'street1')];
    if (who[0]?.bypass) plans.push(await explain(stack, null));
    out();
    out('EXPLAIN (ANALYZE, BUFFERS):');
    for (const p of plans) for (const s of p.summary) out(`  ${s}`);
    const header = `===== ${stack.target.label} · ${stack.serverVersion} · ${int(after[0]?.n ?? 0)} cadres · ${new Date().toISOString()}\n`;
    const text = `${header}\n${plans.map((p) => p.text).join('\n')}\n`;
    if (planFileStarted) appendFileSync(PLAN_FILE, text);
    else writeFileSync(PLAN_FILE, text);
    planFileStarted = true;
    out(`  full plans: bench/registry/roster-plan.txt`);
  },
);
