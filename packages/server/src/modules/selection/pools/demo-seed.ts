import { addMonths, chinaToday, type PoolLevelPolicy } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../../demo/acting.ts';
import type { DemoSeedContext } from '../../../demo/context.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { setScope, setSystemScope } from '../../../platform/scope-settings.ts';
import { packOn, selectedPackId } from '../../assessment/service/packs.ts';
import { leave, nominate, recordReview } from './service.ts';

/**
 * The demo district's pools under its pack (Fengze by default), made as 组织部 makes them (nominate → the
 * conditions checked, reviews scheduled, tags set, audited):
 *   - 副处级 reserve: twelve 正科级 cadres, four of them with street leadership experience (so the Fengze
 *     indicator 推荐副处级后备干部人选中具有街道领导工作经历的比例 reads 4/12 = 33.3% against ≥ 30%), entered
 *     4 to 20 months ago; the yearly review of those in over a year recorded (one not kept: left), and one
 *     member who left on promotion (动态调整);
 *   - 优秀年轻干部: sixteen cadres aged 35 or less on entry, outside villages and communities.
 */
export async function seedDemoPools(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const pack = await packOn(client, await selectedPackId(client), chinaToday(ctx.now)).catch(() => null);
  const levels = pack?.selection?.pools ?? [];
  const orgdept = await demoActor(ctx, 'orgdept');
  if (!orgdept || !levels.length) return;
  const as = demoRequestContext(ctx, orgdept);
  const today = chinaToday(ctx.now);
  try {
    await setScope(client, orgdept);
    for (const level of levels) {
      if (level.kind === 'reserve') await seedReserve(as, level, today);
      else await seedYoung(as, level, today);
    }
  } finally {
    await setSystemScope(client);
  }
}

async function seedReserve(ctx: RequestContext, level: PoolLevelPolicy, today: string) {
  const ranks = level.conditions.ranks ?? [];
  // the first street's own first (its administrator, account street1, then sees a member of her street)
  const street =
    (
      await ctx.client.query<{ org_path: string }>(
        `SELECT org_path::text FROM users WHERE username = 'street1'`,
      )
    ).rows[0]?.org_path ?? '';
  const pick = async (leadership: boolean, n: number) => {
    const { rows } = await ctx.client.query<{ id: string }>(
      `SELECT c.id FROM cadres c JOIN orgs o ON o.id = c.org_id
        WHERE c.deactivated_at IS NULL AND (cardinality($1::text[]) = 0 OR c.rank = ANY ($1::text[]))
          AND c.fact_street_leadership = $2 AND o.kind NOT IN ('village', 'community')
        ORDER BY ($4 <> '' AND c.org_path <@ NULLIF($4, '')::ltree) DESC, c.birth_date DESC, c.name LIMIT $3`,
      [ranks, leadership, n, street],
    );
    return rows.map((r) => r.id);
  };
  const ids = [...(await pick(true, 4)), ...(await pick(false, 9))];
  const members: { id: string; enteredOn: string }[] = [];
  for (const [i, cadreId] of ids.entries()) {
    const enteredOn = addMonths(today, -(4 + ((i * 7) % 17)));
    const m = await tryNominate(ctx, {
      cadreId,
      kind: 'reserve',
      level: level.level,
      enteredOn,
      reason: i % 2 ? '民主推荐、组织考察，列为副处级后备干部' : '单位推荐、综合分析研判，列为副处级后备干部',
    });
    if (m) members.push({ id: m.id, enteredOn });
  }
  // one member promoted since (动态调整): leaves the pool, twelve remain
  const promoted = members.pop();
  if (promoted)
    await leave(ctx, promoted.id, { leftOn: addMonths(today, -1), reason: '已提拔为副处级领导职务' });
  // the reviews of those in over a year: recorded on their day (the last of them not kept would change the
  // indicator's figures, so all are kept)
  for (const m of members) {
    const row = await ctx.client.query<{ id: string; due_on: string }>(
      `SELECT id, due_on::text FROM pool_reviews WHERE member_id = $1 AND done_on IS NULL AND due_on <= $2
        ORDER BY due_on LIMIT 1`,
      [m.id, addMonths(today, -1)],
    );
    const r = row.rows[0];
    if (r)
      await recordReview(ctx, m.id, r.id, {
        doneOn: r.due_on,
        result: '年度考核称职，继续培养',
        keeps: true,
      });
  }
}

async function seedYoung(ctx: RequestContext, level: PoolLevelPolicy, today: string) {
  const ageMax = level.conditions.ageMax ?? 35;
  const { rows } = await ctx.client.query<{ id: string }>(
    `SELECT c.id FROM cadres c JOIN orgs o ON o.id = c.org_id
      WHERE c.deactivated_at IS NULL AND o.kind NOT IN ('village', 'community')
        AND c.birth_date > to_char(($1::date - make_interval(years => $2 + 1)), 'YYYY-MM-DD')
      ORDER BY c.birth_date, c.name LIMIT 16`,
    [today, ageMax],
  );
  for (const [i, r] of rows.entries())
    await tryNominate(ctx, {
      cadreId: r.id,
      kind: 'young',
      level: level.level,
      enteredOn: addMonths(today, -(3 + (i % 8))),
      reason: '年轻干部专项调研，列入优秀年轻干部库',
    });
}

/** Nominate; a refusal (conditions on the entry day, a full unit) skips the person. */
async function tryNominate(ctx: RequestContext, input: Parameters<typeof nominate>[1]) {
  await ctx.client.query('SAVEPOINT demo_pool');
  try {
    const m = await nominate(ctx, input);
    await ctx.client.query('RELEASE SAVEPOINT demo_pool');
    return m;
  } catch {
    await ctx.client.query('ROLLBACK TO SAVEPOINT demo_pool');
    return null;
  }
}
