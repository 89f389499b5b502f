/**
 * EXPLAIN (ANALYZE, BUFFERS) of the report queries on a held database (`hold.ts`): runs a report function as
 * 组织部 (scope 全部) under row-level security (the app role, the request's scope settings): its time over
 * --runs runs after a warm-up, then one more run printing the plan of every query whose text holds --match
 * (each such query is explained, then run as usual).
 *
 *   node --import tsx bench/lib/explain.ts --url <admin URL> --what training|health|talk|leave|dashboard
 *        [--pack fengze] [--match 'GROUP BY']
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { APP_ROLE } from '../../packages/server/src/db/bootstrap.ts';
import { healthCoverage } from '../../packages/server/src/modules/care/health/coverage.ts';
import { leaveCoverage } from '../../packages/server/src/modules/care/leave/coverage.ts';
import { talkCoverage } from '../../packages/server/src/modules/care/talks/coverage.ts';
import { trainingComplianceByUnit } from '../../packages/server/src/modules/training/programmes/service.ts';
import type { Actor, RequestContext } from '../../packages/server/src/platform/context.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import { backendPid, sample } from './cpu.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    what: { type: 'string', default: 'training' },
    pack: { type: 'string', default: 'fengze' },
    match: { type: 'string', default: 'GROUP BY' },
    runs: { type: 'string', default: '3' },
    dump: { type: 'boolean', default: false },
  },
});
const client = new pg.Client({ connectionString: values.url });
await client.connect();
await client.query(
  `INSERT INTO settings (key, value) VALUES ('policy.pack', to_jsonb($1::text))
   ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
  [values.pack],
);
const { rows } = await client.query<{
  id: string;
  roles: Actor['roles'];
  scope_mode: Actor['scopeMode'];
  org_id: string;
  org_path: string;
  cadre_id: string | null;
}>(
  `SELECT id, roles, scope_mode, org_id, org_path::text AS org_path, cadre_id FROM users WHERE username = 'orgdept'`,
);
const u = rows[0]!;
const actor: Actor = {
  userId: u.id,
  sessionId: '',
  username: 'orgdept',
  roles: u.roles,
  scopeMode: u.scope_mode,
  orgId: u.org_id,
  orgPath: u.org_path,
  cadreId: u.cadre_id,
  csrfToken: '',
  mustChangePassword: false,
  mustEnrolTotp: false,
};
const district = (await client.query<{ id: string }>(`SELECT id FROM orgs WHERE parent_id IS NULL`)).rows[0]!
  .id;
const run: Record<string, (ctx: RequestContext) => Promise<unknown>> = {
  training: (ctx) =>
    trainingComplianceByUnit(ctx.client, { orgId: district, year: 2026, asOf: '2026-10-01' }),
  health: (ctx) => healthCoverage(ctx, { year: 2026, orgId: district }),
  talk: (ctx) => talkCoverage(ctx, { year: 2026, orgId: district }),
  leave: (ctx) => leaveCoverage(ctx, { year: 2026, orgId: district }),
};
const fn = run[values.what]!;

let explaining = false;
const query = client.query.bind(client) as (...a: unknown[]) => Promise<pg.QueryResult>;
(client as unknown as { query: unknown }).query = async (text: unknown, params?: unknown) => {
  const sql = typeof text === 'string' ? text : ((text as { text?: string }).text ?? '');
  if (explaining && sql.includes(values.match)) {
    const plan = (await query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as pg.QueryResult<{
      'QUERY PLAN': string;
    }>;
    process.stdout.write(`-- ${sql.replace(/\s+/g, ' ').slice(0, 160)}…\n`);
    if (values.dump) process.stdout.write(`${sql}\n-- params: ${JSON.stringify(params)}\n`);
    for (const r of plan.rows) process.stdout.write(`${r['QUERY PLAN']}\n`);
    process.stdout.write('\n');
  }
  return query(text, params);
};

await client.query('BEGIN');
await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
await setScope(client, actor);
const ctx: RequestContext = {
  // the request's connection (a pool's client; release is never called here)
  client: Object.assign(client, { release: () => undefined }),
  actor,
  now: new Date('2026-11-02T04:00:00Z'),
  clientAddress: '127.0.0.1',
  audited: false,
  audit: async () => {},
};
await fn(ctx); // warm
const times: number[] = [];
const cpu: number[] = [];
const pid = await backendPid(client);
for (let i = 0; i < Number(values.runs); i++) {
  const { s } = await sample(pid, () => fn(ctx));
  times.push(Math.round(s.wallMs));
  if (s.cpuMs !== null) cpu.push(Math.round(s.cpuMs));
}
explaining = true;
await fn(ctx);
await client.query('ROLLBACK');
process.stdout.write(
  `${values.what} (${values.pack}) times: ${times.join(', ')} ms; CPU (backend + app): ${cpu.join(', ')} ms\n`,
);
await client.end();
