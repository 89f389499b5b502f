/**
 * The shared setup of the 100,000-cadre benchmarks (training compliance, care coverage, structure
 * indicators, the dashboard): the demo district grown to `cadres` active cadres spread evenly over every
 * unit but the stations, with the facts the packs' conditions read (rank, category, professional type,
 * street/township and leadership facts, the current role kind, grassroots months, 参加工作时间), a fifth of
 * the departments tagged 专业部门; the pack chosen; and a measure run as the product runs a request — in
 * one transaction in a user's scope (row-level security on), rolled back.
 */
import type pg from 'pg';
import type { RequestContext } from '../../packages/server/src/platform/context.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import { actorOf, int, ms, progress, type Stack } from '../registry/lib.ts';
import { backendPid, sample } from './cpu.ts';

export interface District {
  id: string;
  path: string;
  name: string;
  /** cadres (every row of the table) and units after seeding */
  cadres: number;
  units: number;
}

/**
 * Grow the demo district to `cadres` cadres (past row-level security, as the admin login): names
 * `${prefix}${n}`; deterministic from n. Then ANALYZE. Returns the district (the tree's root) and counts.
 */
export async function seedDistrict(
  admin: pg.Client,
  o: { cadres: number; prefix: string },
): Promise<District> {
  const { rows: have } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM cadres`);
  const toAdd = Math.max(0, o.cadres - (have[0]?.n ?? 0));
  progress(`seeding ${int(toAdd)} cadres over every unit (the demo district has ${int(have[0]?.n ?? 0)})`);
  const t0 = performance.now();
  await admin.query(
    `UPDATE orgs SET tags = '{professional}' WHERE kind = 'department' AND abs(hashtext(code)) % 5 = 0`,
  );
  await admin.query(
    `WITH o AS (SELECT array_agg(id ORDER BY path) AS ids, array_agg(path ORDER BY path) AS paths,
                       array_agg(kind ORDER BY path) AS kinds, count(*)::int AS n
                  FROM orgs WHERE active AND kind <> 'station')
     INSERT INTO cadres (org_id, org_path, name, gender, birth_date, work_start_date, rank, category, professional_type,
                         fact_street_or_township, fact_street_leadership, fact_township_secretary,
                         fact_grassroots_months, fact_current_role_kind, fact_current_leadership)
     SELECT o.ids[1 + g % o.n], o.paths[1 + g % o.n], $2 || g, CASE WHEN g % 3 = 0 THEN 'female' ELSE 'male' END,
            to_char(date '1962-01-01' + (g * 7 % 14000), 'YYYY-MM-DD'),
            to_char(date '1982-07-01' + (g * 11 % 15000), 'YYYY-MM'),
            (ARRAY['正处级','副处级','正科级','副科级','一级主任科员','二级科员','',''])[1 + g % 8],
            CASE WHEN o.kinds[1 + g % o.n] IN ('village','community') THEN 'village_community' ELSE 'comprehensive' END,
            g % 7 < 3, g % 4 = 0, g % 11 = 0, g % 23 = 0, (g % 9) * 12,
            (ARRAY['party_secretary','government_head','team_member','team_member','staff','staff','staff','staff'])[1 + g % 8],
            g % 8 < 4
       FROM generate_series(1, $1::int) g, o`,
    [toAdd, o.prefix],
  );
  await admin.query(`ANALYZE cadres, orgs`);
  const { rows } = await admin.query<{ id: string; path: string; name: string; c: number; u: number }>(
    `SELECT id, path::text AS path, name, (SELECT count(*)::int FROM cadres) AS c, (SELECT count(*)::int FROM orgs) AS u
       FROM orgs WHERE parent_id IS NULL`,
  );
  const r = rows[0]!;
  progress(`  cadres seeded in ${ms(performance.now() - t0)} ms`);
  return { id: r.id, path: r.path, name: r.name, cadres: r.c, units: r.u };
}

/** The district's pack (the `policy.pack` setting). */
export async function choosePack(admin: pg.Client, packId: string): Promise<void> {
  await admin.query(
    `INSERT INTO settings (key, value) VALUES ('policy.pack', to_jsonb($1::text))
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [packId],
  );
}

/**
 * `fn` with a request context of the demo account `username` (default 组织部, scope 全部) in one
 * transaction with its scope set, rolled back afterwards; `now` is the request's clock.
 */
export async function asUser<T>(
  stack: Stack,
  fn: (ctx: RequestContext) => Promise<T>,
  o: { username?: string; now?: Date } = {},
): Promise<T> {
  const actor = await actorOf(stack, o.username ?? 'orgdept');
  const client: pg.PoolClient = await stack.pool.connect();
  try {
    await client.query('BEGIN');
    await setScope(client, actor);
    const ctx: RequestContext = {
      client,
      actor,
      now: o.now ?? new Date('2026-11-02T04:00:00Z'),
      clientAddress: '127.0.0.1',
      audited: false,
      audit: async () => {},
    };
    return await fn(ctx);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/**
 * `runs` timings of `fn` after one warm-up whose answer is returned; with `client` (the connection `fn` runs
 * on) also the CPU time of each run, its backend's and this process's (`cpu`, empty when not readable).
 */
export async function timed<T>(
  runs: number,
  fn: () => Promise<T>,
  client?: pg.ClientBase,
): Promise<{ first: T; times: number[]; cpu: number[] }> {
  const first = await fn();
  const pid = client ? await backendPid(client) : null;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { s } = await sample(pid, fn);
    times.push(s.wallMs);
    if (s.cpuMs !== null) cpu.push(s.cpuMs);
  }
  return { first, times, cpu };
}
