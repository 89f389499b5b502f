import { chinaToday, type PayKind } from '@ganbu/core';
import { demoActor, demoRequestContext } from '../../demo/acting.ts';
import type { DemoSeedContext } from '../../demo/context.ts';
import type { Actor } from '../../platform/context.ts';
import { setScope, setSystemScope } from '../../platform/scope-settings.ts';
import * as workflow from '../workflow/service.ts';
import { registerPayCaseHandlers, submitRun } from './service/cases.ts';
import { compute, createRun } from './service/runs.ts';
import { seedDemoPayTables } from './tables/demo-seed.ts';

/**
 * The demo district's pay: its tables and statistics first, then last year's runs built on them, made as
 * the product makes them (create → compute → submit → the case's approvals):
 *   - 街道干部经济待遇上浮 (Fengze) over the district, computed (budget: the pack's default, 15 % of the base);
 *   - 绩效奖金 (Fengze) of the first street, whose staff last year's annual round graded: submitted by the
 *     street's administrator, approved by 组织部 and 区委领导 — the demo cadre (account `cadre`) sees her line
 *     in 我的待遇;
 *   - 村（社区）干部岗位补贴 under the Jinwan pack (its raises by role) over the district, computed.
 * A run the rules refuse on the demo's data stays a draft (its refusal shows when computed on the page).
 */
export async function seedDemoPay(ctx: DemoSeedContext): Promise<void> {
  await seedDemoPayTables(ctx);
  await seedDemoPayRuns(ctx);
}

async function seedDemoPayRuns(ctx: DemoSeedContext): Promise<void> {
  const { client } = ctx;
  const orgdept = await demoActor(ctx, 'orgdept');
  const street1 = await demoActor(ctx, 'street1');
  const leader = await demoActor(ctx, 'leader');
  if (!orgdept || !street1 || !leader) return;
  // the seed may run before (or without) the app's onReady: the case's transitions must move the run
  registerPayCaseHandlers();
  const as = (actor: Actor) => demoRequestContext(ctx, actor);
  const year = String(Number(chinaToday(ctx.now).slice(0, 4)) - 1);

  /** create (as `actor`, in its scope) and compute; a refusal of the rules leaves the draft */
  const run = async (actor: Actor, kind: PayKind, extra: { orgId?: string; packId?: string } = {}) => {
    await setScope(client, actor);
    const created = await createRun(as(actor), { kind, period: year, ...extra });
    await client.query('SAVEPOINT demo_pay_run');
    try {
      await setScope(client, actor);
      await compute(as(actor), created.id);
      await client.query('RELEASE SAVEPOINT demo_pay_run');
      return { id: created.id, computed: true };
    } catch (e) {
      await client.query('ROLLBACK TO SAVEPOINT demo_pay_run');
      process.stderr.write(`demo pay: ${created.name} left a draft (${(e as Error).message})\n`);
      return { id: created.id, computed: false };
    }
  };

  try {
    await run(orgdept, 'street-uplift', { packId: 'fengze' });
    const bonus = await run(street1, 'performance-bonus', { orgId: street1.orgId, packId: 'fengze' });
    if (bonus.computed) {
      await setScope(client, street1);
      const submitted = await submitRun(as(street1), bonus.id, '请审核');
      for (const approver of [orgdept, leader]) {
        await setScope(client, approver);
        await workflow.actOnCase(as(approver), submitted.caseId!, { action: 'approve', comment: '同意' });
      }
    }
    await run(orgdept, 'village-subsidy', { packId: 'jinwan' });
  } finally {
    await setSystemScope(client);
  }
}
