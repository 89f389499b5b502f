/**
 * Development aid: on a round held by `tally-hold.ts`, the CPU time (backend + this process) of the
 * hand-written aggregate, the previous tally and the product's `tallyRound()` (`perrow`: under the
 * policy of before migration 0036, tally-policy.ts), interleaved; optionally a
 * CPU profile of this process (node --cpu-prof) and the plan of the product's statement.
 *
 *   node --import tsx bench/assessment/tally-variants.ts --db URL --round ID [--runs 3] [--explain]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import pg from 'pg';
import { backendPid, procCpuMs, sample } from '../lib/cpu.ts';
import { openAppPool } from '../../packages/server/src/db/database.ts';
import {
  computeRound,
  evaluate,
  tallyRound,
} from '../../packages/server/src/modules/assessment/service/compute.ts';
import { findRound } from '../../packages/server/src/modules/assessment/service/rounds.ts';
import {
  BALLOT_ROUND_HINT,
  streamTargetAggregates,
  targetAggregateSql,
} from '../../packages/server/src/modules/assessment/repository/tally-targets.ts';
import { PLANNER_SETTINGS } from '../../packages/server/src/modules/assessment/repository/tally.ts';
import type { Actor, RequestContext } from '../../packages/server/src/platform/context.ts';
import { setScope } from '../../packages/server/src/platform/scope-settings.ts';
import { TEST_APP_PASSWORD } from '../../packages/server/test/db-urls.ts';
import { previousTallyRound } from './tally-previous.ts';
import { withPerRowPolicy } from './tally-policy.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    round: { type: 'string' },
    runs: { type: 'string', default: '3' },
    explain: { type: 'boolean', default: false },
    only: { type: 'string', default: 'baseline,previous,product' },
  },
});
const BASELINE_SQL = `SELECT target_id, group_id, count(*), sum(total), max(total), min(total)
  FROM ballot_scores WHERE round_id = $1 GROUP BY 1, 2`;
const admin = new pg.Client({ connectionString: values.db });
await admin.connect();
const pool = await openAppPool(values.db!, process.env.APP_DB_PASSWORD || TEST_APP_PASSWORD);
const { rows: u } = await admin.query<{
  id: string;
  roles: Actor['roles'];
  scope_mode: Actor['scopeMode'];
  org_id: string;
  org_path: string;
  cadre_id: string | null;
}>(
  `SELECT id, roles, scope_mode, org_id, org_path::text AS org_path, cadre_id FROM users WHERE username = 'orgdept'`,
);
const me = u[0]!;
const actor: Actor = {
  userId: me.id,
  sessionId: '',
  username: 'orgdept',
  roles: me.roles,
  scopeMode: me.scope_mode,
  orgId: me.org_id,
  orgPath: me.org_path,
  cadreId: me.cadre_id,
  csrfToken: '',
  mustChangePassword: false,
  mustEnrolTotp: false,
};
async function asRequest<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await setScope(client, actor);
    return await fn({
      client,
      actor,
      now: new Date(),
      clientAddress: '127.0.0.1',
      audited: false,
      audit: async () => undefined,
    });
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
const roundId = values.round!;
const split: string[] = [];
const only = new Set(values.only.split(','));
const cpu: Record<string, number[]> = {
  baseline: [],
  previous: [],
  product: [],
  perrow: [],
  stream: [],
  evaluate: [],
  compute: [],
};
const adminPid = await backendPid(admin);
for (let i = 0; i < Number(values.runs); i++) {
  if (only.has('baseline')) {
    await admin.query(`SET work_mem = '256MB'`);
    const a0 = procCpuMs(adminPid!)!;
    const o0 = process.cpuUsage();
    const b = await sample(adminPid, () =>
      admin.query({ text: BASELINE_SQL, values: [roundId], rowMode: 'array' }),
    );
    const o = process.cpuUsage(o0);
    split.push(
      `baseline: backend ${procCpuMs(adminPid!)! - a0} ms, node ${((o.user + o.system) / 1000).toFixed(0)} ms`,
    );
    await admin.query('RESET ALL');
    cpu.baseline!.push(b.s.cpuMs!);
  }
  for (const [name, fn] of [
    ['previous', previousTallyRound],
    ['product', tallyRound],
    ['perrow', tallyRound],
    ['evaluate', evaluate],
    ['compute', computeRound],
    [
      'stream',
      (ctx: RequestContext, r: Awaited<ReturnType<typeof findRound>>) =>
        streamTargetAggregates(
          ctx.client,
          r.id,
          r.rules.scheme.raterGroups.map((g) => g.id),
          () => undefined,
        ),
    ],
  ] as const) {
    if (!only.has(name)) continue;
    // 'perrow': the product under ballot_scores' policy of before migration 0036
    const policy = name === 'perrow' ? withPerRowPolicy : <T>(_: pg.Client, f: () => Promise<T>) => f();
    await policy(admin, () =>
      asRequest(async (ctx) => {
        const r = await findRound(ctx.client, roundId);
        const pid = await backendPid(ctx.client);
        const b0 = procCpuMs(pid!)!;
        const own0 = process.cpuUsage();
        const s = await sample(pid, async () => void (await fn(ctx, r)));
        const own = process.cpuUsage(own0);
        cpu[name]!.push(s.s.cpuMs!);
        split.push(
          `${name}: backend ${procCpuMs(pid!)! - b0} ms, node ${((own.user + own.system) / 1000).toFixed(0)} ms`,
        );
      }),
    );
  }
}
const best = (xs: number[]) => Math.min(...xs);
for (const [k, xs] of Object.entries(cpu))
  if (xs.length)
    console.log(
      `${k.padEnd(10)} CPU ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')} s` +
        (cpu.baseline!.length ? `  ratio ${(best(xs) / best(cpu.baseline!)).toFixed(2)}×` : ''),
    );
console.log(split.join('\n'));
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
if (values.explain)
  await asRequest(async (ctx) => {
    // the statement's settings as streamTargetAggregates sets them: the planner's, and the named round
    for (const [k, v] of Object.entries({ ...PLANNER_SETTINGS, [BALLOT_ROUND_HINT]: roundId }))
      await ctx.client.query(`SELECT set_config($1, $2, true)`, [k, v]);
    const r = await findRound(ctx.client, roundId);
    const ids = r.rules.scheme.raterGroups.map((g) => g.id);
    const { rows } = await ctx.client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${targetAggregateSql(ids.length)}`,
      [roundId, ...ids],
    );
    for (const row of rows) console.log(row['QUERY PLAN']);
  });
await pool.end();
await admin.end();
